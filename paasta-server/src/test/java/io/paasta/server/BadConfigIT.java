package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paasta.deploy.git.GitRemoteClient;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.image.ImagePusher;
import io.paasta.deploy.image.RegistryClient;
import io.paasta.deploy.testing.GitFixture;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.server.smartstack.SmartStackSettings;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad config never takes a healthy service down (issue 12, items 1 to 4): the daemon with its
 * embedded ZooKeeper and the real HAProxy, tasks on the real Docker engine, and a bounded load
 * through HAProxy while soa-configs files are broken, half-written, symlinked out of the tree or
 * refused by validate's rules.
 */
class BadConfigIT {
  /** A bound, not a goal: on a loaded machine 200 tasks take long to start and to stop. */
  private static final Duration CONVERGE = Duration.ofSeconds(180);

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;
  private LocalClusterFixture cluster;
  private RoutedCluster routed;
  private int proxyPort;
  private URI api;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void haproxy() {
    TestInfrastructure.requireHaproxy();
  }

  @BeforeEach
  void aCluster() throws Exception {
    cluster = new LocalClusterFixture(tmp, IMAGE.image().registry(), IMAGE.image());
    routed = new RoutedCluster(cluster, tmp.resolve("state"));
    proxyPort = routed.proxyPort;
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
    routed.stopProxy();
  }

  private void start() throws IOException {
    api = routed.start(Optional.of("the-token"));
  }

  /** The instance file's text: {@code main} with {@code instances} routed tasks, and more keys. */
  private String mainYaml(int instances, String extra) {
    return "main: {deploy_group: prod, instances: "
        + instances
        + ", cmd: 'exec httpd -f -p 127.0.0.1:$PORT0 -h /www',"
        + " healthcheck_mode: http, healthcheck_uri: /status,"
        + " healthcheck_grace_period_seconds: 1, healthcheck_interval_seconds: 1,"
        + " healthcheck_timeout_seconds: 1, healthcheck_max_consecutive_failures: 2,"
        + " bounce_method: crossover, drain_method: hacheck,"
        + " drain_method_params: {delay: 1}, bounce_health_params: {check_haproxy: true}"
        + extra
        + "}\n";
  }

  private Path marathonFile() {
    return cluster.soa.resolve(cluster.service).resolve("marathon-" + cluster.cluster + ".yaml");
  }

  /** Three routed tasks of {@code main}, deployed by hand; returns their app. */
  private String threeRoutedTasks() throws Exception {
    cluster.smartstack("main:\n  proxy_port: " + proxyPort + "\n  mode: http\n");
    cluster.instances(mainYaml(3, ""));
    cluster.deploy("start", null);
    start();
    return routed(3);
  }

  private String routed(int tasks) {
    await()
        .atMost(CONVERGE)
        .until(
            () ->
                routed.upInHaproxy().size() == tasks
                    && cluster.onlyApp().isPresent()
                    && cluster.tasks().stream().filter(ObservedTask::isRunning).count() == tasks);
    return cluster.onlyApp().orElseThrow();
  }

