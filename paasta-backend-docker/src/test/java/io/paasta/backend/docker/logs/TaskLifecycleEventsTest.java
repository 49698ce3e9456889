package io.paasta.backend.docker.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.health.HealthChecker;
import io.paasta.backend.docker.health.ProbeResult;
import io.paasta.backend.docker.testing.Containers;
import io.paasta.backend.docker.testing.Eventually;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.HealthcheckLabel;
import io.paasta.planning.app.Labels;
import io.paasta.planning.backend.TaskLogSink;
import io.paasta.planning.observed.HealthState;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskLifecycleEventsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void exitsAndKillsAreToldWithTheirCodes() {
    assertThat(TaskLifecycleEvents.describe("0123456789abcdef", Optional.of(0)))
        .isEqualTo("task 0123456789ab exited with code 0");
    assertThat(TaskLifecycleEvents.describe("0123456789abcdef", Optional.of(137)))
        .isEqualTo("task 0123456789ab killed (signal 9), exited with code 137");
    assertThat(TaskLifecycleEvents.describe("abc", Optional.empty())).isEqualTo("task abc exited");
  }

  @Test
  void theHealthCheckersChangesAreTaskLifecycleLinesOfTheTasksInstance() {
    AtomicReference<ProbeResult> next = new AtomicReference<>(ProbeResult.PASS);
    ManagedContainer task =
        Containers.running(
            "0123456789abcdef",
            Map.of(
                Labels.MANAGED, "true",
                Labels.CLUSTER, "local",
                Labels.SERVICE, "web",
                Labels.INSTANCE, "main",
                Labels.PORT0, "31000",
                Labels.HEALTHCHECK,
                    HealthcheckLabel.toJson(
                        RunSpecBuilder.check(HealthcheckMode.HTTP, "/status", 0, 0.02, 0))));
    List<String> lines = new CopyOnWriteArrayList<>();
    TaskLogSink sink =
        new TaskLogSink() {
          @Override
          public Optional<Instant> storedUpTo(String taskId) {
            return Optional.empty();
          }

          @Override
          public void output(
              InstanceRef ref, String taskId, String stream, Instant at, String text) {}

          @Override
          public void lifecycle(InstanceRef ref, String taskId, Instant at, String message) {
            lines.add(ref.service() + "." + ref.instance() + " " + taskId + ": " + message);
          }
        };
    try (HealthChecker checker =
        new HealthChecker(
            () -> List.of(task),
            (id, check, port) -> next.get(),
            new ManualClock(),
            Duration.ofSeconds(60),
            1)) {
      TaskLifecycleEvents.watchHealth(checker, "local", sink);
      checker.watch(task);
      Eventually.await(WAIT, () -> checker.healthOf(task), HealthState.HEALTHY::equals);
      next.set(ProbeResult.FAIL);
      Eventually.await(WAIT, () -> checker.healthOf(task), HealthState.UNHEALTHY::equals);
      next.set(ProbeResult.PASS);
      Eventually.await(WAIT, lines::size, n -> n >= 3);
    }

    String prefix = "web.main 0123456789abcdef: task 0123456789ab ";
    assertThat(lines)
        .containsExactly(
            prefix + "healthy",
            prefix + "unhealthy (2 failed health checks in a row)",
            prefix + "healthy again (time 2)");
  }

  @Test
  void aFailedTaskIsToldToBeReplaced() {
    ManagedContainer task = Containers.running("abc", Map.of());

    assertThat(
            TaskLifecycleEvents.describe(
                new HealthChecker.Transition(
                    task, HealthState.UNHEALTHY, HealthState.FAILED, Instant.EPOCH, 3, 1)))
        .contains(
            "task abc failed its health check (3 failed health checks in a row): to be replaced");
    assertThat(
            TaskLifecycleEvents.describe(
                new HealthChecker.Transition(
                    task, HealthState.HEALTHY, HealthState.UNKNOWN, Instant.EPOCH, 0, 1)))
        .isEmpty();
  }
}
