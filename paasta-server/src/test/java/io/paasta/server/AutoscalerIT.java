package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.model.SystemConfig;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.testing.TestInfrastructure;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autoscaler in the daemon against the real Docker engine: tasks that burn CPU (a busybox sh
 * loop, while a flag file exists in a mounted directory) make the instance scale up to
 * max_instances; idle, it scales down, never more than PaaSTA's 30 % clamp in one step; the app id
 * never changes (scales, not bounces). The pause holds every count; a restarted daemon keeps the
 * count and the last decision.
 */
class AutoscalerIT {
  private static final Duration CONVERGE = Duration.ofSeconds(300);
  private static final String TOKEN = "it-token-" + TestInfrastructure.randomSha().substring(0, 12);
  private static final Pattern SCALING =
      Pattern.compile("Scaling from (\\d+) to (\\d+) instances \\((\\d+)% (over|under)utilized\\)");

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;
  private LocalClusterFixture cluster;
  private ApiClient api;
  private Path flags;

  @BeforeEach
  void aCluster() throws Exception {
    cluster = new LocalClusterFixture(tmp, IMAGE.image().registry(), IMAGE.image());
    flags = Files.createDirectories(tmp.resolve("flags"));
    Files.setPosixFilePermissions(flags, PosixFilePermissions.fromString("rwxrwxrwx"));
  }

  @AfterEach
  void stop() throws Exception {
    System.out.println(logText());
    cluster.close();
  }

  private void start() throws Exception {
    SystemConfig system = cluster.system(Map.of("autoscaling_interval", 1));
    URI uri =
        cluster.startServer(tmp.resolve("state"), Optional.of(TOKEN), system, Optional.empty());
    api = new ApiClient(uri);
  }

