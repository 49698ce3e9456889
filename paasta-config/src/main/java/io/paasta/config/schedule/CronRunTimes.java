package io.paasta.config.schedule;

import io.paasta.model.schedule.RunTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The run times of a cron line read in a zone, with the daylight-saving rules of {@link WallClock}:
 * a line with one time of day is "daily or longer", any other one is more frequent.
 */
final class CronRunTimes implements RunTimes {
  /** Where {@link #interval()} samples the gaps between runs: a fixed, ordinary week. */
  private static final Instant SAMPLE_FROM = Instant.parse("2026-01-05T00:00:00Z");

  private static final int SAMPLE_GAPS = 15;

  private final CronLine line;
  private final WallClock clock;
  private final boolean gapRunsAfter;
  private volatile Duration interval;

  CronRunTimes(CronLine line, WallClock clock) {
    this.line = line;
    this.clock = clock;
    this.gapRunsAfter = !line.subDaily();
  }

  @Override
  public Optional<Instant> after(Instant t) {
    // every local time at or before t's runs at or before t (the mapping never goes backwards)
    LocalDateTime from = clock.local(t);
    while (true) {
      Optional<LocalDateTime> candidate = line.firstAtOrAfter(from);
      if (candidate.isEmpty()) {
        return Optional.empty();
      }
      Optional<Instant> at = clock.instant(candidate.get(), gapRunsAfter);
      if (at.isPresent() && at.get().isAfter(t)) {
        return at;
      }
      from = candidate.get().plusMinutes(1);
    }
  }

  @Override
  public Optional<Instant> atOrBefore(Instant t) {
    // just after the clocks went back, later local times ran at their first occurrence, before t
    LocalDateTime from = clock.local(t).plus(clock.wentBackBy(t));
    while (true) {
      Optional<LocalDateTime> candidate = line.lastAtOrBefore(from);
      if (candidate.isEmpty()) {
        return Optional.empty();
      }
      Optional<Instant> at = clock.instant(candidate.get(), gapRunsAfter);
      if (at.isPresent() && !at.get().isAfter(t)) {
        return at;
      }
      from = candidate.get().minusMinutes(1);
    }
  }

  /** The median gap between runs from an ordinary week of 2026 on (a day when none is found). */
  @Override
  public Duration interval() {
    Duration known = interval;
    if (known != null) {
      return known;
    }
    List<Duration> gaps = new ArrayList<>();
    Optional<Instant> previous = after(SAMPLE_FROM);
    while (previous.isPresent() && gaps.size() < SAMPLE_GAPS) {
      Optional<Instant> next = after(previous.get());
      if (next.isPresent()) {
        gaps.add(Duration.between(previous.get(), next.get()));
      }
      previous = next;
    }
    Collections.sort(gaps);
    Duration computed = gaps.isEmpty() ? Duration.ofDays(1) : gaps.get(gaps.size() / 2);
    interval = computed;
    return computed;
  }

  @Override
  public String toString() {
    return line + " (" + clock.zone() + ")";
  }
}
