package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paasta.planning.observed.ObservedTask;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SmartStack end to end: the daemon with its embedded ZooKeeper and the real HAProxy, tasks on the
 * real Docker engine. Routing follows health, survives the control plane, crossover bounces under
 * load lose no request (and at 32 looping connections fail no more requests than the same load
 * without bounces), and a canary counts toward the namespace it is registered in.
 */
class SmartStackIT {
  private static final Duration CONVERGE = Duration.ofSeconds(60);
  private static final int BOUNCES = Integer.getInteger("paasta.it.bounces", 20);
  private static final int LOADED_BOUNCES = Integer.getInteger("paasta.it.loaded-bounces", 10);
  private static final int CONNECTIONS = 32;

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;
  private LocalClusterFixture cluster;
  private RoutedCluster routed;
  private int proxyPort;

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
    api = new ApiClient(routed.start(Optional.empty()));
  }

  private ApiClient api;

  /** The output of an instance's replication check in its status document ("" until there). */
  private String replicationOutput(String instance) {
    for (com.fasterxml.jackson.databind.JsonNode check :
        api.json("/v1/services/" + cluster.service + "/" + instance + "/status").get("checks")) {
      if (check.get("name").asText().startsWith("check_marathon_services_replication.")) {
        return check.get("output").asText();
      }
    }
    return "";
  }

  /**
   * Issue 12 item 6, the canary pattern: {@code canary} registers in {@code main}'s namespace. The
   * namespace's replication expects every instance registered in it (2 + 1), where it used to read
   * "3 out of 2 expected (OK: 150%)"; the canary is judged by its own tasks against its own count.
   */
  @Test
  void aCanaryCountsTowardTheNamespaceItIsRegisteredIn() throws Exception {
    cluster.smartstack("main:\n  proxy_port: " + proxyPort + "\n  mode: http\n");
    String task =
        "deploy_group: prod, cmd: 'exec httpd -f -p 127.0.0.1:$PORT0 -h /www',"
            + " healthcheck_mode: http, healthcheck_uri: /status,"
            + " healthcheck_grace_period_seconds: 1, healthcheck_interval_seconds: 1,"
            + " monitoring: {team: it-team, check_every: 1s}";
    cluster.instances(
        "main: {instances: 2, "
            + task
            + "}\n"
            + "canary: {instances: 1, registrations: ['"
            + cluster.service
            + ".main'], "
            + task
            + "}\n");
    start();
    cluster.deploy("start", null);
    await().atMost(CONVERGE).until(() -> upInHaproxy().size() == 3);

    String expected = "3 out of 3 expected instances in region:it (OK: 100%)";
    await().atMost(CONVERGE).until(() -> replicationOutput("main").contains(expected));
    assertThat(replicationOutput("canary"))
        .contains(cluster.service + ".canary has ")
        .contains(" out of 1 expected instances available");
  }

  private void main(int instances, String extra) throws IOException {
    cluster.smartstack("main:\n  proxy_port: " + proxyPort + "\n  mode: http\n");
    cluster.instances(
        "main: {deploy_group: prod, instances: "
            + instances
            + ", cmd: 'exec httpd -f -p 127.0.0.1:$PORT0 -h /www',"
            + " healthcheck_mode: http, healthcheck_uri: /status,"
            + " healthcheck_grace_period_seconds: 1, healthcheck_interval_seconds: 1,"
            + " healthcheck_timeout_seconds: 1, healthcheck_max_consecutive_failures: 2,"
            + " bounce_method: crossover, drain_method: hacheck,"
            + " drain_method_params: {delay: 1}, bounce_health_params: {check_haproxy: true}"
            + extra
            + "}\n");
  }

  private int getThroughProxy() {
    return routed.getThroughProxy();
  }

  private List<Integer> runningPorts() {
    return cluster.tasks().stream()
        .filter(ObservedTask::isRunning)
        .filter(t -> t.port0().isPresent())
        .map(t -> t.port0().getAsInt())
        .toList();
  }

  private List<String> upInHaproxy() {
    return routed.upInHaproxy();
  }

  @Test
  void aTaskIsRoutedOnceHealthyAndLeavesRoutingWhenKilled() throws Exception {
    main(2, "");
    start();
    cluster.deploy("start", null);

    await().atMost(CONVERGE).until(() -> getThroughProxy() == 200);
    await().atMost(CONVERGE).until(() -> upInHaproxy().size() == 2);
    assertThat(upInHaproxy())
        .containsExactlyInAnyOrderElementsOf(
            runningPorts().stream().map(p -> "127.0.0.1:" + p).toList());

    ObservedTask victim =
        cluster.tasks().stream().filter(ObservedTask::isRunning).findFirst().get();
    IMAGE.docker().killContainerCmd(victim.id()).exec();
    String gone = "127.0.0.1:" + victim.port0().getAsInt();
    await().atMost(CONVERGE).until(() -> !upInHaproxy().contains(gone));
    assertThat(getThroughProxy()).isEqualTo(200);
    // and it is replaced: two tasks routed again
    await().atMost(CONVERGE).until(() -> upInHaproxy().size() == 2);
  }

  @Test
  void theFirstPassesAfterAStartKnowTheNamespaces() throws Exception {
    main(1, "");
    start(); // the first passes run before SmartStack's periodic refresh of the namespaces
    cluster.deploy("start", null);

    await().atMost(CONVERGE).until(() -> upInHaproxy().size() == 1);
    assertThat(cluster.log()).doesNotContain("which is not a namespace");
  }

  @Test
  void routingGoesOnWithTheControlPlaneDown() throws Exception {
    main(2, "");
    start();
    cluster.deploy("start", null);
    await().atMost(CONVERGE).until(() -> upInHaproxy().size() == 2);

    cluster.crashDaemon(); // the daemon and its embedded ZooKeeper stop

    for (int i = 0; i < 50; i++) {
      assertThat(getThroughProxy()).isEqualTo(200);
    }
    start(); // back: re-registers, HAProxy keeps its backends meanwhile
    for (int i = 0; i < 50; i++) {
      assertThat(getThroughProxy()).isEqualTo(200);
      Thread.sleep(20);
    }
    await().atMost(CONVERGE).until(() -> upInHaproxy().size() == 2);
  }

  @Test
  void aProxyPortTakenByAnotherProcessHarmsNoOtherNamespace() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
      cluster.smartstack(
          "main:\n  proxy_port: "
              + proxyPort
              + "\nother:\n  proxy_port: "
              + taken.getLocalPort()
              + "\n");
      main(1, "");
      // main.yaml is written by main(); put the two namespaces back
      cluster.smartstack(
          "main:\n  proxy_port: "
              + proxyPort
              + "\nother:\n  proxy_port: "
              + taken.getLocalPort()
              + "\n");
      start();
      cluster.deploy("start", null);

      await().atMost(CONVERGE).until(() -> getThroughProxy() == 200);
      assertThat(cluster.log()).contains(String.valueOf(taken.getLocalPort()));
    }
  }

  @Test
  void crossoverBouncesUnderLoadFailNoRequest() throws Exception {
    main(3, "");
    start();
    cluster.deploy("start", null);
    await().atMost(CONVERGE).until(() -> upInHaproxy().size() == 3);

    AtomicBoolean loading = new AtomicBoolean(true);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Thread load =
        new Thread(
            () -> {
              long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
              while (loading.get() && System.nanoTime() < deadline && ok.get() < 2_000_000) {
                if (getThroughProxy() == 200) {
                  ok.incrementAndGet();
                } else {
                  failed.incrementAndGet();
                }
              }
            },
            "load");
    load.start();
    try {
      for (int bounce = 1; bounce <= BOUNCES; bounce++) {
        bounce("bounce-" + bounce);
      }
    } finally {
      loading.set(false);
      load.join();
    }
    System.out.printf(
        "%d crossover bounces under load: %d requests answered, %d failed%n",
        BOUNCES, ok.get(), failed.get());
    assertThat(ok.get()).isGreaterThan(100);
    assertThat(failed.get()).as("requests failed during %d bounces", BOUNCES).isZero();
  }

  /** One crossover bounce of the 3-task instance, until only the 3 new tasks run and are UP. */
  private void bounce(String forceBounce) throws IOException {
    String before = cluster.onlyApp().orElseThrow();
    cluster.deploy("start", forceBounce);
    await()
        .atMost(CONVERGE)
        .until(
            () ->
                cluster.onlyApp().filter(app -> !app.equals(before)).isPresent()
                    && upInHaproxy().size() == 3
                    && cluster.tasks().stream().filter(ObservedTask::isRunning).count() == 3);
  }

  @Test
  void crossoverBouncesUnder32ConnectionsFailNoMoreRequestsThanTheSameLoadWithout()
      throws Exception {
    main(3, "");
    start();
    cluster.deploy("start", null);
    await().atMost(CONVERGE).until(() -> upInHaproxy().size() == 3);

    ProxyLoad.Result bounced;
    try (ProxyLoad load = fullLoad()) {
      for (int bounce = 1; bounce <= LOADED_BOUNCES; bounce++) {
        bounce("loaded-" + bounce);
      }
      bounced = load.stop();
    }
    // the baseline: the same load as long, twice (the machine's own noise varies); the worse counts
    ProxyLoad.Result first = loadFor(bounced.lasted());
    ProxyLoad.Result second = loadFor(bounced.lasted());
    ProxyLoad.Result baseline =
        first.routingFailures() >= second.routingFailures() ? first : second;
    System.out.printf(
        "%d crossover bounces at %d connections: %s; the same load without bounces: %s, %s%n"
            + "failures with bounces: %s%nfailures without: %s%n",
        LOADED_BOUNCES,
        CONNECTIONS,
        bounced,
        first,
        second,
        bounced.firstFailures(),
        baseline.firstFailures());
    assertThat(bounced.ok()).isGreaterThan(1000);
    // What a bounce can do wrong shows as routing failures: no server (503), a connection refused
    // or reset by a task killed too early (502, 503 after the retry). A 504 is a task that did not
    // answer within HAProxy's 1 s server timeout: CPU starvation on a loaded machine, which the
    // baseline shows in bursts too; it is printed above, not compared.
    // The baseline has routing failures of its own, with no bounce at all (a 503 now and then at 32
    // connections: 0 to 1 in 35 s on a quiet 2-core machine, more under load): the tasks are
    // busybox httpd, which listens with a backlog of 9 (`ss -ltn`: Send-Q 9) and forks for each
    // connection; when its accept loop falls behind by 10 connections, a SYN is dropped (counted in
    // `nstat TcpExtListenOverflows`: 62,892 on the test machine), HAProxy's
    // 200 ms connect timeout fires twice (retries 1, redispatch) and it answers 503. Both counts
    // are
    // rare events; what chance gives the bounced run beyond the baseline's worst is within three
    // standard deviations of a Poisson count (sqrt(n + 1)). A bounce that drops requests (a task
    // killed before its drain, a server removed before the new ones are UP) drops one or more per
    // bounce: 10 or more over the bounces, beyond that margin.
    long allowed = baseline.routingFailures() + chance(baseline.routingFailures());
    assertThat(bounced.routingFailures())
        .as(
            "requests failed during %d bounces (%s); allowed: the baseline's %d + %d by chance",
            LOADED_BOUNCES,
            bounced.firstFailures(),
            baseline.routingFailures(),
            allowed - baseline.routingFailures())
        .isLessThanOrEqualTo(allowed);
  }

  /** Three standard deviations of a Poisson count whose observed value is {@code n}. */
  static long chance(long n) {
    return (long) Math.ceil(3 * Math.sqrt(n + 1));
  }

  /** The load of the test: 32 looping connections, bounded in time and requests. */
  private ProxyLoad fullLoad() {
    return ProxyLoad.start(proxyPort, "/status", CONNECTIONS, Duration.ofMinutes(10), 5_000_000);
  }

  private ProxyLoad.Result loadFor(Duration lasting) throws InterruptedException {
    try (ProxyLoad load = fullLoad()) {
      Thread.sleep(lasting.toMillis());
      return load.stop();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
