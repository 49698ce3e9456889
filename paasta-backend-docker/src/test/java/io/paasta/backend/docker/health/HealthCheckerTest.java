package io.paasta.backend.docker.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.testing.Containers;
import io.paasta.backend.docker.testing.Eventually;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.model.HealthcheckMode;
import io.paasta.planning.app.HealthcheckLabel;
import io.paasta.planning.app.Labels;
import io.paasta.planning.observed.HealthState;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The checker's bookkeeping with a scripted probe (the probes themselves: HealthProbeClientTest).
 */
class HealthCheckerTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final ManualClock clock = new ManualClock();
  private final List<ManagedContainer> running = new CopyOnWriteArrayList<>();
  private final AtomicReference<ProbeResult> next = new AtomicReference<>(ProbeResult.PASS);
  private final AtomicInteger probes = new AtomicInteger();
  private final HealthChecker checker =
      new HealthChecker(
          () -> running,
          (id, check, port) -> {
            probes.incrementAndGet();
            return next.get();
          },
          clock,
          Duration.ofMillis(50),
          2);

  @AfterEach
  void close() {
    checker.close();
  }

  private static ManagedContainer task(String id, double graceSeconds, int maxFailures) {
    return Containers.running(
        id,
        Map.of(
            Labels.HEALTHCHECK,
            HealthcheckLabel.toJson(
                RunSpecBuilder.check(
                    HealthcheckMode.HTTP, "/status", graceSeconds, 0.02, maxFailures)),
            Labels.PORT0,
            "31000"));
  }

  @Test
  void aPassingTaskGoesFromUnknownToHealthy() {
    ManagedContainer task = task("a", 60, 3);
    running.add(task);
    assertThat(checker.healthOf(task)).isEqualTo(HealthState.UNKNOWN);

    checker.discover();

    Eventually.await(WAIT, () -> checker.healthOf(task), HealthState.HEALTHY::equals);
  }

  @Test
  void failuresWithinTheGracePeriodAreIgnoredThenCountToFailed() {
    next.set(ProbeResult.FAIL);
    ManagedContainer task = task("b", 60, 3); // started at the clock's now
    running.add(task);
    checker.discover();
    Eventually.await(WAIT, probes::get, n -> n >= 5);
    assertThat(checker.healthOf(task)).isEqualTo(HealthState.UNKNOWN);

    clock.advance(Duration.ofSeconds(61));

    Eventually.await(WAIT, () -> checker.healthOf(task), HealthState.FAILED::equals);
  }

  @Test
  void skippedChecksDoNotCount() {
    next.set(ProbeResult.SKIP);
    ManagedContainer task = task("c", 0, 1);
    running.add(task);
    checker.discover();
    Eventually.await(WAIT, probes::get, n -> n >= 5);

    assertThat(checker.healthOf(task)).isEqualTo(HealthState.UNKNOWN);
  }

  @Test
  void aCheckerJustStartedCanBeAwaitedUntilEveryTaskWasCheckedOnce() {
    ManagedContainer first = task("g1", 0, 3);
    ManagedContainer second = task("g2", 0, 3);
    running.addAll(List.of(first, second));

    checker.start();
    checker.awaitFirstChecks(WAIT);

    assertThat(checker.healthOf(first)).isEqualTo(HealthState.HEALTHY);
    assertThat(checker.healthOf(second)).isEqualTo(HealthState.HEALTHY);
  }

  @Test
  void awaitingACheckerThatNeverDiscoveredGivesUpLeavingHealthUnknown() {
    ManagedContainer task = task("h", 0, 3);
    running.add(task);

    checker.awaitFirstChecks(Duration.ofMillis(100)); // not started: it never looks

    assertThat(probes.get()).isZero();
    assertThat(checker.healthOf(task)).isEqualTo(HealthState.UNKNOWN);
  }

  @Test
  void aTaskWithoutAHealthCheckIsHealthyWhileRunning() {
    ManagedContainer none = Containers.running("d", Map.of());

    assertThat(checker.healthOf(none)).isEqualTo(HealthState.HEALTHY);
    assertThat(checker.healthOf(Containers.exited("e", Map.of(), 0)))
        .isEqualTo(HealthState.UNKNOWN);
  }

  @Test
  void goneTasksAreForgotten() {
    ManagedContainer task = task("f", 60, 3);
    running.add(task);
    checker.discover();
    Eventually.await(WAIT, () -> checker.healthOf(task), HealthState.HEALTHY::equals);

    running.clear();
    checker.discover();

    assertThat(checker.healthOf(task)).isEqualTo(HealthState.UNKNOWN);
  }

  @Test
  void aNewTaskIsPolledOftenAtFirstThenLessAsItAges() {
    assertThat(HealthChecker.firstPassPollMs(Duration.ZERO)).isEqualTo(10);
    assertThat(HealthChecker.firstPassPollMs(Duration.ofMillis(250))).isEqualTo(25);
    assertThat(HealthChecker.firstPassPollMs(Duration.ofSeconds(30))).isEqualTo(50);
    // a clock that went backwards (a restarted daemon, a task started "in the future")
    assertThat(HealthChecker.firstPassPollMs(Duration.ofSeconds(-5))).isEqualTo(10);
  }
}
