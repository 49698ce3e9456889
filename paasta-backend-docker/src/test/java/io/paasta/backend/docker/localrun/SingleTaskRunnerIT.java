package io.paasta.backend.docker.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.paasta.backend.docker.engine.ContainerSpec;
import io.paasta.backend.docker.engine.ContainerSpecFactory;
import io.paasta.backend.docker.health.ProbeResult;
import io.paasta.backend.docker.port.PortAllocator;
import io.paasta.backend.docker.testing.BackendFixture;
import io.paasta.backend.docker.testing.Eventually;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.deploy.testing.RealEngine;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * local-run's engine side against the real engine with the example hello-web image: a container
 * launched from a task's spec by the daemon's launcher, its port held from its creation, its health
 * probed, its output and exit code read, and its removal.
 */
class SingleTaskRunnerIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension static final BackendFixture fixture = BackendFixture.withHelloWeb();
  private static SingleTaskRunner runner;

  @BeforeAll
  static void runner() {
    runner =
        new SingleTaskRunner(
            RealEngine.requireDocker(), Duration.ofSeconds(2), Duration.ofMinutes(1));
  }

  @AfterAll
  static void close() throws IOException {
    if (runner != null) {
      runner.close();
    }
  }

  /** A task's container spec, labelled as local-run labels it (never paasta_managed). */
  private ContainerSpec spec(String name, RunSpecBuilder run) {
    InstanceRef ref = fixture.ref("main");
    List<Integer> ports =
        new PortAllocator(fixture.config().ports(), Clock.systemUTC())
            .allocate(1, runner.heldPorts());
    ContainerSpec task =
        ContainerSpecFactory.build(
            ref,
            BackendFixture.appId(ref),
            run.label(BackendFixture.TEST_LABEL, fixture.cluster).build(),
            ports,
            name + "-" + TestInfrastructure.randomSha().substring(0, 8));
    Map<String, String> labels = new TreeMap<>(task.labels());
    labels.remove(Labels.MANAGED);
    labels.put(Labels.LOCAL_RUN, "true");
    return task.withLabels(labels);
  }

  @Test
  void aContainerRunsAsItsSpecSaysAndHoldsItsPortFromCreationUntilRemoved() {
    ContainerSpec spec = spec("it-single-web", RunSpecBuilder.helloWeb(fixture.image()));
    int port0 = spec.ports().get(0);

    String id = runner.create(spec);
    assertThat(runner.heldPorts()).contains(port0);
    assertThat(runner.isRunning(id)).isFalse();
    runner.start(id);

    assertThat(runner.isRunning(id)).isTrue();
    InspectContainerResponse created = fixture.docker().inspectContainerCmd(id).exec();
    assertThat(created.getName()).isEqualTo("/" + spec.name());
    assertThat(created.getConfig().getLabels()).isEqualTo(spec.labels());
    assertThat(created.getConfig().getEnv()).contains("PORT0=" + port0);
    assertThat(created.getHostConfig().getNetworkMode()).isEqualTo("host");
    Eventually.await(
        WAIT,
        () ->
            runner
                .healthProbe()
                .probe(
                    id,
                    RunSpecBuilder.check(HealthcheckMode.HTTP, "/status", 0, 0.2, 3),
                    OptionalInt.of(port0)),
        result -> result == ProbeResult.PASS);

    runner.remove(spec.name());

    assertThat(runner.isRunning(id)).isFalse();
    assertThat(runner.exitCode(id)).isEmpty();
    assertThat(runner.heldPorts()).doesNotContain(port0);
    assertThatThrownBy(() -> fixture.docker().inspectContainerCmd(id).exec())
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aContainerThatExitsGivesItsOutputByStreamAndItsExitCode() throws Exception {
    ContainerSpec spec =
        spec(
            "it-single-exits",
            RunSpecBuilder.image(fixture.image()).cmd("echo starting up; echo oops >&2; exit 7"));
    List<String> out = Collections.synchronizedList(new ArrayList<>());
    List<String> err = Collections.synchronizedList(new ArrayList<>());

    String id = runner.create(spec);
    runner.start(id);
    try (FollowedOutput output = runner.follow(id, out::add, err::add)) {
      assertThat(runner.awaitExit(id)).hasValue(7);
      output.awaitEnd(Duration.ofSeconds(5));
    }

    assertThat(out).containsExactly("starting up");
    assertThat(err).containsExactly("oops");
    assertThat(runner.exitCode(id)).hasValue(7);
    assertThat(runner.tail(id, 5)).containsExactlyInAnyOrder("starting up", "oops");
    assertThat(runner.heldPorts()).doesNotContain(spec.ports().get(0));
    runner.remove(id);
    assertThat(runner.tail(id, 5)).isEmpty();
  }

  @Test
  void aContainerThatCannotStartIsRemovedAgain() {
    ContainerSpec spec =
        spec(
            "it-single-nostart",
            RunSpecBuilder.image(fixture.image())
                .args("/no/such/program")
                .extraDockerArg("init", "false"));

    String id = runner.create(spec);

    assertThatThrownBy(() -> runner.start(id)).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> fixture.docker().inspectContainerCmd(id).exec())
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void anImageTheEngineHasIsNotPulledAgain() {
    assertThat(runner.pull(fixture.image())).isFalse();
  }
}
