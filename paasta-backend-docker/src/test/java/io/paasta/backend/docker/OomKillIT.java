package io.paasta.backend.docker;

import static io.paasta.backend.docker.testing.BackendFixture.tasks;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.paasta.backend.docker.engine.ContainerListClient;
import io.paasta.backend.docker.events.EngineEventWatcher;
import io.paasta.backend.docker.events.EngineOutages;
import io.paasta.backend.docker.oom.OomKillHistory;
import io.paasta.backend.docker.oom.OomKillReport;
import io.paasta.backend.docker.oom.OomWatcher;
import io.paasta.backend.docker.testing.BackendFixture;
import io.paasta.backend.docker.testing.Eventually;
import io.paasta.backend.docker.testing.OomReport;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.backend.docker.testing.UnixSocketProxy;
import io.paasta.engine.DockerEngine;
import io.paasta.model.InstanceRef;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * OOM kills against the real engine: a task whose shell doubles a string until it passes its 16 MB
 * {@code mem} (no swap) is killed by the kernel's OOM killer (cgroup memory limit); the engine's
 * {@code oom} event and the exited container's {@code OOMKilled} both reach {@code oomKills}, once;
 * kills while the event stream was down are found when it is back.
 */
class OomKillIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Doubles a shell variable until the memory limit stops it. */
  private static final String EAT_MEMORY = "x=a; while true; do x=$x$x; done";

  @RegisterExtension static final BackendFixture fixture = BackendFixture.withHelloWeb();
  private static final List<OomReport> reports = new CopyOnWriteArrayList<>();
  private static DockerBackend backend;
  @TempDir Path work;

  /** A backend of the class's own, whose OOM-kill sink collects the reports. */
  @BeforeAll
  static void backendReportingOomKills() {
    backend = fixture.backend(fixture.config(), OomReport.collectingInto(reports));
  }

  @AfterAll
  static void closeBackend() {
    if (backend != null) {
      backend.close();
    }
  }

  private static RunSpecBuilder memoryEater() {
    return RunSpecBuilder.image(fixture.image()).cmd(EAT_MEMORY).memMb(16, 16);
  }

  /** Starts the memory eater and waits until it exited. */
  private ObservedTask oomKilledTask(InstanceRef ref) {
    fixture.start(backend, ref, 1, memoryEater());
    return Eventually.await(
        WAIT, () -> tasks(backend, ref).get(0), t -> t.state() == TaskState.EXITED);
  }

  @Test
  void aTaskOverItsMemLimitIsKilledAndReportedOnceWithItsLimit() {
    InstanceRef ref = fixture.ref("eater");
    Instant before = Instant.now().minusSeconds(1);

    ObservedTask task = oomKilledTask(ref);

    assertThat(task.exitCode()).as("SIGKILL").hasValue(137);
    assertThat(fixture.docker().inspectContainerCmd(task.id()).exec().getState().getOOMKilled())
        .isTrue();
    List<Instant> kills = Eventually.await(WAIT, () -> backend.oomKills(ref), k -> !k.isEmpty());
    assertThat(kills).hasSize(1);
    // the engine may publish the event a moment after it recorded the container's finish
    assertThat(kills.get(0)).isAfter(before).isBeforeOrEqualTo(Instant.now());
    List<OomReport> ours =
        Eventually.await(
            WAIT,
            () -> reports.stream().filter(r -> r.ref().equals(ref)).toList(),
            r -> !r.isEmpty());
    // the exited container seen again, and its event (which may come before or after): one kill
    backend.observeAll();
    assertThat(backend.oomKills(ref)).hasSize(1);
    assertThat(backend.oomKills(fixture.ref("other"))).isEmpty();
    assertThat(reports.stream().filter(r -> r.ref().equals(ref))).hasSize(1);
    assertThat(ours.get(0).description())
        .contains("(" + task.id().substring(0, 12) + ")")
        .startsWith("the OOM killer killed a process of hello.eater in " + fixture.cluster)
        .contains("(container hello.eater.git0123abcd.config89abcdef-")
        .contains("mem limit 16 MiB");
  }

  @Test
  void aKillTheEventStreamMissedIsFoundFromTheExitedTask() {
    InstanceRef ref = fixture.ref("missed");
    ObservedTask task = oomKilledTask(ref);
    Clock clock = Clock.systemUTC();
    List<OomKillReport> missed = new CopyOnWriteArrayList<>();
    DockerClient docker = fixture.docker();
    // a watcher that never heard the event (a daemon started after the kill, engine restarted)
    OomWatcher watcher =
        new OomWatcher(docker, fixture.cluster, new OomKillHistory(clock, Duration.ofHours(1), 10));
    watcher.onKill(missed::add);

    watcher.observeExited(new ContainerListClient(docker).listAll());
    watcher.observeExited(new ContainerListClient(docker).listAll());

    assertThat(watcher.oomKills(ref)).containsExactly(task.finishedAt().orElseThrow());
    assertThat(missed).hasSize(1);
    assertThat(missed.get(0).describe()).contains("found when the container had exited");
  }

  @Test
  void killsWhileTheEngineWasAwayAreFoundWhenItIsBack() throws IOException {
    URI engine = DockerBackendConfig.dockerHost(System.getenv());
    TestInfrastructure.requireUnixEngine(engine);
    InstanceRef ref = fixture.ref("away");
    Clock clock = Clock.systemUTC();
    try (UnixSocketProxy proxy =
            new UnixSocketProxy(work.resolve("oom-engine.sock"), Path.of(engine.getPath()));
        DockerClient throughProxy = openAfter(proxy)) {
      OomWatcher watcher =
          new OomWatcher(
              throughProxy, fixture.cluster, new OomKillHistory(clock, Duration.ofHours(1), 10));
      EngineEventWatcher events =
          new EngineEventWatcher(
              throughProxy,
              clock,
              new EngineOutages(clock, Duration.ofHours(1)),
              Duration.ZERO,
              Duration.ofMillis(200));
      events.onEvent(watcher::handle);
      try (events) {
        events.start();
        Eventually.await(WAIT, events::subscriptions, n -> n == 1);

        proxy.stop();
        ObservedTask task = oomKilledTask(ref);
        assertThat(watcher.oomKills(ref)).as("the stream is down").isEmpty();
        proxy.start();

        Eventually.await(WAIT, events::subscriptions, n -> n >= 2);
        List<Instant> kills =
            Eventually.await(WAIT, () -> watcher.oomKills(ref), k -> !k.isEmpty());
        assertThat(kills).hasSize(1);
        assertThat(kills.get(0)).isAfterOrEqualTo(task.startedAt().orElseThrow());
      }
    }
  }

  private static DockerClient openAfter(UnixSocketProxy proxy) throws IOException {
    proxy.start();
    return new DockerEngine(URI.create("unix://" + proxy.socket())).open();
  }
}
