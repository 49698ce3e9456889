package io.paasta.cli.status;

import static io.paasta.cli.testing.StatusAnswers.OLD_SHA;
import static io.paasta.cli.testing.StatusAnswers.SHA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.cli.api.InstanceTarget;
import io.paasta.cli.testing.StatusAnswers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

/** The text of {@code paasta status} from canned API answers, without any HTTP. */
class StatusFormatterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-20T10:05:12Z");
  private static final InstanceTarget MAIN =
      new InstanceTarget("hello-web", "local", "main", "local.everything");

  @Test
  void aRunningInstance() {
    assertThat(plain(report(StatusAnswers.running("main", SHA)), 0))
        .containsExactly(
            "service: hello-web",
            "cluster: local",
            "  instance: main",
            "    Git sha: 1a2b3c4d (desired)",
            "    State: Configured - Desired state: Started",
            "    Marathon: Healthy - up with (3/3) instances. Status: Running",
            "    Smartstack: region:local - Healthy - in haproxy with (3/3) total backends UP");
  }

  @Test
  void aBouncingInstanceShowsTheBounceMethodAndTheWarningCheck() {
    assertThat(plain(report(StatusAnswers.bouncing("main", SHA)), 0))
        .containsExactly(
            "service: hello-web",
            "cluster: local",
            "  instance: main",
            "    Git sha: 1a2b3c4d (desired)",
            "    State: Bouncing (crossover) - Desired state: Started",
            "    Marathon: Warning - up with (2/3) instances, 1 healthy. Status: Deploying",
            "    Smartstack: region:local - Warning - in haproxy with (2/3) total backends UP",
            "    Checks:",
            "      WARNING  check_marathon_services_replication.hello-web.main: 2/3 backends UP");
  }

  @Test
  void aKubernetesInstanceShowsItsStateVersionsByReplicaSetAndWithVItsReplicas() {
    String app =
        "{\"desired_state\":\"start\",\"app_count\":2,\"app_id\":\"hello-web.main.git1a2b3c4d.configaaaa\","
            + "\"bounce_method\":\"crossover\",\"deploy_status\":\"Deploying\","
            + "\"running_instance_count\":4,\"healthy_instance_count\":3,\"expected_instance_count\":2,"
            + "\"error_message\":null,\"config_problems\":[],"
            + "\"state\":\"Bouncing to 1a2b3c4d\","
            + "\"versions\":[{\"name\":\"hello-web-main-7f9\",\"git_sha\":\""
            + SHA
            + "\",\"config_sha\":\"configaaaa1111\",\"created\":\"2026-11-20T10:00:12Z\","
            + "\"ready_replicas\":1,\"replicas\":2},"
            + "{\"name\":\"hello-web-main-5c4\",\"git_sha\":\""
            + OLD_SHA
            + "\",\"config_sha\":\"configbbbb2222\",\"created\":\"2026-11-19T10:05:12Z\","
            + "\"ready_replicas\":2,\"replicas\":2}],"
            + "\"replicas\":[{\"name\":\"hello-web-main-7f9-a\",\"version\":\"hello-web-main-7f9\","
            + "\"git_sha\":\""
            + SHA
            + "\",\"state\":\"Healthy\",\"detail\":\"\",\"started_at\":\"2026-11-20T10:01:12Z\"},"
            + "{\"name\":\"hello-web-main-7f9-b\",\"version\":\"hello-web-main-7f9\","
            + "\"git_sha\":\""
            + SHA
            + "\",\"state\":\"Unscheduled\",\"detail\":\"0/3 nodes are available: 3 Insufficient cpu.\","
            + "\"started_at\":null}]}";
    String status =
        StatusAnswers.status("main", SHA, "start", app, "null", "[]")
            .replace("\"marathon\":", "\"kubernetes\":");
    List<String> quiet = plain(report(status), 0);
    assertThat(quiet)
        .containsExactly(
            "service: hello-web",
            "cluster: local",
            "  instance: main",
            "    Git sha: 1a2b3c4d (desired)",
            "    State: Bouncing to 1a2b3c4d - Desired state: Started",
            "    Kubernetes: Healthy - up with (4/2) instances, 3 healthy. Status: Deploying",
            "    Versions:",
            "      1a2b3c4d configaaaa1111 created 2026-11-20T10:00:12Z (5m ago): 1/2 ready",
            "      9f8e7d6c configbbbb2222 created 2026-11-19T10:05:12Z (1d ago): 2/2 ready");
    assertThat(plain(report(status), 1))
        .containsSubsequence(
            "    Replicas:",
            "      REPLICA               VERSION   STATE                                         "
                + "              STARTED",
            "      hello-web-main-7f9-a  1a2b3c4d  Healthy                                       "
                + "              2026-11-20T10:01:12Z (4m ago)",
            "      hello-web-main-7f9-b  1a2b3c4d  Unscheduled (0/3 nodes are available: 3"
                + " Insufficient cpu.)  -");
  }

  @Test
  void aStoppedInstanceDoesNotReadAsRunning() {
    List<String> lines = plain(report(StatusAnswers.stopped("main", SHA)), 0);

    assertThat(lines)
        .containsExactly(
            "service: hello-web",
            "cluster: local",
            "  instance: main",
            "    Git sha: 1a2b3c4d (desired)",
            "    State: Stopped - Desired state: Stopped",
            "    Marathon: Stopped - no instances desired, none up (0/0). Status: Stopped",
            "    Smartstack: region:local - no backends expected, 0 UP");
    assertThat(String.join("\n", lines)).doesNotContain("Healthy", "Running", "Started");
  }

  @Test
  void aNeverDeployedInstanceSaysSoAndNamesItsDeployGroup() {
    assertThat(plain(report(StatusAnswers.neverDeployed("main")), 0))
        .containsExactly(
            "service: hello-web",
            "cluster: local",
            "  instance: main",
            "    Git sha: None (not deployed yet)",
            "    State: Not deployed - deploy group local.everything has no deploy tag yet"
                + " (paasta mark-for-deployment -l local.everything)");
  }

  @Test
  void verboseAddsTheAppIdEveryCheckAndATaskTable() {
    List<String> lines =
        plain(report(StatusAnswers.bouncing("main", SHA), StatusAnswers.tasks(false)), 1);

    assertThat(lines)
        .containsSubsequence(
            "    Marathon: Warning - up with (2/3) instances, 1 healthy. Status: Deploying",
            "    App id: hello-web.main.git1a2b3c4d.config3c5d7e9f",
            "    Smartstack: region:local - Warning - in haproxy with (2/3) total backends UP",
            "    Checks:",
            "      WARNING  check_marathon_services_replication.hello-web.main: 2/3 backends UP",
            "      OK       setup_marathon_job.hello-web.main: ok",
            "    Tasks:",
            "      ID            STATE               HEALTH     HOST:PORT        STARTED"
                + " ".repeat(27)
                + "APP",
            "      0123456789ab  running             healthy    127.0.0.1:31001  2026-11-20T10:00:00Z"
                + " (5m12s ago)  hello-web.main.git1a2b3c4d.config3c5d7e9f",
            "      fedcba987654  running (draining)  unhealthy  127.0.0.1:31002  2026-11-20T09:00:00Z"
                + " (1h5m ago)   hello-web.main.git9f8e7d6c.config11111111");
    assertThat(String.join("\n", lines)).doesNotContain("Output of", OLD_SHA);
  }

  @Test
  void veryVerboseAddsEachTasksLastOutputLinesWithoutTerminalEscapes() {
    List<String> lines =
        plain(report(StatusAnswers.running("main", SHA), StatusAnswers.tasks(true)), 2);

    assertThat(lines)
        .containsSubsequence(
            "    Tasks:",
            "    Output of 0123456789ab (last 2 lines):",
            "      listening on 31001",
            "      GET /status 200",
            "    Output of fedcba987654 (last 1 line):",
            "      [31mpanic[0m: boom");
    assertThat(String.join("\n", lines)).doesNotContain("\u001b");
  }

  @Test
  void aFailingCheckShowsWithoutVerboseAndAnOkOneOnlyWithIt() {
    String critical =
        StatusAnswers.status(
            "main",
            SHA,
            "start",
            "{\"app_count\":1,\"deploy_status\":\"Running\",\"running_instance_count\":3,"
                + "\"healthy_instance_count\":3,\"expected_instance_count\":3}",
            "null",
            "[{\"name\":\"deploy stuck\",\"status\":2,\"output\":\"no progress for 10m\"},"
                + "{\"name\":\"replication\",\"status\":0,\"output\":\"3/3\"}]");

    assertThat(plain(report(critical), 0))
        .endsWith("    Checks:", "      CRITICAL deploy stuck: no progress for 10m");
    assertThat(plain(report(critical, "{\"tasks\":[]}"), 1))
        .containsSubsequence(
            "    Checks:",
            "      CRITICAL deploy stuck: no progress for 10m",
            "      OK       replication: 3/3",
            "    Tasks: none");
  }

  @Test
  void smartstackInSeveralLocationsGetsALineEachAndCriticalWhenNoneIsUp() {
    String status =
        StatusAnswers.status(
            "main",
            SHA,
            "start",
            "{\"app_count\":1,\"deploy_status\":\"Running\",\"running_instance_count\":0,"
                + "\"expected_instance_count\":4}",
            "{\"locations\":[{\"name\":\"region:east\",\"running_backends\":2,"
                + "\"expected_backends\":2},{\"name\":\"region:west\",\"running_backends\":0,"
                + "\"expected_backends\":2}]}",
            "[]");

    assertThat(plain(report(status), 0))
        .endsWith(
            "    Marathon: Critical - up with (0/4) instances. Status: Running",
            "    Smartstack:",
            "      region:east - Healthy - in haproxy with (2/2) total backends UP",
            "      region:west - Critical - in haproxy with (0/2) total backends UP");
  }

  @Test
  void anAppErrorAndConfigProblemsAreShown() {
    String status =
        StatusAnswers.status(
            "main",
            SHA,
            "start",
            "{\"app_count\":1,\"error_message\":\"image not found in registry\","
                + "\"config_problems\":[\"mem: must be at least 32\",{\"message\":\"cmd: empty\"}]}",
            "null",
            "[]");

    ClusterReport cluster = report(status);
    assertThat(cluster.failed()).isTrue();
    assertThat(plain(cluster, 0))
        .endsWith(
            "    Marathon: Error - image not found in registry",
            "    Config problem: mem: must be at least 32",
            "    Config problem: cmd: empty");
  }

  @Test
  void theBackoffOfFailingPassesIsShownWithMinusV() {
    String status =
        StatusAnswers.status(
            "main",
            SHA,
            "start",
            "{\"app_count\":1,\"app_id\":\"hello-web.main.git1a2b3c4d.config3c5d7e9f\","
                + "\"error_message\":\"image 127.0.0.1:5000/x:y is not in the registry\","
                + "\"config_problems\":[],\"pass_backoff\":{\"failures\":3,"
                + "\"last_error\":\"image 127.0.0.1:5000/x:y is not in the registry\","
                + "\"failed_at\":\"2026-11-20T10:05:00Z\",\"delay_seconds\":20,"
                + "\"next_try_at\":\"2026-11-20T10:05:20.250Z\",\"next_try_in_seconds\":9}}",
            "null",
            "[]");

    assertThat(plain(report(status), 0))
        .noneMatch(line -> line.contains("Retry"))
        .contains("    Marathon: Error - image 127.0.0.1:5000/x:y is not in the registry");
    assertThat(plain(report(status), 1))
        .contains(
            "    App id: hello-web.main.git1a2b3c4d.config3c5d7e9f",
            "    Retry: pass failed 3 times in a row: image 127.0.0.1:5000/x:y is not in the"
                + " registry; next try in 9 s (at 10:05:20 UTC)");
  }

  @Test
  void aPassThatFailedOnceAndIsDueSaysSo() {
    String status =
        StatusAnswers.status(
            "main",
            SHA,
            "start",
            "{\"app_count\":1,\"config_problems\":[],\"pass_backoff\":{\"failures\":1,"
                + "\"last_error\":\"engine refused\",\"next_try_in_seconds\":0}}",
            "null",
            "[]");

    assertThat(plain(report(status), 1))
        .contains("    Retry: pass failed once: engine refused; next try now");
  }

  @Test
  void aClusterThatCouldNotBeAskedIsOneLineAndAnInstanceErrorAnother() {
    List<ClusterReport> clusters =
        List.of(
            ClusterReport.failed("prod", Optional.empty(), "no API endpoint for cluster prod"),
            new ClusterReport(
                "local",
                Optional.of("http://127.0.0.1:5054"),
                Optional.empty(),
                List.of(InstanceReport.failed(MAIN, "the API does not know hello-web.main"))));

    assertThat(render(StatusFormatter.format("hello-web", clusters, 0, NOW), Ansi.OFF))
        .containsExactly(
            "service: hello-web",
            "cluster: prod - error: no API endpoint for cluster prod",
            "cluster: local",
            "  instance: main",
            "    error: the API does not know hello-web.main");
    assertThat(clusters).allMatch(ClusterReport::failed);
  }

  @Test
  void colouredOnATerminalAndPlainOtherwiseWithTheSameText() {
    List<String> markup =
        StatusFormatter.format(
            "hello-web", List.of(report(StatusAnswers.bouncing("main", SHA))), 1, NOW);

    List<String> coloured = render(markup, Ansi.ON);
    List<String> plain = render(markup, Ansi.OFF);

    assertThat(String.join("\n", plain)).doesNotContain("\u001b[", "@|");
    assertThat(coloured)
        .anySatisfy(l -> assertThat(l).contains("\u001b[33mBouncing (crossover)\u001b[39m"))
        .anySatisfy(l -> assertThat(l).contains("\u001b[32m").contains("\u001b[0m"));
    assertThat(coloured.stream().map(StatusFormatterTest::stripAnsi).toList()).isEqualTo(plain);
  }

  @Test
  void verboseShowsTheAutoscalerOfAnAutoscaledInstance() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode status =
        (com.fasterxml.jackson.databind.node.ObjectNode) json(StatusAnswers.running("main", SHA));
    status.set(
        "autoscaling",
        json(
            "{\"metrics_provider\": \"cpu\", \"decision_policy\": \"proportional\","
                + " \"setpoint\": 0.5, \"min_instances\": 1, \"max_instances\": 4,"
                + " \"utilization\": 0.934, \"paused_until\": \"2026-11-20T12:00:00Z\","
                + " \"params_error\": null, \"last_decision\": {\"at\": \"2026-11-20T10:05:00Z\","
                + " \"outcome\": \"SCALE\", \"from\": 1, \"to\": 2, \"message\": \"Scaling from 1"
                + " to 2 instances (44% overutilized)\"}}"));
    List<String> verbose = plain(report(status.toString()), 1);
    assertThat(verbose)
        .containsSubsequence(
            "    Autoscaling: cpu, proportional, setpoint 50%, utilization 93% (1..4 instances)",
            "      Last decision: Scaling from 1 to 2 instances (44% overutilized) at"
                + " 2026-11-20T10:05:00Z",
            "      Autoscaler paused until 2026-11-20T12:00:00Z");
    assertThat(plain(report(status.toString()), 0)).noneMatch(l -> l.contains("Autoscaling"));
  }

  private static ClusterReport report(String status) {
    return report(status, null);
  }

  private static ClusterReport report(String status, String tasks) {
    InstanceReport instance =
        InstanceReport.answered(
            MAIN,
            json(status),
            Optional.ofNullable(tasks).map(StatusFormatterTest::json),
            Optional.empty());
    return new ClusterReport(
        "local", Optional.of("http://127.0.0.1:5054"), Optional.empty(), List.of(instance));
  }

  private static List<String> plain(ClusterReport cluster, int verbose) {
    return render(StatusFormatter.format("hello-web", List.of(cluster), verbose, NOW), Ansi.OFF);
  }

  private static List<String> render(List<String> markup, Ansi ansi) {
    return markup.stream().map(ansi::string).toList();
  }

  private static String stripAnsi(String text) {
    return text.replaceAll("\u001b\\[[0-9;]*m", "");
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
