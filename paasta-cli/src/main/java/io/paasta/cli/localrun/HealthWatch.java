package io.paasta.cli.localrun;

import io.paasta.backend.docker.health.HealthProbe;
import io.paasta.backend.docker.health.HealthRecord;
import io.paasta.backend.docker.health.ProbeResult;
import io.paasta.model.Healthcheck;
import io.paasta.planning.observed.HealthState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * Watches one container's health check until it has a verdict, by the daemon's rules (its {@link
 * HealthRecord}): the first check at once; until a first pass within the grace period, a check
 * every {@link #FIRST_PASS_POLL} (or the interval, when shorter), failures not counted; after that,
 * a check every interval, each within its timeout, and {@code max_consecutive_failures} counted
 * failures in a row fail it. A pass is the verdict PASSED, as it makes the daemon count the task
 * healthy. With {@code max_consecutive_failures} 0 (never fail, for the daemon) the first counted
 * failure is the verdict, so that a watch always ends.
 */
public final class HealthWatch {
  /** The daemon's health checker polls this often until a new task first passes. */
  static final Duration FIRST_PASS_POLL = Duration.ofMillis(200);

  /** Waits between checks (a fake in tests). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final HealthProbe probe;
  private final Clock clock;
  private final Sleeper sleeper;

  public HealthWatch(HealthProbe probe, Clock clock, Sleeper sleeper) {
    this.probe = probe;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Checks until a verdict.
   *
   * @param startedAt when the container started (the grace period runs from then)
   * @param running whether the container still runs (asked before each check)
   */
  public HealthVerdict await(
      String containerId,
      Healthcheck check,
      int port0,
      Instant startedAt,
      BooleanSupplier running) {
    if (!check.enabled()) {
      HealthVerdict.Outcome outcome =
          running.getAsBoolean() ? HealthVerdict.Outcome.NO_CHECK : HealthVerdict.Outcome.EXITED;
      return verdict(outcome, 0, HealthRecord.initial(), startedAt);
    }
    Duration grace = seconds(check.gracePeriodSeconds());
    Duration interval = seconds(check.intervalSeconds());
    HealthRecord record = HealthRecord.initial();
    int checks = 0;
    while (true) {
      if (!running.getAsBoolean()) {
        return verdict(HealthVerdict.Outcome.EXITED, checks, record, startedAt);
      }
      ProbeResult result = probe.probe(containerId, check, OptionalInt.of(port0));
      boolean inGrace = clock.instant().isBefore(startedAt.plus(grace));
      if (result != ProbeResult.SKIP) {
        checks++;
      }
      if (result == ProbeResult.PASS) {
        return verdict(HealthVerdict.Outcome.PASSED, checks, record.afterPass(), startedAt);
      }
      if (result == ProbeResult.FAIL) {
        record = record.afterFailure(inGrace, check.maxConsecutiveFailures());
        if (record.state() == HealthState.FAILED
            || (check.maxConsecutiveFailures() <= 0 && record.consecutiveFailures() > 0)) {
          return verdict(HealthVerdict.Outcome.FAILED, checks, record, startedAt);
        }
      }
      boolean waitingForFirstPass = record.state() == HealthState.UNKNOWN && inGrace;
      Duration delay =
          waitingForFirstPass && FIRST_PASS_POLL.compareTo(interval) < 0
              ? FIRST_PASS_POLL
              : interval;
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return verdict(HealthVerdict.Outcome.INTERRUPTED, checks, record, startedAt);
      }
    }
  }

  private HealthVerdict verdict(
      HealthVerdict.Outcome outcome, int checks, HealthRecord record, Instant startedAt) {
    Duration elapsed = Duration.between(startedAt, clock.instant());
    return new HealthVerdict(
        outcome,
        checks,
        record.consecutiveFailures(),
        elapsed.isNegative() ? Duration.ZERO : elapsed);
  }

  /** Seconds of the config as a duration, at least a millisecond. */
  static Duration seconds(double seconds) {
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }
}
