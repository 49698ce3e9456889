package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.model.SystemConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monitoring end to end: the daemon ({@code paasta server} wiring) runs an instance whose tasks
 * fail on the real Docker engine, its checks turn CRITICAL, the events reach a real TCP listener in
 * place of the Sensu client (system config {@code sensu_host}/{@code sensu_port}, {@code
 * monitoring_senders}), and the status API lists the checks. {@code check_every: 1s} and {@code
 * alert_after: 0s} keep each test well under a minute.
 */
class MonitoringIT {
  private static final Duration ALERTED = Duration.ofSeconds(60);
  private static final String TEAM = "it-team";
  private static final String MONITORING =
      "monitoring: {team: " + TEAM + ", check_every: 1s, alert_after: 0s, tip: 'it tip'}";

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;
  private LocalClusterFixture cluster;
  private SensuReceiver sensu;
  private ApiClient api;

  @BeforeEach
  void aClusterAndASensuClient() throws Exception {
    cluster = new LocalClusterFixture(tmp, IMAGE.image().registry(), IMAGE.image());
    sensu = new SensuReceiver();
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
    sensu.close();
  }

  /** The test cluster's system config, with events to the log and to the test's Sensu socket. */
  private SystemConfig systemWithSensu() {
    SystemConfig base = cluster.system();
    Map<String, Object> raw = new HashMap<>(base.raw());
    raw.put("sensu_host", "127.0.0.1");
    raw.put("sensu_port", sensu.port());
    raw.put("monitoring_senders", List.of("log", "sensu"));
    return new SystemConfig(
        base.cluster(),
        base.dockerRegistry(),
        base.zookeeper(),
        base.volumes(),
        base.apiEndpoints(),
        base.dashboardLinks(),
        "127.0.0.1",
        sensu.port(),
        base.synapseHost(),
        base.synapsePort(),
        base.defaultLocalRunCluster(),
        raw);
  }

  private void start() throws Exception {
    URI base =
        cluster.startServer(
            tmp.resolve("state"), Optional.empty(), systemWithSensu(), Optional.empty());
    api = new ApiClient(base);
  }

  private String checkName(String prefix) {
    return prefix + "." + cluster.service + "." + LocalClusterFixture.INSTANCE;
  }

  /** The first CRITICAL event of a check the Sensu socket received. */
  private Map<String, Object> awaitCritical(String name) {
    await()
        .atMost(ALERTED)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                sensu.named(name).stream()
                    .anyMatch(e -> Integer.valueOf(2).equals(e.get("status"))));
    return sensu.named(name).stream()
        .filter(e -> Integer.valueOf(2).equals(e.get("status")))
        .findFirst()
        .orElseThrow();
  }

  /** The status API's checks of the instance, by name. */
  private Map<String, JsonNode> checks() {
    JsonNode status =
        api.json(
            "/v1/services/" + cluster.service + "/" + LocalClusterFixture.INSTANCE + "/status");
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode check : status.get("checks")) {
      byName.put(check.get("name").asText(), check);
    }
    return byName;
  }

  @Test
  void aCrashingInstanceIsAlertedToSensuAndListedInItsStatus() throws Exception {
    cluster.instance("instances: 2", "cmd: 'echo crashing; exit 3'", MONITORING);
    cluster.deploy("start", null);
    start();

    String replication = checkName("check_marathon_services_replication");
    String crashLoop = checkName("check_crash_loop");
    Map<String, Object> under = awaitCritical(replication);
    Map<String, Object> looping = awaitCritical(crashLoop);

    assertThat(under.get("team")).isEqualTo(TEAM);
    assertThat(under.get("tip")).isEqualTo("it tip");
    assertThat(under.get("source")).isEqualTo("paasta-" + cluster.cluster);
    assertThat(under.get("check_every")).isEqualTo(1);
    assertThat((String) under.get("output"))
        .contains(cluster.service + ".main has 0 out of 2 expected instances available");
    assertThat(looping.get("team")).isEqualTo(TEAM);
    assertThat((String) looping.get("output")).contains("last exit code 3");
    Map<String, JsonNode> checks = checks();
    for (String name : List.of(replication, crashLoop)) {
      assertThat(checks).containsKey(name);
      assertThat(checks.get(name).get("status").asInt()).as(name).isEqualTo(2);
      assertThat(checks.get(name).get("alerted").asBoolean()).as(name).isTrue();
    }
    assertThat(checks.get(checkName("oom-killer")).get("status").asInt()).isZero();
  }

  /**
   * Issue 12 item 6: a crash loop with {@code alert_after} shorter than {@code check_every} is
   * alerted once it has failed for alert_after since its first failing evaluation. Before, the
   * alert state was only stepped every check_every (10 minutes here), so the failure's start was
   * taken at the first evaluation due and the alert came a check_every or two later.
   */
  @Test
  void aCrashLoopIsAlertedAtAlertAfterFromItsFirstFailureWhateverCheckEvery() throws Exception {
    cluster.instance(
        "instances: 1",
        "cmd: 'exit 1'",
        "monitoring: {team: " + TEAM + ", check_every: 10m, alert_after: 5s}");
    cluster.deploy("start", null);
    start();

    String crashLoop = checkName("check_crash_loop");
    Map<String, Object> looping = awaitCritical(crashLoop);

    assertThat(looping.get("alert_after")).isEqualTo(5);
    assertThat(looping.get("check_every")).isEqualTo(600);
    assertThat((String) looping.get("output")).contains("last exit code 1");
    JsonNode check = checks().get(crashLoop);
    assertThat(check.get("status").asInt()).isEqualTo(2);
    assertThat(check.get("alerted").asBoolean()).isTrue();
    assertThat(sensu.named(crashLoop).stream().filter(e -> e.get("status").equals(2))).hasSize(1);
  }

  @Test
  void anOomKilledTaskIsAlertedListedAndLoggedAsOom() throws Exception {
    cluster.instance(
        "instances: 1", "mem: 16", "cmd: 'x=a; while true; do x=$x$x; done'", MONITORING);
    cluster.deploy("start", null);
    start();

    String oom = checkName("oom-killer");
    Map<String, Object> killed = awaitCritical(oom);

    assertThat(killed.get("team")).isEqualTo(TEAM);
    assertThat((String) killed.get("output"))
        .startsWith("The Out Of Memory killer killed ")
        .contains(cluster.service + ".main in the last 10m in cluster " + cluster.cluster);
    JsonNode check = checks().get(oom);
    assertThat(check.get("status").asInt()).isEqualTo(2);
    assertThat(check.get("alerted").asBoolean()).isTrue();
    List<String> oomLines =
        await()
            .atMost(ALERTED)
            .until(
                () -> cluster.log().lines().filter(l -> l.contains(" WARN oom: ")).toList(),
                lines -> !lines.isEmpty());
    assertThat(oomLines)
        .allMatch(
            l ->
                l.contains(
                    "the OOM killer killed a process of "
                        + cluster.service
                        + ".main in "
                        + cluster.cluster
                        + " (container "))
        .allMatch(l -> l.contains("mem limit 16 MiB"));
  }
}
