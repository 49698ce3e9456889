package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.backend.docker.DockerBackendConfig;
import io.paasta.backend.docker.testing.UnixSocketProxy;
import io.paasta.discovery.haproxy.LocalProxy;
import io.paasta.discovery.haproxy.ProxySettings;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.testing.FreePorts;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures the daemon learns of from the engine's event stream, end to end: the daemon ({@code
 * paasta server} wiring, its embedded ZooKeeper, the real HAProxy, checks sent to a Sensu socket
 * with {@code alert_after: 0s}) on the real Docker engine, its full pass every hour where what
 * happens must come from the events. A task killed on the engine is replaced; a process OOM-killed
 * beside a task's main process is reported once; the engine going away and coming back (a proxy cut
 * in front of its socket: the real engine keeps running for other tests), its tasks killed
 * meanwhile, has every instance restored and routed again, with no crash-loop alert and no backoff.
 */
class EngineFailureIT {
  private static final Duration CONVERGE = Duration.ofSeconds(60);
  private static final String MONITORING =
      "monitoring: {team: it-team, check_every: 1s, alert_after: 0s}";

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;
  private LocalClusterFixture cluster;
  private SensuReceiver sensu;
  private Path stateDir;
  private int proxyPort;
  private ApiClient api;

  @BeforeAll
  static void haproxy() {
    TestInfrastructure.requireHaproxy();
  }

  @BeforeEach
  void aCluster() throws Exception {
    cluster = new LocalClusterFixture(tmp, IMAGE.image().registry(), IMAGE.image());
    sensu = new SensuReceiver();
    stateDir = tmp.resolve("state");
    proxyPort = FreePorts.pick();
  }

  @AfterEach
  void stop() throws Exception {
    System.out.println(cluster.log()); // the daemon's log, in the test's output
    cluster.close();
    sensu.close();
    new LocalProxy(ProxySettings.defaults(stateDir.resolve("haproxy"))).stop();
  }

  /**
   * {@code main} (in SmartStack) and {@code other}, each an HTTP server checked every {@code
   * checkEvery} seconds once it first passed (polled until then, for {@code grace} seconds).
   */
  private void instances(int main, String mainCmd, String extra, int grace, int checkEvery)
      throws IOException {
    String common =
        "deploy_group: prod, healthcheck_mode: http, healthcheck_uri: /status,"
            + " healthcheck_grace_period_seconds: "
            + grace
            + ", healthcheck_interval_seconds: "
            + checkEvery
            + ", healthcheck_timeout_seconds: 1, drain_method: noop, "
            + MONITORING;
    cluster.smartstack("main:\n  proxy_port: " + proxyPort + "\n  mode: http\n");
    cluster.instances(
        "main: {instances: "
            + main
            + ", cmd: '"
            + mainCmd
            + "', "
            + extra
            + common
            + "}\n"
            + "other: {instances: 1, cmd: 'exec httpd -f -p 127.0.0.1:$PORT0 -h /www', "
            + common
            + "}\n");
    cluster.deploy("start", null);
  }

  private static final String HTTPD = "exec httpd -f -p 127.0.0.1:$PORT0 -h /www";

  private void start() throws IOException {
    Map<String, Object> raw = new HashMap<>(cluster.system().raw());
    raw.put("location", Map.of("habitat", "it1", "region", "it", "superregion", "it"));
    raw.put("monitoring_senders", List.of("log", "sensu"));
    RoutedCluster routed = new RoutedCluster(cluster, stateDir);
    URI base0 = routed.start(Optional.empty(), routed.system("127.0.0.1", sensu.port(), raw));
    api = new ApiClient(base0);
  }

  /** Running tasks of {@code main} routed (UP in HAProxy), by port. */
  private Set<Integer> routed() {
    try {
      Set<String> up =
          new LocalProxy(ProxySettings.defaults(stateDir.resolve("haproxy")))
              .stats()
              .backend(cluster.service + ".main")
              .map(b -> b.servers().stream().filter(s -> s.available()).map(s -> s.address()))
              .orElse(java.util.stream.Stream.empty())
              .collect(Collectors.toSet());
      return running("main").stream()
          .map(t -> t.port0().getAsInt())
          .filter(port -> up.contains("127.0.0.1:" + port))
          .collect(Collectors.toSet());
    } catch (RuntimeException e) {
      return Set.of();
    }
  }

  private List<ObservedTask> running(String instance) {
    return cluster.tasksOf(instance).stream().filter(ObservedTask::isRunning).toList();
  }

  private Set<String> ids(List<ObservedTask> tasks) {
    return tasks.stream().map(ObservedTask::id).collect(Collectors.toSet());
  }