  /** Writes a file of the service as editors and git do: a temp file renamed into place. */
  private void place(String file, String text) throws IOException {
    Path dir = cluster.soa.resolve(cluster.service);
    Path temp = dir.resolve("." + file + ".new");
    Files.writeString(temp, text);
    Files.move(
        temp,
        dir.resolve(file),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void aBrokenInstanceFileLeavesDeploymentsJsonAloneAndItsFixFailsNoRequest() throws Exception {
    // deployments.json comes from git tags, rewritten by the daemon's poller every second
    GitFixture repo = new GitFixture(tmp.resolve("git"));
    String sha = repo.commit();
    DockerImageName deployed = new DockerImageName(IMAGE.image().registry(), cluster.service, sha);
    IMAGE
        .docker()
        .tagImageCmd(
            IMAGE.image().full(), deployed.registry() + "/" + deployed.repository(), deployed.tag())
        .exec();
    try {
      new ImagePusher(IMAGE.docker(), new RegistryClient(), line -> {}).push(deployed, false);
      new GitRemoteClient(tmp.resolve("git-cache"), Duration.ofSeconds(20))
          .pushTag(repo.url(), "paasta-prod-20261205T120000-deploy", sha);
      place(
          "service.yaml",
          "git_url: " + repo.url() + "\ndocker_registry: " + IMAGE.image().registry() + "\n");
      cluster.smartstack("main:\n  proxy_port: " + proxyPort + "\n  mode: http\n");
      cluster.instances(mainYaml(3, ""));
      cluster.deploymentsPollEvery = Duration.ofSeconds(1);
      start();
      String app = routed(3);
      Path deployments = cluster.soa.resolve(cluster.service).resolve("deployments.json");
      String good = Files.readString(deployments);
      assertThat(good).contains(sha);

      try (Load load = load()) {
        place(marathonFile().getFileName().toString(), "main: [1, 2, 3]\n");
        await().atMost(CONVERGE).until(() -> cluster.log().contains("config problem"));
        Thread.sleep(3000); // three rounds of the poller
        assertThat(Files.readString(deployments)).as("deployments.json").isEqualTo(good);

        place(marathonFile().getFileName().toString(), mainYaml(3, ""));
        Thread.sleep(3000); // three more rounds
        assertThat(Files.readString(deployments)).isEqualTo(good);
        assertThat(cluster.onlyApp()).contains(app);
        assertThat(cluster.healthy(app)).isEqualTo(3);
        load.assertNoneFailed("a broken instance file, then its fix");
      }
      assertThat(cluster.log()).doesNotContain("0 deploy groups").doesNotContain("drain");
    } finally {
      IMAGE.docker().removeImageCmd(deployed.full()).withForce(false).exec();
      repo.close();
    }
  }

  @Test
  void aRestartWithABrokenConfigKeepsTheServiceRunningAndRouted() throws Exception {
    String app = threeRoutedTasks();
    cluster.crashDaemon();
    place(marathonFile().getFileName().toString(), "main: [1, 2, 3]\n");
    try (Load load = load()) {
      start();
      await().atMost(CONVERGE).until(() -> cluster.log().contains("config problem"));
      // past the proxy's settle time after a start (5 s): HAProxy follows the daemon's view then
      Thread.sleep(SmartStackSettings.DEFAULT_SETTLE.toMillis() + 5000);
      assertThat(routed.upInHaproxy()).hasSize(3);
      load.assertNoneFailed("a restart with a broken config");
    }
    assertThat(cluster.log()).contains("acting on its last good config kept in");
    assertThat(cluster.onlyApp()).contains(app);
    assertThat(cluster.healthy(app)).isEqualTo(3);
  }

  @Test
  void anInstanceThatLosesItsDeploymentIsLeftRunningAndReported() throws Exception {
    String app = threeRoutedTasks();
    try (Load load = load()) {
      place("deployments.json", "{\"v1\": {}, \"v2\": {\"deployments\": {}, \"controls\": {}}}\n");
      await().atMost(CONVERGE).until(() -> statusWithoutToken().contains("not deployed"));
      Thread.sleep(2000);
      assertThat(cluster.onlyApp()).contains(app);
      assertThat(cluster.healthy(app)).isEqualTo(3);
      load.assertNoneFailed("deployments.json without the instance's deploy group");
    }
    assertThat(cluster.log()).contains("main: not deployed: 3 task(s) left running as they are");
    assertThat(statusWithoutToken()).contains("\"running_backends\":3");
  }

  /**
   * A second service with two running instances, so that removing this test's one instance is not
   * more than half of the cluster's: only the clean-up guard per service refuses it.
   */
  private void anotherServiceWithTwoInstances() throws IOException {
    Path dir = Files.createDirectories(cluster.soa.resolve(cluster.service + "-b"));
    Files.writeString(
        dir.resolve("service.yaml"), "docker_registry: " + IMAGE.image().registry() + "\n");
    String task =
        "{deploy_group: prod, drain_method: noop, cmd: 'exec httpd -f -p 127.0.0.1:$PORT0 -h /www'}";
    Files.writeString(
        dir.resolve("marathon-" + cluster.cluster + ".yaml"), "x: " + task + "\ny: " + task + "\n");
    Files.writeString(
        dir.resolve("deployments.json"),
        """
        {"v1": {}, "v2": {"deployments": {"prod": {"docker_image": "services-%s:paasta-%s",
         "git_sha": "%s"}}, "controls": {}}}
        """
            .formatted(IMAGE.image().service(), IMAGE.image().gitSha(), IMAGE.image().gitSha()));
  }

  @Test
  void aFileWrittenInPlaceCountsOnlyOnceCompleteAndNoInstanceFileEmptiesAService()
      throws Exception {
    anotherServiceWithTwoInstances();
    String app = threeRoutedTasks();
    await()
        .atMost(CONVERGE)
        .until(
            () ->
                cluster.backendTasks(cluster.service + "-b").stream()
                        .filter(ObservedTask::isRunning)
                        .count()
                    == 2);
    try (Load load = load()) {
      // cp over the file, 20 times: truncated, then written a moment later
      for (int i = 0; i < 20; i++) {
        try (var out =
            Files.newOutputStream(
                marathonFile(), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
          out.flush();
          Thread.sleep(30);
          out.write(("# copy " + i + "\n" + mainYaml(3, "")).getBytes());
        }
        Thread.sleep(400);
      }
      // left empty (a valid, empty file): the service's only instance is not removed
      Files.write(marathonFile(), new byte[0]);
      await()
          .atMost(CONVERGE)
          .until(() -> cluster.log().contains(cluster.service + ": refusing to remove 1 of 1"));
      Thread.sleep(2000);
      assertThat(cluster.healthy(app)).isEqualTo(3);
      Files.writeString(marathonFile(), mainYaml(3, ""));
      Thread.sleep(1000);
      load.assertNoneFailed("files written in place");
    }
    assertThat(cluster.onlyApp()).contains(app);
    assertThat(cluster.log()).doesNotContain("drain").doesNotContain("not in soa-configs");
  }

  @Test
  void aSymlinkOutOfSoaConfigsIsRefusedAndWhatItLeadsToIsNeverShown() throws Exception {
    String app = threeRoutedTasks();
    Path hostFile = Files.writeString(tmp.resolve("shadow"), "SECRETHASH42:19000:0:99999:7:::\n");
    try (Load load = load()) {
      Path link = cluster.soa.resolve(cluster.service).resolve(".link.new");
      Files.createSymbolicLink(link, hostFile);
      Files.move(
          link,
          marathonFile(),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      await()
          .atMost(CONVERGE)
          .until(() -> cluster.log().contains("leads out of the soa-configs directory"));
      place(marathonFile().getFileName().toString(), mainYaml(3, ""));
      // a JSON file: its parser's message would quote the first token of what it reads
      Path jsonLink = cluster.soa.resolve(cluster.service).resolve(".json-link.new");
      Files.createSymbolicLink(jsonLink, hostFile);
      Files.move(
          jsonLink,
          cluster.soa.resolve(cluster.service).resolve("deployments.json"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      await()
          .atMost(CONVERGE)
          .until(
              () -> statusWithoutToken().contains("deployments.json: is a symlink that leads out"));
      String status = statusWithoutToken();
      assertThat(status).contains("leads out of the soa-configs directory");
      assertThat(status).doesNotContain("SECRETHASH");
      assertThat(cluster.log()).doesNotContain("SECRETHASH");
      Thread.sleep(2000);
      assertThat(cluster.healthy(app)).isEqualTo(3);
      cluster.deploy("start", null);
      await().atMost(CONVERGE).until(() -> !statusWithoutToken().contains("leads out"));
      load.assertNoneFailed("a symlink out of soa-configs");
    }
    assertThat(cluster.onlyApp()).contains(app);
  }

  @Test
  void whatValidateRefusesIsNotDeployedAndTreePolicyOnlyWarns() throws Exception {
    String app = threeRoutedTasks();
    try (Load load = load()) {
      place(
          marathonFile().getFileName().toString(),
          mainYaml(3, "")
              .replace("healthcheck_interval_seconds: 1", "healthcheck_interval_seconds: 0"));
      await()
          .atMost(CONVERGE)
          .until(() -> statusWithoutToken().contains("healthcheck_interval_seconds: is too small"));
      place(
          marathonFile().getFileName().toString(),
          mainYaml(3, "")
              .replace("healthcheck_timeout_seconds: 1", "healthcheck_timeout_seconds: -5"));
      await()
          .atMost(CONVERGE)
          .until(() -> statusWithoutToken().contains("healthcheck_timeout_seconds: is too small"));
      place(marathonFile().getFileName().toString(), mainYaml(1001, ""));
      await()
          .atMost(CONVERGE)
          .until(
              () ->
                  statusWithoutToken()
                      .contains("at most 1000 (this cluster's max_instances_per_instance)"));
      Thread.sleep(2000);
      assertThat(cluster.onlyApp()).contains(app);
      assertThat(cluster.tasks().stream().filter(ObservedTask::isRunning).count()).isEqualTo(3);

      // deploy.yaml membership is tree policy: validate refuses it, the daemon warns and deploys
      place("deploy.yaml", "pipeline:\n- step: itest\n- step: other.group\n");
      place(marathonFile().getFileName().toString(), mainYaml(4, ""));
      await()
          .atMost(CONVERGE)
          .until(() -> cluster.tasks().stream().filter(ObservedTask::isRunning).count() == 4);
      assertThat(cluster.log()).contains("problem(s) of tree policy").contains("main.deploy_group");
      routed(4);
      load.assertNoneFailed("configs validate refuses");
    }
    assertThat(cluster.onlyApp()).contains(app); // scaled, never bounced
  }

  @Test
  void ofTwoServicesClaimingOneProxyPortTheOneChangedLastIsRefused() throws Exception {
    String app = threeRoutedTasks();
    String other = cluster.service + "-b";
    try (Load load = load()) {
      anotherServiceWithTwoInstances();
      Files.writeString(
          cluster.soa.resolve(other).resolve("smartstack.yaml"),
          "x:\n  proxy_port: " + proxyPort + "\n  mode: http\n");
      await()
          .atMost(CONVERGE)
          .until(
              () ->
                  cluster
                      .log()
                      .contains("x.proxy_port: is also used by " + cluster.service + ".main"));
      Thread.sleep(2000);
      assertThat(routed.upInHaproxy()).hasSize(3);
      load.assertNoneFailed("another service claiming the proxy_port");
    }
    // a restart decides by the files' times: the running service's are older
    cluster.crashDaemon();
    start();
    await()
        .atMost(CONVERGE)
        .until(() -> statusOf(other, "x").contains("is also used by " + cluster.service + ".main"));
    try (Load load = load()) {
      Thread.sleep(2000);
      assertThat(routed.upInHaproxy()).hasSize(3);
      load.assertNoneFailed("a restart with two services claiming one proxy_port");
    }
    assertThat(cluster.onlyApp()).contains(app);
  }

  @Test
  void aNewConfigSupersedesALargeStartInProgress() throws Exception {
    String app = threeRoutedTasks();
    AtomicLong peak = new AtomicLong();
    AtomicBoolean watching = new AtomicBoolean(true);
    Thread counter =
        new Thread(
            () -> {
              while (watching.get()) {
                peak.accumulateAndGet(cluster.tasks().size(), Math::max);
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "count-tasks");
    counter.start();
    try (Load load = load()) {
      place(marathonFile().getFileName().toString(), mainYaml(200, ""));
      await()
          .atMost(CONVERGE)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> cluster.tasks().size() >= 6);
      place(marathonFile().getFileName().toString(), mainYaml(3, ""));
      await()
          .atMost(CONVERGE)
          .until(
              () ->
                  cluster.tasks().stream().filter(ObservedTask::isRunning).count() == 3
                      && cluster.tasks().size() == 3);
      load.assertNoneFailed("a large start superseded");
    } finally {
      watching.set(false);
      counter.join();
    }
    assertThat(peak.get())
        .as("tasks started before the start of 200 was superseded")
        .isLessThan(60);
    assertThat(cluster.log()).contains("a newer config supersedes");
    assertThat(cluster.onlyApp()).contains(app);
  }

  private String statusWithoutToken() {
    return statusOf(cluster.service, "main");
  }

  /** An instance's status from the API, read without a token. */
  private String statusOf(String service, String instance) {
    try {
      return http.send(
              HttpRequest.newBuilder(
                      api.resolve("/v1/services/" + service + "/" + instance + "/status"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Requests through HAProxy one after another until closed, bounded in time and count. */
  private Load load() {
    return Load.start(
        routed::outcomeThroughProxy, () -> routed.upInHaproxy().toString(), cluster::log);
  }

  /**
   * Requests one after another until closed, bounded in time and count; a failure is told with what
   * each failed request got, when, and the daemon's log.
   */
  private static final class Load implements AutoCloseable {
    private static final Duration MAX_TIME = Duration.ofMinutes(5);
    private static final long MAX_REQUESTS = 1_000_000;
    private static final long ANSWERED = 50;
    private static final Duration ANSWERED_WITHIN = Duration.ofMinutes(2);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, FailureSpan> failures = new ConcurrentSkipListMap<>();
    private final Supplier<String> daemonLog;
    private final List<String> routing = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final Thread watcher;

    /** Failed requests of one kind: how many, the first and the last. */
    private record FailureSpan(long count, Instant first, Instant last) {
      FailureSpan plus(FailureSpan other) {
        return new FailureSpan(count + other.count, first, other.last);
      }
    }

    private Load(
        Supplier<String> request, Supplier<String> upInHaproxy, Supplier<String> daemonLog) {
      this.daemonLog = daemonLog;
      watcher =
          new Thread(
              () -> {
                String last = "";
                while (running.get()) {
                  String now = upInHaproxy.get();
                  if (!now.equals(last)) {
                    routing.add(Instant.now() + " UP in HAProxy: " + now);
                    last = now;
                  }
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "load-routing");
      thread =
          new Thread(
              () -> {
                long deadline = System.nanoTime() + MAX_TIME.toNanos();
                while (running.get()
                    && System.nanoTime() < deadline
                    && ok.get() + failed.get() < MAX_REQUESTS) {
                  String outcome = request.get();
                  if (outcome.equals("200")) {
                    ok.incrementAndGet();
                  } else {
                    failed.incrementAndGet();
                    Instant now = Instant.now();
                    failures.merge(outcome, new FailureSpan(1, now, now), FailureSpan::plus);
                  }
                }
              },
              "load");
    }

    static Load start(
        Supplier<String> request, Supplier<String> upInHaproxy, Supplier<String> daemonLog) {
      Load load = new Load(request, upInHaproxy, daemonLog);
      load.thread.start();
      load.watcher.start();
      return load;
    }

    /**
     * Asserts that no request failed, once at least {@link #ANSWERED} were answered: on a loaded
     * machine requests come slowly, and the load goes on (bounded) until that many came through.
     */
    void assertNoneFailed(String during) {
      await()
          .atMost(ANSWERED_WITHIN)
          .until(() -> ok.get() >= ANSWERED || failed.get() > 0 || !thread.isAlive());
      close();
      System.out.printf("%s: %d requests answered, %d failed%n", during, ok.get(), failed.get());
      assertThat(ok.get())
          .as("requests answered during " + during)
          .isGreaterThanOrEqualTo(ANSWERED);
      assertThat(failed.get())
          .as(
              () ->
                  "requests failed during "
                      + during
                      + ": "
                      + failures
                      + "\n"
                      + String.join("\n", routing)
                      + "\nthe daemon's log:\n"
                      + daemonLog.get())
          .isZero();
    }

    @Override
    public void close() {
      running.set(false);
      try {
        thread.join();
        watcher.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
