package io.paasta.backend.docker;

import static io.paasta.backend.docker.testing.BackendFixture.tasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import io.paasta.backend.docker.port.PortRange;
import io.paasta.backend.docker.testing.BackendFixture;
import io.paasta.backend.docker.testing.Eventually;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import io.paasta.planning.plan.Action;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The backend against the real engine and registry with the example hello-web image: starting,
 * observing, killing and removing tasks, and the clear errors of bad input and faults.
 */
class DockerBackendIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension static final BackendFixture fixture = BackendFixture.withHelloWeb();
  private final DockerBackend backend = fixture.backend();

  @Test
  void startedTasksRunOnHostNetworkingWithDistinctPortsTheirSpecAndLabels() throws Exception {
    InstanceRef ref = fixture.ref("main");
    Instant before = Instant.now().minusSeconds(1);

    fixture.start(
        backend,
        ref,
        2,
        RunSpecBuilder.helloWeb(fixture.image()).env("GREETING", "hi").memMb(64, 128));

    List<ObservedTask> tasks = tasks(backend, ref);
    assertThat(tasks).hasSize(2).allMatch(t -> t.state() == TaskState.RUNNING);
    assertThat(tasks).allMatch(t -> t.appId().equals(BackendFixture.appId(ref)));
    assertThat(tasks).allMatch(t -> t.startedAt().orElseThrow().isAfter(before));
    List<Integer> ports = tasks.stream().map(t -> t.port0().getAsInt()).toList();
    assertThat(ports).doesNotHaveDuplicates().allMatch(PortRange.DEFAULT::contains);
    for (int port : ports) {
      Eventually.await(WAIT, () -> status(port), code -> code == 200);
    }
    InspectContainerResponse inspect =
        fixture.docker().inspectContainerCmd(tasks.get(0).id()).exec();
    assertThat(inspect.getHostConfig().getNetworkMode()).isEqualTo("host");
    assertThat(inspect.getHostConfig().getMemory()).isEqualTo(64L * 1024 * 1024);
    assertThat(inspect.getHostConfig().getMemorySwap()).isEqualTo(128L * 1024 * 1024);
    assertThat(inspect.getHostConfig().getInit()).isTrue();
    assertThat(inspect.getName())
        .matches("/hello\\.main\\.git0123abcd\\.config89abcdef-[0-9a-f]{8}");
    assertThat(inspect.getConfig().getLabels())
        .containsEntry(Labels.MANAGED, "true")
        .containsEntry(Labels.SERVICE, "hello")
        .containsEntry(Labels.CLUSTER, fixture.cluster)
        .containsEntry(Labels.PORT0, String.valueOf(tasks.get(0).port0().getAsInt()));
    assertThat(inspect.getConfig().getEnv())
        .contains("GREETING=hi", "HOST=127.0.0.1", "PORT0=" + tasks.get(0).port0().getAsInt());
  }

  @Test
  void killedTasksAreStoppedAndRemoved() {
    InstanceRef ref = fixture.ref("main");
    fixture.start(backend, ref, 2, RunSpecBuilder.helloWeb(fixture.image()));
    List<String> ids = tasks(backend, ref).stream().map(ObservedTask::id).toList();

    backend.execute(ref, new Action.KillTasks(ids, "test kill"));

    assertThat(tasks(backend, ref)).isEmpty();
    for (String id : ids) {
      assertThatThrownBy(() -> fixture.docker().inspectContainerCmd(id).exec())
          .isInstanceOf(NotFoundException.class);
    }
    backend.execute(ref, new Action.KillTasks(ids, "killing again is harmless"));
  }

  @Test
  void anExitedTaskIsObservedWithItsExitCodeAndFinishUntilRemoved() {
    InstanceRef ref = fixture.ref("crashes");
    fixture.start(backend, ref, 1, RunSpecBuilder.image(fixture.image()).cmd("exit 3"));

    ObservedTask exited =
        Eventually.await(
            WAIT, () -> tasks(backend, ref).get(0), t -> t.state() == TaskState.EXITED);

    assertThat(exited.exitCode()).hasValue(3);
    assertThat(exited.finishedAt()).isPresent();
    assertThat(exited.finishedAt().get()).isAfterOrEqualTo(exited.startedAt().orElseThrow());
    backend.execute(ref, new Action.RemoveExited(List.of(exited.id()), "test remove"));
    assertThat(tasks(backend, ref)).isEmpty();
  }

  @Test
  void removeExitedRefusesARunningTask() {
    InstanceRef ref = fixture.ref("main");
    fixture.start(backend, ref, 1, RunSpecBuilder.helloWeb(fixture.image()));
    String id = tasks(backend, ref).get(0).id();

    assertThatThrownBy(() -> backend.execute(ref, new Action.RemoveExited(List.of(id), "bug")))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("cannot be removed as exited")
        .hasMessageContaining("kill it instead");
    assertThat(tasks(backend, ref)).hasSize(1);
  }

  @Test
  void anImageTheEngineLacksIsPulledFromTheRegistry() {
    fixture.docker().removeImageCmd(fixture.image()).withForce(true).exec();
    InstanceRef ref = fixture.ref("main");

    fixture.start(backend, ref, 1, RunSpecBuilder.helloWeb(fixture.image()));

    assertThat(tasks(backend, ref)).singleElement().matches(ObservedTask::isRunning);
  }

  @Test
  void anImageTheRegistryLacksIsAClearError() {
    InstanceRef ref = fixture.ref("main");
    String missing = fixture.image().replaceFirst(":paasta-.*", ":paasta-" + "0".repeat(40));

    assertThatThrownBy(() -> fixture.start(backend, ref, 1, RunSpecBuilder.helloWeb(missing)))
        .isInstanceOf(BackendException.class)
        .hasMessageStartingWith("hello.main in " + fixture.cluster + ": start 1 task(s) of ")
        .hasMessageContaining("image " + missing + " is not in the registry 127.0.0.1:5000")
        .hasMessageContaining("push it");
    assertThat(tasks(backend, ref)).isEmpty();
  }

  @Test
  void aRegistryThatDoesNotAnswerIsAClearError() throws IOException {
    int closed;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = probe.getLocalPort();
    }
    String unreachable = "127.0.0.1:" + closed + "/services-nowhere:paasta-" + "1".repeat(40);

    assertThatThrownBy(
            () ->
                fixture.start(
                    backend, fixture.ref("main"), 1, RunSpecBuilder.helloWeb(unreachable)))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("pulling image " + unreachable + " failed: ")
        .hasMessageContaining("is the registry 127.0.0.1:" + closed + " running");
  }

  @Test
  void anExhaustedPortRangeIsAClearError() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    PortRange one = new PortRange(port, port);
    InstanceRef ref = fixture.ref("main");
    try (DockerBackend small = fixture.backend(fixture.config().withPorts(one))) {
      fixture.start(small, ref, 1, RunSpecBuilder.helloWeb(fixture.image()));
      assertThat(tasks(small, ref).get(0).port0()).hasValue(port);

      assertThatThrownBy(
              () -> fixture.start(small, ref, 1, RunSpecBuilder.helloWeb(fixture.image())))
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("no free port in " + one + " (1 held by tasks");
      assertThat(tasks(small, ref)).hasSize(1);
    }
  }

  @Test
  void aPortALocalRunContainerHoldsIsNotGivenToATask() throws IOException {
    int port = twoFreePortsInARow();
    int next = port + 1;
    // a local-run container created on the port, not listening yet (not even started)
    String localRun =
        fixture
            .docker()
            .createContainerCmd(fixture.image())
            .withLabels(Map.of(Labels.LOCAL_RUN, "true", Labels.PORT0, String.valueOf(port)))
            .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host"))
            .exec()
            .getId();
    InstanceRef ref = fixture.ref("main");
    try (DockerBackend pair =
        fixture.backend(fixture.config().withPorts(new PortRange(port, next)))) {
      fixture.start(pair, ref, 1, RunSpecBuilder.helloWeb(fixture.image()));
      assertThat(tasks(pair, ref).get(0).port0()).hasValue(next);
    } finally {
      fixture.docker().removeContainerCmd(localRun).withForce(true).exec();
    }
  }

  @Test
  void anExtraDockerArgTheBackendCannotApplyIsAClearErrorAndLeavesNothing() {
    InstanceRef ref = fixture.ref("main");

    assertThatThrownBy(
            () ->
                fixture.start(
                    backend,
                    ref,
                    1,
                    RunSpecBuilder.helloWeb(fixture.image()).extraDockerArg("device", "/dev/fuse")))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("does not support device");
    assertThat(tasks(backend, ref)).isEmpty();
  }

  @Test
  void aTaskOfAnotherInstanceIsLeftAlone() {
    InstanceRef main = fixture.ref("main");
    fixture.start(backend, main, 1, RunSpecBuilder.helloWeb(fixture.image()));
    String id = tasks(backend, main).get(0).id();

    assertThatThrownBy(
            () -> backend.execute(fixture.ref("canary"), new Action.KillTasks(List.of(id), "bug")))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("belongs to hello.main in " + fixture.cluster);
    assertThat(tasks(backend, main)).hasSize(1);
  }

  /** A free loopback port whose successor is free too. */
  private static int twoFreePortsInARow() throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (ServerSocket first = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = first.getLocalPort();
        if (port < 65535) {
          try (ServerSocket second =
              new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
            return port;
          } catch (IOException taken) {
            // try another pair
          }
        }
      }
    }
    throw new IllegalStateException("no two free loopback ports in a row");
  }

  private static int status(int port) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