  /** The status API's checks of an instance: name -> status. */
  private Map<String, Integer> checks(String instance) {
    JsonNode status = api.json("/v1/services/" + cluster.service + "/" + instance + "/status");
    Map<String, Integer> byName = new HashMap<>();
    for (JsonNode check : status.get("checks")) {
      byName.put(check.get("name").asText(), check.get("status").asInt());
    }
    return byName;
  }

  private String check(String prefix, String instance) {
    return prefix + "." + cluster.service + "." + instance;
  }

  @Test
  void aTaskKilledOnTheEngineIsReplacedAndRoutedWithoutAFullPass() throws Exception {
    // nor a full pass, nor a failed health check (the next in 10 minutes): the die event tells
    cluster.fullPassEvery(Duration.ofHours(1));
    instances(2, HTTPD, "", 60, 600);
    start();
    await().atMost(CONVERGE).until(() -> routed().size() == 2);
    ObservedTask victim = running("main").get(0);

    IMAGE.docker().killContainerCmd(victim.id()).exec();

    await()
        .atMost(CONVERGE)
        .until(() -> routed().size() == 2 && !ids(running("main")).contains(victim.id()));
    assertThat(cluster.log()).contains("start 1 task(s) of");
  }

  @Test
  void aProcessOomKilledBesideTheMainOneIsReportedOnceAndTheTaskRunsOn() throws Exception {
    String eatBeside = "(x=a; while true; do x=$x$x; done) & " + HTTPD;
    // the kill is logged at once; the check is evaluated by a pass at least check_every after its
    // last evaluation, so this test keeps the fixture's full pass (every 5 s)
    instances(1, eatBeside, "mem: 16, ", 1, 1);
    start();

    await()
        .atMost(CONVERGE)
        .until(() -> checks("main").getOrDefault(check("oom-killer", "main"), 0) == 2);
    await()
        .atMost(CONVERGE)
        .until(() -> sensu.named(check("oom-killer", "main")).stream().anyMatch(critical()));
    // each kill once (the engine's event, and the container marked OOMKilled when it exits); the
    // backend's EngineEventsIT shows the task running on, which a loaded machine may not allow
    List<String> reported =
        cluster
            .log()
            .lines()
            .filter(l -> l.contains(" WARN oom: "))
            .map(EngineFailureIT::kill)
            .toList();
    assertThat(reported).isNotEmpty().doesNotHaveDuplicates();
    assertThat(cluster.log())
        .contains("the OOM killer killed a process of " + cluster.service + ".main")
        .contains("mem limit 16 MiB");
  }

  @Test
  void theEngineGoneAndBackHasEveryInstanceRestoredAndRoutedWithNoCrashLoopNorBackoff()
      throws Exception {
    URI engine = DockerBackendConfig.dockerHost(System.getenv());
    TestInfrastructure.requireUnixEngine(engine);
    try (UnixSocketProxy proxy =
        new UnixSocketProxy(tmp.resolve("engine.sock"), Path.of(engine.getPath()))) {
      proxy.start();
      cluster.daemonEngineAt(URI.create("unix://" + proxy.socket()));
      cluster.fullPassEvery(Duration.ofHours(1));
      instances(3, HTTPD, "", 1, 1);
      start();
      await().atMost(CONVERGE).until(() -> routed().size() == 3 && running("other").size() == 1);
      Set<String> before = ids(running("main"));
      before.addAll(ids(running("other")));

      proxy.stop();
      for (String id : before) { // what an engine restart does to the tasks
        IMAGE.docker().killContainerCmd(id).exec();
      }
      await().atMost(CONVERGE).until(() -> running("main").isEmpty() && running("other").isEmpty());
      proxy.start();

      await()
          .atMost(CONVERGE)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> routed().size() == 3 && running("other").size() == 1);
      assertThat(ids(running("main"))).doesNotContainAnyElementsOf(before);
      assertThat(cluster.log())
          .contains("the Docker engine answers again after ")
          .contains("removed 4 task(s) that exited while it was away")
          .doesNotContain("before relaunching");
      assertThat(cluster.tasksOf("main")).as("no exited task kept as a crash").hasSize(3);
      for (String instance : List.of("main", "other")) {
        assertThat(checks(instance).get(check("check_crash_loop", instance))).as(instance).isZero();
        assertThat(sensu.named(check("check_crash_loop", instance)).stream().filter(critical()))
            .as(instance)
            .isEmpty();
      }
    }
  }

  /** The kill an {@code oom} log line reports: its container and time, without the log's time. */
  private static String kill(String line) {
    return line.substring(line.indexOf(" WARN oom: "));
  }

  private static java.util.function.Predicate<Map<String, Object>> critical() {
    return event -> Integer.valueOf(2).equals(event.get("status"));
  }
}