  @Test
  void burningCpuScalesUpAndIdleScalesDownWithoutABounce() throws Exception {
    // a tenth of a CPU each (no burst): one busy task is up to 100 % utilized (less on a busy
    // machine, where it gets less CPU time), setpoint 20 %
    cluster.instance(
        "cmd: 'httpd -p 127.0.0.1:$PORT0 -h /www; while :; do if [ -e /flags/burn ]; then n=0;"
            + " while [ $n -lt 2000 ]; do n=$((n+1)); done; else sleep 1; fi; done'",
        "cpus: 0.1",
        "cpu_burst_pct: 0",
        "min_instances: 1",
        "max_instances: 3",
        "autoscaling: {metrics_provider: mesos_cpu, setpoint: 0.2}",
        "extra_volumes: [{containerPath: /flags, hostPath: '" + flags + "', mode: RO}]",
        "healthcheck_mode: http",
        "healthcheck_uri: /status",
        "healthcheck_grace_period_seconds: 1",
        "healthcheck_interval_seconds: 1",
        "drain_method: noop");
    cluster.deploy("start", null);
    start();
    String autoscaler = "/v1/services/" + cluster.service + "/main/autoscaler";
    // no stored count: max_instances; then one task, set through the API
    await().atMost(CONVERGE).until(() -> healthy() == 3);
    ApiClient.Answer set =
        api.send("POST", autoscaler, "{\"desired_instances\": 1}", Optional.of(TOKEN));
    assertThat(set.status()).isEqualTo(200);
    await().atMost(CONVERGE).until(() -> running() == 1);
    String appId = appIds().iterator().next();

    // idle, the only task stays alone (never below min_instances)
    await()
        .atMost(CONVERGE)
        .until(() -> !status().path("autoscaling").path("last_decision").isNull());
    JsonNode idle = status().get("autoscaling");
    assertThat(idle.get("metrics_provider").asText()).isEqualTo("cpu");
    assertThat(idle.get("setpoint").asDouble()).isEqualTo(0.2);

    await()
        .atMost(CONVERGE)
        .until(() -> api.json(autoscaler).get("desired_instances").asInt() == 1);
    // paused: burning changes nothing
    String pause = "/v1/service_autoscaler/pause";
    assertThat(api.send("POST", pause, "{\"minutes\": 30}", Optional.of(TOKEN)).status())
        .isEqualTo(200);
    // (a pass in progress when the pause came may still decide: burn once the loop says paused)
    await().atMost(CONVERGE).until(() -> logText().contains("paused until"));
    Files.writeString(flags.resolve("burn"), "");
    String decidedBefore = lastDecisionAt();
    Thread.sleep(4000); // four intervals
    assertThat(lastDecisionAt()).isEqualTo(decidedBefore);
    assertThat(api.json(autoscaler).get("desired_instances").asInt()).isEqualTo(1);

    // resumed: up to max_instances, by the load
    int beforeResume = scalings().size();
    assertThat(api.send("DELETE", pause, null, Optional.of(TOKEN)).status()).isEqualTo(200);
    long resumed = System.nanoTime();
    System.out.println("figure: decisions resumed at " + java.time.Instant.now());
    await().atMost(CONVERGE).pollInterval(Duration.ofMillis(50)).until(() -> healthy() >= 2);
    // a figure for the README, not an assertion: the load is on when decisions resume
    System.out.printf(
        "figure: decisions resumed under load -> first new task healthy: %d ms (interval 1 s),"
            + " at %s%n",
        (System.nanoTime() - resumed) / 1_000_000, java.time.Instant.now());
    await()
        .atMost(CONVERGE)
        .until(() -> api.json(autoscaler).get("desired_instances").asInt() == 3);
    await().atMost(CONVERGE).until(() -> healthy() == 3);
    assertThat(appIds()).containsExactly(appId);
    assertThat(scalings().get(beforeResume)[0]).isEqualTo(1);
    assertThat(logText())
        .containsPattern("Scaling from 1 to \\d instances \\(\\d+% overutilized\\)");
    JsonNode busy = status().get("autoscaling");
    assertThat(busy.get("utilization").asDouble()).isGreaterThan(0.2);

    // a restarted daemon keeps the count and the last decision
    cluster.crashDaemon();
    start();
    assertThat(api.json(autoscaler).get("desired_instances").asInt()).isEqualTo(3);
    assertThat(status().path("autoscaling").path("last_decision").path("message").asText())
        .matches("(Scaling from \\d+ to \\d+|Staying at \\d+) instances \\(.*\\)");

    // idle: down to min_instances, each step at most PaaSTA's clamp, the same app throughout
    int before = scalings().size();
    Files.delete(flags.resolve("burn"));
    await()
        .atMost(CONVERGE)
        .until(() -> api.json(autoscaler).get("desired_instances").asInt() == 1);
    await().atMost(CONVERGE).until(() -> running() == 1);
    assertThat(appIds()).containsExactly(appId);
    List<int[]> down = scalings().subList(before, scalings().size());
    assertThat(down).isNotEmpty();
    for (int[] step : down) {
      assertThat(step[1]).isLessThan(step[0]).isGreaterThanOrEqualTo((int) (step[0] * 0.7));
    }
    Matcher started = Pattern.compile("start \\d+ task\\(s\\) of (\\S+):").matcher(logText());
    Set<String> startedApps = new TreeSet<>();
    while (started.find()) {
      startedApps.add(started.group(1));
    }
    assertThat(startedApps).containsExactly(appId);
  }

  private JsonNode status() {
    return api.json("/v1/services/" + cluster.service + "/main/status");
  }

  private String lastDecisionAt() {
    return status().path("autoscaling").path("last_decision").path("at").asText();
  }

  private long healthy() {
    return cluster.tasks().stream()
        .filter(t -> t.isRunning() && t.health() == HealthState.HEALTHY)
        .count();
  }

  private long running() {
    return cluster.tasks().stream().filter(ObservedTask::isRunning).count();
  }

  private Set<String> appIds() {
    Set<String> ids = new TreeSet<>();
    cluster.tasks().stream().filter(ObservedTask::isRunning).forEach(t -> ids.add(t.appId()));
    return ids;
  }

  private String logText() {
    return cluster.log.toString(StandardCharsets.UTF_8);
  }

  /** Every "Scaling from X to Y" of the daemon's log, in order, as {X, Y}. */
  private List<int[]> scalings() {
    List<int[]> out = new ArrayList<>();
    Matcher m = SCALING.matcher(logText());
    while (m.find()) {
      out.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
    }
    return out;
  }
}
