package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paasta.deploy.testing.TestInfrastructure;
import io.paasta.planning.observed.ObservedTask;
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
 * real Docker engine. Routing follows health, survives the control plane, and crossover bounces
 * under load lose no request.
 */
class SmartStackIT {
  private static final Duration CONVERGE = Duration.ofSeconds(60);
  private static final int BOUNCES = Integer.getInteger("paasta.it.bounces", 20);

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
    routed.start(Optional.empty());
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
        String before = cluster.onlyApp().orElseThrow();
        cluster.deploy("start", "bounce-" + bounce);
        await()
            .atMost(CONVERGE)
            .until(
                () ->
                    cluster.onlyApp().filter(app -> !app.equals(before)).isPresent()
                        && upInHaproxy().size() == 3
                        && cluster.tasks().stream().filter(ObservedTask::isRunning).count() == 3);
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
}
