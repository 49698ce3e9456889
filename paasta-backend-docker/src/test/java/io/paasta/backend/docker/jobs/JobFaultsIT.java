package io.paasta.backend.docker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.DockerBackend;
import io.paasta.backend.docker.DockerBackends;
import io.paasta.backend.docker.testing.BackendFixture;
import io.paasta.backend.docker.testing.Eventually;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.backend.docker.testing.UnixSocketProxy;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobTask;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job attempts that do not end by themselves, on the real engine: the OOM killer, and the engine
 * going away under a running attempt (played by a proxy in front of the engine's socket; the real
 * engine keeps running for other tests, and kills the attempt as a restarting engine would). The
 * attempt is then observed as exited with why, and the service path's cleanups leave it alone.
 */
class JobFaultsIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Instant DATE = Instant.parse("2026-01-01T00:00:00Z");

  @RegisterExtension static final BackendFixture fixture = BackendFixture.withHelloWeb();
  @TempDir Path work;
  private UnixSocketProxy proxy;
  private DockerBackend backend;

  @AfterEach
  void close() throws IOException {
    if (backend != null) {
      backend.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  private JobRunner runner() {
    return backend.jobRunner().orElseThrow();
  }

  private static JobLaunch launch(String instance, long runId, RunSpecBuilder run) {
    return new JobLaunch(
        new InstanceRef("hello", fixture.cluster, instance, InstanceKind.CHRONOS),
        runId,
        1,
        DATE,
        run.label(BackendFixture.TEST_LABEL, fixture.cluster).build());
  }

  private JobTask awaitExited(String id) {
    return JobTasks.awaitExited(runner(), id);
  }

  @Test
  void anAttemptTheEngineStoppedWhileAwayIsLostNotAFailureAndIsNotCleanedUp() throws IOException {
    proxy = UnixSocketProxy.inFrontOfEngine(work.resolve("engine.sock"));
    backend = DockerBackends.start(fixture.config().withDockerHost(proxy.engineUri()));
    List<String> back = new CopyOnWriteArrayList<>();
    backend.onEngineBack(back::add);
    List<JobTask> exits = new CopyOnWriteArrayList<>();
    runner().onExit(exits::add);
    InstanceRef service = fixture.ref("web");
    fixture.start(backend, service, 1, RunSpecBuilder.helloWeb(fixture.image()));
    String serviceTask = BackendFixture.tasks(backend, service).get(0).id();
    String id =
        runner().start(launch("long", 1, RunSpecBuilder.image(fixture.image()).cmd("sleep 300")));
    String done =
        runner().start(launch("short", 2, RunSpecBuilder.image(fixture.image()).cmd("exit 0")));
    awaitExited(done);

    proxy.stop();
    for (String task : List.of(id, serviceTask)) { // the engine restarting stops its containers
      fixture.docker().stopContainerCmd(task).withTimeout(1).exec();
    }
    proxy.start();
    Eventually.await(WAIT, () -> back, b -> !b.isEmpty());

    JobTask lost = awaitExited(id);
    assertThat(lost.exitCode()).isPresent();
    assertThat(lost.exitCode().getAsInt()).isNotZero();
    assertThat(lost.lostReason())
        .hasValueSatisfying(
            r -> assertThat(r).startsWith("the Docker engine stopped or restarted while it ran"));
    assertThat(back.get(0)).contains("removed 1 task(s) that exited while it was away");
    assertThat(BackendFixture.tasks(backend, service)).as("the service task is removed").isEmpty();
    assertThat(runner().observeJobTasks())
        .as("job attempts are left to the scheduler")
        .extracting(JobTask::taskId)
        .contains(id, done);
    assertThat(runner().observeJobTasks())
        .filteredOn(t -> t.taskId().equals(done))
        .singleElement()
        .satisfies(t -> assertThat(t.lostReason()).as("it ended before the outage").isEmpty());
    JobTask told = JobTasks.awaitTold(exits, id);
    assertThat(told.lostReason()).isEqualTo(lost.lostReason());
  }

  @Test
  void anAttemptTheOomKillerKilledIsLostWithWhatToDoAndNoServiceInstanceHearsOfIt() {
    backend = fixture.backend(fixture.config());
    List<InstanceRef> changed = new CopyOnWriteArrayList<>();
    backend.onTaskChange(changed::add);
    String id =
        runner()
            .start(
                launch(
                    "hungry",
                    3,
                    RunSpecBuilder.image(fixture.image())
                        .cmd("x=a; while true; do x=$x$x; done")
                        .memMb(16, 16)));

    JobTask task = awaitExited(id);

    assertThat(task.exitCode()).isPresent();
    assertThat(task.lostReason())
        .hasValueSatisfying(r -> assertThat(r).startsWith("the kernel's OOM killer killed it"));
    assertThat(backend.oomKills(task.job())).as("the oom-killer check is the services'").isEmpty();
    // a service task killed after it: its change is told, the job's never was
    InstanceRef service = fixture.ref("after");
    fixture.start(backend, service, 1, RunSpecBuilder.helloWeb(fixture.image()));
    fixture.docker().killContainerCmd(BackendFixture.tasks(backend, service).get(0).id()).exec();
    Eventually.await(WAIT, () -> changed, c -> c.contains(service));
    assertThat(changed).allMatch(ref -> ref.kind() != InstanceKind.CHRONOS);
  }
}
