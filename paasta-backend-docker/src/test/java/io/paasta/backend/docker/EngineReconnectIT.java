package io.paasta.backend.docker;

import static io.paasta.backend.docker.testing.BackendFixture.tasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.backend.docker.testing.BackendFixture;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.backend.docker.testing.UnixSocketProxy;
import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.plan.Action;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine going away and coming back under a running backend, played by a proxy in front of the
 * engine's socket (the real engine keeps running for other tests): while it is away every call is a
 * clear BackendException; once it is back the next call works on the same client, and the tasks it
 * had are observed again from their labels.
 */
class EngineReconnectIT {
  @RegisterExtension static final BackendFixture fixture = BackendFixture.withHelloWeb();
  @TempDir Path work;
  private UnixSocketProxy proxy;
  private DockerBackend backend;

  @BeforeEach
  void engineBehindAProxy() throws IOException {
    proxy = UnixSocketProxy.inFrontOfEngine(work.resolve("engine.sock"));
    backend = DockerBackends.start(fixture.config().withDockerHost(proxy.engineUri()));
  }

  @AfterEach
  void close() throws IOException {
    if (backend != null) {
      backend.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void callsFailClearlyWhileTheEngineIsAwayAndWorkAgainWhenItIsBack() throws IOException {
    InstanceRef ref = fixture.ref("main");
    fixture.start(backend, ref, 1, RunSpecBuilder.helloWeb(fixture.image()));
    ObservedTask task = tasks(backend, ref).get(0);

    proxy.stop();

    assertThatThrownBy(backend::observeAll)
        .isInstanceOf(BackendException.class)
        .hasMessageStartingWith(
            "observing the tasks of cluster "
                + fixture.cluster
                + " failed: the Docker engine does not answer on unix://"
                + proxy.socket())
        .hasMessageContaining("is dockerd running?");
    assertThatThrownBy(
            () -> backend.execute(ref, new Action.KillTasks(List.of(task.id()), "test kill")))
        .isInstanceOf(BackendException.class)
        .hasMessageStartingWith("hello.main in " + fixture.cluster + ": kill task(s) ")
        .hasMessageContaining("does not answer");

    proxy.start();

    assertThat(tasks(backend, ref)).extracting(ObservedTask::id).containsExactly(task.id());
    backend.execute(ref, new Action.KillTasks(List.of(task.id()), "test kill"));
    assertThat(tasks(backend, ref)).isEmpty();
  }
}
