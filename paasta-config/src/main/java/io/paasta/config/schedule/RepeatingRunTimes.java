package io.paasta.config.schedule;

import io.paasta.model.schedule.RunTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The run times of an ISO 8601 repeating interval {@code R[n]/start/period}: run {@code k} (from 0)
 * is the start plus {@code k} periods. The years, months, weeks and days of a period step in the
 * zone's calendar (P1D stays at the same wall-clock time across daylight-saving changes, with the
 * rules of {@link WallClock} for a daily or longer schedule); its hours, minutes and seconds step
 * in absolute time (PT2H is always 7,200 s). A finite {@code Rn} has n runs in all.
 */
final class RepeatingRunTimes implements RunTimes {
  private final LocalDateTime startLocal;
  private final Instant first;
  private final Period period;
  private final Duration duration;
  private final OptionalLong count;
  private final WallClock clock;
  private final Duration nominal;

  /**
   * @param startLocal the first run's wall-clock time in the zone of {@code clock}
   */
  RepeatingRunTimes(
      LocalDateTime startLocal,
      Period period,
      Duration duration,
      OptionalLong count,
      WallClock clock) {
    this.startLocal = startLocal;
    this.period = period;
    this.duration = duration;
    this.count = count;
    this.clock = clock;
    this.first = clock.instant(startLocal, true).orElseThrow();
    this.nominal =
        ChronoUnit.YEARS
            .getDuration()
            .multipliedBy(period.getYears())
            .plus(ChronoUnit.MONTHS.getDuration().multipliedBy(period.getMonths()))
            .plus(Duration.ofDays(period.getDays()))
            .plus(duration);
  }

  /** Run {@code k}, counted from 0 at the start (the count of runs not applied). */
  Instant run(long k) {
    if (period.isZero()) {
      return first.plus(duration.multipliedBy(k));
    }
    LocalDateTime local = startLocal.plus(period.multipliedBy(Math.toIntExact(k)));
    return clock.instant(local, true).orElseThrow().plus(duration.multipliedBy(k));
  }

  /** The index of the last run at or before {@code t}; -1 when {@code t} is before the first. */
  private long lastIndexAtOrBefore(Instant t) {
    if (t.isBefore(first)) {
      return -1;
    }
    Duration elapsed = Duration.between(first, t);
    long k =
        nominal.getNano() % 1_000_000 == 0 && elapsed.getSeconds() < Long.MAX_VALUE / 1000
            ? elapsed.toMillis() / nominal.toMillis()
            : elapsed.dividedBy(nominal);
    if (period.isZero()) {
      return k; // exact
    }
    while (k > 0 && run(k).isAfter(t)) {
      k--;
    }
    while (!run(k + 1).isAfter(t)) {
      k++;
    }
    return k;
  }

  @Override
  public Optional<Instant> after(Instant t) {
    long next = lastIndexAtOrBefore(t) + 1;
    if (count.isPresent() && next >= count.getAsLong()) {
      return Optional.empty();
    }
    return Optional.of(run(next));
  }

  @Override
  public Optional<Instant> atOrBefore(Instant t) {
    long last = lastIndexAtOrBefore(t);
    if (count.isPresent()) {
      last = Math.min(last, count.getAsLong() - 1);
    }
    return last < 0 ? Optional.empty() : Optional.of(run(last));
  }

  /** The period, a month counted as 1/12 of a mean Gregorian year. */
  @Override
  public Duration interval() {
    return nominal;
  }
}
