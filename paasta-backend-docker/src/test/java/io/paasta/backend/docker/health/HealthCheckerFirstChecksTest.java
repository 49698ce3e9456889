package io.paasta.backend.docker.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.testing.Containers;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.model.HealthcheckMode;
import io.paasta.planning.app.HealthcheckLabel;
import io.paasta.planning.app.Labels;
import io.paasta.planning.observed.HealthState;
import io.paasta.testing.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Awaiting a just-started checker's first checks (the daemon does before its first passes) returns
 * only once their results are recorded. Scripted: the checker's thread is held between its probe
 * and the recording of the result, as a thread preempted on a loaded machine is; a task that was
 * probed but whose result is not recorded yet would read UNKNOWN, and the first pass after a
 * restart would register none of the healthy tasks ("running 0/3").
 */
class HealthCheckerFirstChecksTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration HOLD = Duration.ofSeconds(2);

  private final AtomicBoolean probed = new AtomicBoolean();
  private final AtomicBoolean held = new AtomicBoolean();
  private final CountDownLatch awaited = new CountDownLatch(1);
  private final HealthChecker checker =
      new HealthChecker(
          () -> List.of(task()),
          (id, check, port) -> {
            probed.set(true);
            return ProbeResult.PASS;
          },
          new HoldingClock(new ManualClock()),
          Duration.ofMillis(50),
          2);

  /**
   * Holds the first reading of the time on a checker thread after a probe (the reading before its
   * result is recorded) until the test has stopped awaiting, or {@link #HOLD} at most.
   */
  private final class HoldingClock extends Clock {
    private final Clock clock;

    HoldingClock(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Instant instant() {
      if (probed.get()
          && Thread.currentThread().getName().startsWith("paasta-health")
          && held.compareAndSet(false, true)) {
        try {
          awaited.await(HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return clock.instant();
    }

    @Override
    public ZoneId getZone() {
      return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @AfterEach
  void close() {
    checker.close();
  }

  private static ManagedContainer task() {
    return httpChecked("first");
  }

  /** A running task with an HTTP health check of {@code /status} on port 31000. */
  static ManagedContainer httpChecked(String name) {
    return Containers.running(
        name,
        Map.of(
            Labels.HEALTHCHECK,
            HealthcheckLabel.toJson(RunSpecBuilder.check(HealthcheckMode.HTTP, "/status", 0, 1, 3)),
            Labels.PORT0,
            "31000"));
  }

  @Test
  void theFirstChecksAreAwaitedUntilTheirResultsAreRecorded() {
    checker.start();
    checker.awaitFirstChecks(WAIT);
    HealthState afterAwaiting = checker.healthOf(task());
    awaited.countDown();

    assertThat(held).as("the checker's thread was held after its probe").isTrue();
    assertThat(afterAwaiting).isEqualTo(HealthState.HEALTHY);
  }
}
