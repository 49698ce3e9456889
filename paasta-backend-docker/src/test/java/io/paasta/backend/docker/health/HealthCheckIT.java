package io.paasta.backend.docker.health;

import static io.paasta.backend.docker.testing.BackendFixture.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.DockerBackend;
import io.paasta.backend.docker.testing.BackendFixture;
import io.paasta.backend.docker.testing.Eventually;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.InstanceRef;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health checks of real tasks (hello-web), as the backend's observed state shows them. */
class HealthCheckIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension static final BackendFixture fixture = BackendFixture.withHelloWeb();
  private final DockerBackend backend = fixture.backend();

  /** The health of every task of the instance, as observed now. */
  private List<HealthState> health(InstanceRef ref) {
    return tasks(backend, ref).stream().map(ObservedTask::health).toList();
  }

  @Test
  void anHttpCheckGoesFromUnknownToHealthy() {
    InstanceRef ref = fixture.ref("main");
    // the server comes up 2 s after the task: its failures fall in the grace period
    fixture.start(
        backend,
        ref,
        2,
        RunSpecBuilder.helloWeb(fixture.image())
            .cmd("sleep 2; exec httpd -f -p 127.0.0.1:$PORT0 -h /www")
            .healthcheck(RunSpecBuilder.check(HealthcheckMode.HTTP, "/status", 30, 0.2, 3)));
    List<List<HealthState>> seen = new ArrayList<>();

    Eventually.await(
        WAIT,
        () -> {
          List<HealthState> now = health(ref);
          seen.add(now);
          return now;
        },
        now -> now.equals(List.of(HealthState.HEALTHY, HealthState.HEALTHY)));

    assertThat(seen.get(0)).containsOnly(HealthState.UNKNOWN);
    assertThat(seen).noneMatch(states -> states.contains(HealthState.UNHEALTHY));
  }

  @Test
  void aFailingHttpCheckEndsFailedAfterItsMaximum() {
    InstanceRef ref = fixture.ref("main");
    fixture.start(
        backend,
        ref,
        1,
        RunSpecBuilder.helloWeb(fixture.image())
            .healthcheck(RunSpecBuilder.check(HealthcheckMode.HTTP, "/nope", 0, 0.2, 3)));

    Eventually.await(WAIT, () -> health(ref), List.of(HealthState.FAILED)::equals);
  }

  @Test
  void aCmdCheckRunsInTheTaskWithItsEnvironment() {
    InstanceRef ref = fixture.ref("main");
    String check =
        "test \"$PORT0\" = \"$PORT\" && test \"$HOST\" = 127.0.0.1 && test -n \"$MESOS_TASK_ID\""
            + " && wget -q -O /dev/null http://127.0.0.1:$PORT0/status";
    fixture.start(
        backend,
        ref,
        1,
        RunSpecBuilder.helloWeb(fixture.image())
            .healthcheck(RunSpecBuilder.cmdCheck(check, 30, 0.2, 3)));

    Eventually.await(WAIT, () -> health(ref), List.of(HealthState.HEALTHY)::equals);
  }

  @Test
  void aFailingCmdCheckEndsFailed() {
    InstanceRef ref = fixture.ref("main");
    fixture.start(
        backend,
        ref,
        1,
        RunSpecBuilder.helloWeb(fixture.image())
            .healthcheck(RunSpecBuilder.cmdCheck("exit 1", 0, 0.2, 2)));

    Eventually.await(WAIT, () -> health(ref), List.of(HealthState.FAILED)::equals);
  }

  @Test
  void aTcpCheckPassesOnceTheTaskListens() {
    InstanceRef ref = fixture.ref("main");
    fixture.start(
        backend,
        ref,
        1,
        RunSpecBuilder.helloWeb(fixture.image())
            .healthcheck(RunSpecBuilder.check(HealthcheckMode.TCP, "", 30, 0.2, 3)));

    Eventually.await(WAIT, () -> health(ref), List.of(HealthState.HEALTHY)::equals);
  }

  @Test
  void aTaskWithoutACheckIsHealthyOnceRunning() {
    InstanceRef ref = fixture.ref("main");
    fixture.start(backend, ref, 1, RunSpecBuilder.helloWeb(fixture.image()));

    assertThat(health(ref)).containsExactly(HealthState.HEALTHY);
  }
}
