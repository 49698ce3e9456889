package io.paasta.backend.docker;

import static io.paasta.backend.docker.testing.BackendFixture.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import io.paasta.backend.docker.testing.BackendFixture;
import io.paasta.backend.docker.testing.Eventually;
import io.paasta.backend.docker.testing.OomReport;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.backend.docker.testing.UnixSocketProxy;
import io.paasta.model.InstanceRef;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's event stream under a running backend, on the real engine: a task that dies, or a
 * process of it the OOM killer kills (not its main process), is told at once; the engine going away
 * and coming back is played by a proxy in front of its socket (the real engine keeps running for
 * other tests), and the tasks that exited meanwhile are removed, not kept as crashes.
 */
class EngineEventsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The main process serves HTTP; a second one doubles a string until the 16 MB limit. */
  private static final String EAT_MEMORY_BESIDE =
      "(x=a; while true; do x=$x$x; done) & exec httpd -f -p 127.0.0.1:$PORT0 -h /www";

  @RegisterExtension static final BackendFixture fixture = BackendFixture.withHelloWeb();
  @TempDir Path work;
  private UnixSocketProxy proxy;
  private DockerBackend backend;
  private final List<InstanceRef> changed = new CopyOnWriteArrayList<>();
  private final List<String> back = new CopyOnWriteArrayList<>();
  private final List<OomReport> kills = new CopyOnWriteArrayList<>();

  private void start(boolean throughProxy) throws IOException {
    DockerBackendConfig config = fixture.config();
    if (throughProxy) {
      proxy = UnixSocketProxy.inFrontOfEngine(work.resolve("engine.sock"));
      config = config.withDockerHost(proxy.engineUri());
      backend = DockerBackends.start(config, OomReport.collectingInto(kills));
    } else {
      backend = fixture.backend(config, OomReport.collectingInto(kills));
    }
    backend.onTaskChange(changed::add);
    backend.onEngineBack(back::add);
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
  void aTaskKilledOnTheEngineIsToldAsAChangeOfItsInstance() throws IOException {
    start(false);
    InstanceRef ref = fixture.ref("killed");
    fixture.start(backend, ref, 1, RunSpecBuilder.helloWeb(fixture.image()));
    ObservedTask task = tasks(backend, ref).get(0);
    changed.clear();

    fixture.docker().killContainerCmd(task.id()).exec();

    Eventually.await(WAIT, () -> changed, c -> c.contains(ref));
    assertThat(tasks(backend, ref))
        .singleElement()
        .satisfies(t -> assertThat(t.state()).isEqualTo(TaskState.EXITED))
        .satisfies(t -> assertThat(t.exitCode()).hasValue(137));
  }

  @Test
  void aProcessBesideTheMainOneKilledByTheOomKillerIsReportedOnceAndTheTaskRunsOn()
      throws IOException {
    start(false);
    InstanceRef ref = fixture.ref("beside");
    fixture.start(
        backend,
        ref,
        1,
        RunSpecBuilder.image(fixture.image()).cmd(EAT_MEMORY_BESIDE).memMb(16, 16));

    Eventually.await(WAIT, () -> backend.oomKills(ref), k -> !k.isEmpty());
    Eventually.await(WAIT, () -> changed, c -> c.contains(ref));
    ObservedTask task = tasks(backend, ref).get(0);
    assertThat(task.state()).as("its main process runs on").isEqualTo(TaskState.RUNNING);
    assertThat(kills).singleElement().satisfies(k -> assertThat(k.ref()).isEqualTo(ref));
    assertThat(kills.get(0).description()).contains("mem limit 16 MiB");

    // the engine then marks the whole container OOMKilled when it exits: still the same one kill
    fixture.docker().killContainerCmd(task.id()).exec();
    Eventually.await(WAIT, () -> tasks(backend, ref).get(0), t -> t.state() == TaskState.EXITED);
    assertThat(fixture.docker().inspectContainerCmd(task.id()).exec().getState().getOOMKilled())
        .isTrue();
    backend.observeAll();
    assertThat(backend.oomKills(ref)).hasSize(1);
    assertThat(kills).hasSize(1);
  }

  @Test
  void tasksStoppedWhileTheEngineWasAwayAreRemovedAndTheEngineBackIsTold() throws IOException {
    start(true);
    InstanceRef ref = fixture.ref("away");
    fixture.start(backend, ref, 2, RunSpecBuilder.helloWeb(fixture.image()));
    List<String> ids = tasks(backend, ref).stream().map(ObservedTask::id).toList();
    assertThat(back).as("nothing to tell before an outage").isEmpty();

    proxy.stop();
    for (String id : ids) { // the engine restarting kills its containers
      fixture.docker().killContainerCmd(id).exec();
    }
    Eventually.await(
        WAIT,
        () -> fixture.docker().inspectContainerCmd(ids.get(1)).exec().getState().getRunning(),
        running -> !running);
    proxy.start();

    String told = Eventually.await(WAIT, () -> back, b -> !b.isEmpty()).get(0);
    assertThat(told)
        .startsWith("the Docker engine answers again after ")
        .endsWith(
            "; removed 2 task(s) that exited while it was away (stopped by the engine: no crash,"
                + " no backoff)");
    assertThat(tasks(backend, ref)).as("no crash history left").isEmpty();
    for (String id : ids) {
      assertThat(gone(id)).as(id).isTrue();
    }

    // a task that exits once the engine is back is a crash again
    fixture.start(backend, ref, 1, RunSpecBuilder.helloWeb(fixture.image()));
    String later = tasks(backend, ref).get(0).id();
    fixture.docker().killContainerCmd(later).exec();
    Eventually.await(WAIT, () -> tasks(backend, ref), t -> t.size() == 1 && !t.get(0).isRunning());
    assertThat(back).hasSize(1);
  }

  private boolean gone(String id) {
    try {
      fixture.docker().inspectContainerCmd(id).exec();
      return false;
    } catch (NotFoundException e) {
      return true;
    }
  }
}
