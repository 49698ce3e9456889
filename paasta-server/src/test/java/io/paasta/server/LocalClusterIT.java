package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paasta.backend.docker.DockerBackendConfig;
import io.paasta.backend.docker.testing.UnixSocketProxy;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon against the real Docker engine and registry: deploys, bounces by every method (each
 * method's defining order sampled while it runs), crash backoff, failing health checks,
 * stop/start/restart, and a daemon crash in the middle of a bounce.
 */
class LocalClusterIT {
  private static final Duration CONVERGE = Duration.ofSeconds(60);
  private static final String HTTPD = "cmd: 'httpd -f -p 127.0.0.1:$PORT0 -h /www'";
  private static final String[] FAST_HEALTH = {
    "healthcheck_mode: http",
    "healthcheck_uri: /status",
    "healthcheck_grace_period_seconds: 1",
    "healthcheck_interval_seconds: 1",
    "healthcheck_timeout_seconds: 1",
    "healthcheck_max_consecutive_failures: 2",
    "drain_method: noop",
    "backoff_factor: 2",
    "max_launch_delay_seconds: 8"
  };

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;
  private LocalClusterFixture cluster;

  @BeforeEach
  void aCluster() throws Exception {
    cluster = new LocalClusterFixture(tmp, IMAGE.image().registry(), IMAGE.image());
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  private void instance(int count, String... more) throws Exception {
    List<String> lines = new ArrayList<>(List.of("instances: " + count, HTTPD));
    lines.addAll(List.of(FAST_HEALTH));
    lines.addAll(List.of(more));
    cluster.instance(lines.toArray(String[]::new));
  }

  private String convergedApp(int count) {
    return convergedAppOtherThan("", count);
  }

  /** Waits until {@code count} healthy tasks of one app other than {@code previous} run, alone. */
  private String convergedAppOtherThan(String previous, int count) {
    await()
        .atMost(CONVERGE)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                cluster.onlyApp().filter(app -> !app.equals(previous)).isPresent()
                    && cluster.healthy(cluster.onlyApp().get()) == count
                    && cluster.tasks().stream().filter(ObservedTask::isRunning).count() == count);
    return cluster.onlyApp().orElseThrow();
  }

  /** Samples the instance's tasks every 100 ms while {@code work} runs. */
  private List<List<ObservedTask>> sampleWhile(Runnable until) throws Exception {
    List<List<ObservedTask>> samples = new ArrayList<>();
    AtomicBoolean done = new AtomicBoolean();
    Thread sampler =
        new Thread(
            () -> {
              while (!done.get()) {
                List<ObservedTask> now = cluster.tasks();
                synchronized (samples) {
                  samples.add(now);
                }
                try {
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.start();
    try {
      until.run();
    } finally {
      done.set(true);
      sampler.join();
    }
    return samples;
  }

  private static long runningOf(List<ObservedTask> sample, String appId, boolean ofThatApp) {
    return sample.stream()
        .filter(ObservedTask::isRunning)
        .filter(t -> t.appId().equals(appId) == ofThatApp)
        .count();
  }

  private static long healthyOf(List<ObservedTask> sample) {
    return sample.stream()
        .filter(t -> t.isRunning() && t.health() == io.paasta.planning.observed.HealthState.HEALTHY)
        .count();
  }

  @Test
  void deploysThreeThenACrossoverBounceReplacesThemKeepingCapacity() throws Exception {
    instance(3, "bounce_method: crossover");
    cluster.deploy("start", null);
    cluster.startDaemon();
    String first = convergedApp(3);

    instance(3, "bounce_method: crossover", "env: {VERSION: '2'}");
    List<List<ObservedTask>> samples = sampleWhile(() -> convergedAppOtherThan(first, 3));
    String second = cluster.onlyApp().orElseThrow();

    assertThat(second).isNotEqualTo(first);
    assertThat(cluster.running(first, true)).isZero();
    // crossover with margin 1.0 never has fewer than ceil(3 * 1.0) = 3 happy tasks
    assertThat(samples)
        .allSatisfy(sample -> assertThat(healthyOf(sample)).isGreaterThanOrEqualTo(3));
    assertThat(cluster.log()).contains("crossover");
  }

  @Test
  void changingOnlyTheInstanceCountScalesWithoutABounce() throws Exception {
    instance(2);
    cluster.deploy("start", null);
    cluster.startDaemon();
    String app = convergedApp(2);
    instance(4);
    assertThat(convergedApp(4)).isEqualTo(app);
    instance(1);
    assertThat(convergedApp(1)).isEqualTo(app);
  }

  @Test
  void downthenupNeverRunsOldAndNewTogether() throws Exception {
    instance(2, "bounce_method: downthenup");
    cluster.deploy("start", null);
    cluster.startDaemon();
    String first = convergedApp(2);
    instance(2, "bounce_method: downthenup", "env: {VERSION: '2'}");
    List<List<ObservedTask>> samples = sampleWhile(() -> convergedAppOtherThan(first, 2));
    assertThat(samples)
        .allSatisfy(
            sample ->
                assertThat(
                        runningOf(sample, first, true) == 0 || runningOf(sample, first, false) == 0)
                    .as("old and new running together: %s", sample)
                    .isTrue());
  }

  @Test
  void upthendownDrainsNothingUntilAllNewTasksAreHappy() throws Exception {
    instance(2, "bounce_method: upthendown");
    cluster.deploy("start", null);
    cluster.startDaemon();
    String first = convergedApp(2);
    instance(2, "bounce_method: upthendown", "env: {VERSION: '2'}");
    List<List<ObservedTask>> samples = sampleWhile(() -> convergedAppOtherThan(first, 2));
    for (List<ObservedTask> sample : samples) {
      long oldRunning = runningOf(sample, first, true);
      long newHealthy =
          sample.stream()
              .filter(t -> !t.appId().equals(first))
              .filter(
                  t ->
                      t.isRunning()
                          && t.health() == io.paasta.planning.observed.HealthState.HEALTHY)
              .count();
      if (oldRunning < 2) {
        assertThat(newHealthy)
            .as("old tasks went before all new were happy: %s", sample)
            .isEqualTo(2);
      }
    }
  }

  @Test
  void aCrashingTaskIsReplacedWithGrowingBackoff() throws Exception {
    cluster.instance(
        "instances: 1",
        "cmd: 'sleep 1; exit 3'",
        "backoff_factor: 2",
        "max_launch_delay_seconds: 8");
    cluster.deploy("start", null);
    cluster.startDaemon();
    await()
        .atMost(CONVERGE)
        .until(
            () -> cluster.tasks().stream().filter(t -> t.state() == TaskState.EXITED).count() >= 3);
    List<ObservedTask> exited =
        cluster.tasks().stream()
            .filter(t -> t.state() == TaskState.EXITED)
            .sorted(java.util.Comparator.comparing(t -> t.finishedAt().orElseThrow()))
            .toList();
    assertThat(exited).allSatisfy(t -> assertThat(t.exitCode().orElseThrow()).isEqualTo(3));
    // each relaunch waits longer: the gap between exits grows (1 s of running + the delay)
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < exited.size(); i++) {
      gaps.add(
          Duration.between(
                  exited.get(i - 1).finishedAt().orElseThrow(),
                  exited.get(i).finishedAt().orElseThrow())
              .toMillis());
    }
    assertThat(gaps.get(gaps.size() - 1)).isGreaterThan(gaps.get(0));
    assertThat(cluster.log()).contains("backoff");
  }

  @Test
  void aTaskFailingItsHealthCheckIsReplaced() throws Exception {
    instance(1, "healthcheck_uri: /nope");
    cluster.deploy("start", null);
    cluster.startDaemon();
    await().atMost(CONVERGE).until(() -> !cluster.tasks().isEmpty());
    String firstTask = cluster.tasks().get(0).id();
    await()
        .atMost(CONVERGE)
        .until(
            () ->
                cluster.tasks().stream().anyMatch(t -> t.isRunning() && !t.id().equals(firstTask))
                    && cluster.tasks().stream()
                        .noneMatch(t -> t.id().equals(firstTask) && t.isRunning()));
    assertThat(cluster.log()).contains("kill");
  }

  @Test
  void stopStartAndRestartAct() throws Exception {
    instance(2);
    cluster.deploy("start", null);
    cluster.startDaemon();
    String app = convergedApp(2);

    cluster.deploy("stop", "20261125T120000");
    await()
        .atMost(CONVERGE)
        .until(() -> cluster.tasks().stream().noneMatch(ObservedTask::isRunning));

    cluster.deploy("start", "20261125T120000");
    String started = convergedAppOtherThan(app, 2);

    cluster.deploy("start", "20261125T120500"); // restart: a new force_bounce, a new app
    String restarted = convergedAppOtherThan(started, 2);
    assertThat(restarted).isNotEqualTo(started);
    assertThat(app).isNotEqualTo(started); // force_bounce is part of the config hash
  }

  @Test
  void aDaemonKilledMidBounceConvergesAfterRestart() throws Exception {
    instance(3, "bounce_method: crossover");
    cluster.deploy("start", null);
    cluster.startDaemon();
    String first = convergedApp(3);

    instance(3, "bounce_method: crossover", "env: {VERSION: '2'}");
    await().atMost(CONVERGE).until(() -> cluster.running(first, false) >= 1); // the bounce began
    cluster.crashDaemon();
    cluster.startDaemon();
    String second = convergedAppOtherThan(first, 3);
    assertThat(cluster.tasks())
        .allSatisfy(t -> assertThat(t.appId()).isEqualTo(second)); // no orphans
  }

  @Test
  void aConfigThatBecomesInvalidKeepsTheLastGoodStateRunning() throws Exception {
    instance(2);
    cluster.deploy("start", null);
    cluster.startDaemon();
    String app = convergedApp(2);
    cluster.instance("instances: lots", HTTPD);
    await().atMost(CONVERGE).until(() -> cluster.log().contains("config problem"));
    Thread.sleep(3000);
    assertThat(cluster.onlyApp()).contains(app);
    assertThat(cluster.healthy(app)).isEqualTo(2);
  }

  @Test
  void theEngineGoingAwayUnderTheDaemonIsReportedAndTheDaemonCarriesOnWhenItIsBack()
      throws Exception {
    // the engine goes away and comes back as the daemon sees it (its socket cut, then answering
    // again), played by a proxy in front of the real engine, which keeps running for the test
    URI engine = DockerBackendConfig.dockerHost(System.getenv());
    assertThat(engine.getScheme()).as("the engine's address (DOCKER_HOST)").isEqualTo("unix");
    try (UnixSocketProxy proxy =
        new UnixSocketProxy(tmp.resolve("engine.sock"), Path.of(engine.getPath()))) {
      proxy.start();
      cluster.daemonEngineAt(URI.create("unix://" + proxy.socket()));
      instance(2);
      cluster.deploy("start", null);
      cluster.startDaemon();
      String app = convergedApp(2);

      proxy.stop();
      instance(3); // a change the daemon cannot act on while the engine is away
      await()
          .atMost(CONVERGE)
          .until(() -> cluster.log().contains("the Docker engine does not answer"));
      assertThat(cluster.log()).contains("is dockerd running?");
      assertThat(cluster.healthy(app)).as("the tasks run on").isEqualTo(2);

      proxy.start();
      await()
          .atMost(CONVERGE)
          .pollInterval(Duration.ofMillis(300))
          .until(() -> cluster.healthy(app) == 3 && cluster.onlyApp().isPresent());
      assertThat(cluster.onlyApp()).contains(app); // scaled up without a bounce
    }
  }

  @Test
  void anInstanceRemovedFromSoaConfigsIsCleanedUpAndOthersKeepRunning() throws Exception {
    cluster.instances(
        "main: {instances: 1, deploy_group: prod, drain_method: noop, cmd: 'httpd -f -p 127.0.0.1:$PORT0 -h /www'}\n"
            + "canary: {instances: 1, deploy_group: prod, drain_method: noop, cmd: 'httpd -f -p 127.0.0.1:$PORT0 -h /www'}\n"
            + "extra: {instances: 1, deploy_group: prod, drain_method: noop, cmd: 'httpd -f -p 127.0.0.1:$PORT0 -h /www'}\n");
    cluster.deploy("start", null);
    cluster.startDaemon();
    await()
        .atMost(CONVERGE)
        .until(
            () ->
                cluster.runningOf("main") == 1
                    && cluster.runningOf("canary") == 1
                    && cluster.runningOf("extra") == 1);
    cluster.instances(
        "main: {instances: 1, deploy_group: prod, drain_method: noop, cmd: 'httpd -f -p 127.0.0.1:$PORT0 -h /www'}\n"
            + "canary: {instances: 1, deploy_group: prod, drain_method: noop, cmd: 'httpd -f -p 127.0.0.1:$PORT0 -h /www'}\n");
    await().atMost(CONVERGE).until(() -> cluster.runningOf("extra") == 0);
    assertThat(cluster.runningOf("main")).isEqualTo(1);
    assertThat(cluster.runningOf("canary")).isEqualTo(1);
  }

  @Test
  void anImageTheRegistryLacksIsReportedAndTheRunningVersionStays() throws Exception {
    instance(2);
    cluster.deploy("start", null);
    cluster.startDaemon();
    String app = convergedApp(2);
    cluster.deploy("start", null, "paasta-" + "0".repeat(40)); // never pushed
    await().atMost(CONVERGE).until(() -> cluster.log().contains("is not in the registry"));
    assertThat(cluster.onlyApp()).contains(app);
    assertThat(cluster.healthy(app)).isEqualTo(2);
  }

  @Test
  void aDaemonProcessKilledWithSigkillMidBounceConvergesAfterRestart() throws Exception {
    instance(3, "bounce_method: crossover");
    cluster.deploy("start", null);
    cluster.observeOnly();
    Path log = tmp.resolve("daemon.log");
    Process daemon = cluster.startDaemonProcess(log);
    try {
      String first = convergedApp(3);
      instance(3, "bounce_method: crossover", "env: {VERSION: '2'}");
      await().atMost(CONVERGE).until(() -> cluster.running(first, false) >= 1); // the bounce began
      daemon.destroyForcibly(); // SIGKILL
      assertThat(daemon.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      daemon = cluster.startDaemonProcess(log);
      String second = convergedAppOtherThan(first, 3);
      assertThat(cluster.tasks().stream().filter(ObservedTask::isRunning))
          .allSatisfy(t -> assertThat(t.appId()).isEqualTo(second));
      // an old task stopped moments ago (exit 143) is removed by a later pass, not at once
      await()
          .atMost(CONVERGE)
          .untilAsserted(
              () ->
                  assertThat(cluster.tasks())
                      .allSatisfy(t -> assertThat(t.appId()).isEqualTo(second)));
    } finally {
      daemon.destroyForcibly();
      daemon.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }
}
