package io.paasta.planning.jobs;

import io.paasta.model.schedule.RunTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Run times every {@code period} from {@code start}, for tests (no schedule syntax). */
record PeriodTimes(Instant start, Duration period) implements RunTimes {
  @Override
  public Optional<Instant> after(Instant t) {
    if (t.isBefore(start)) {
      return Optional.of(start);
    }
    long k = Duration.between(start, t).toNanos() / period.toNanos() + 1;
    return Optional.of(start.plus(period.multipliedBy(k)));
  }

  @Override
  public Optional<Instant> atOrBefore(Instant t) {
    if (t.isBefore(start)) {
      return Optional.empty();
    }
    long k = Duration.between(start, t).toNanos() / period.toNanos();
    return Optional.of(start.plus(period.multipliedBy(k)));
  }

  @Override
  public Duration interval() {
    return period;
  }
}
