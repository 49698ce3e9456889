package io.paasta.cli;

import static io.paasta.cli.testing.StatusAnswers.SHA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.cli.testing.ApiTrees;
import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.cli.testing.FakePaastaApi.Answer;
import io.paasta.cli.testing.JobAnswers;
import io.paasta.cli.testing.StatusAnswers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paasta status} against fakes of the clusters' APIs on local HTTP servers. */
class StatusCommandTest {
  @TempDir Path tmp;

  private FakePaastaApi local;
  private FakePaastaApi prod;
  private Path soa;

  @BeforeEach
  void twoClusters() throws IOException {
    local = new FakePaastaApi("local");
    prod = new FakePaastaApi("prod");
    soa = ApiTrees.soaConfigs(tmp.resolve("soa"), null);
    local.json("/v1/services/hello-web/main/status", StatusAnswers.running("main", SHA));
    local.json("/v1/services/hello-web/canary/status", StatusAnswers.bouncing("canary", SHA));
    prod.json("/v1/services/hello-web/main/status", StatusAnswers.stopped("main", SHA));
    local.json(
        "/v1/services/hello-web/nightly/status",
        JobAnswers.status("hello-web", "nightly", JobAnswers.summarizeDisabled()));
  }

  @AfterEach
  void stop() {
    local.close();
    prod.close();
  }

  @Test
  void everyClusterAndLongRunningInstanceAndJobOfTheService() throws IOException {
    CliRun r = status(Map.of("local", local.url(), "prod", prod.url()));

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "service: hello-web",
            "cluster: local",
            "  instance: main",
            "    Git sha: 1a2b3c4d (desired)",
            "    State: Configured - Desired state: Started",
            "    Marathon: Healthy - up with (3/3) instances. Status: Running",
            "    Smartstack: region:local - Healthy - in haproxy with (3/3) total backends UP",
            "  instance: canary",
            "    Git sha: 1a2b3c4d (desired)",
            "    State: Bouncing (crossover) - Desired state: Started",
            "    Marathon: Warning - up with (2/3) instances, 1 healthy. Status: Deploying",
            "    Smartstack: region:local - Warning - in haproxy with (2/3) total backends UP",
            "    Checks:",
            "      WARNING  check_marathon_services_replication.hello-web.canary: 2/3 backends UP",
            "  instance: nightly",
            "    Desired:    Disabled",
            "    Job:     batch-reports.summarize",
            "      Status:   Not scheduled (idle)  Last: New (never)",
            "      Parents:  batch-reports.nightly",
            "      Next:     none (disabled)",
            "      Command:  echo summarizing 2026-01-01",
            "      Running:  no",
            "      Not deployed: deploy group local.everything has no image yet (paasta"
                + " mark-for-deployment -l local.everything)",
            "      Problem:  no image deployed for deploy group local.everything",
            "cluster: prod",
            "  instance: main",
            "    Git sha: 1a2b3c4d (desired)",
            "    State: Stopped - Desired state: Stopped",
            "    Marathon: Stopped - no instances desired, none up (0/0). Status: Stopped",
            "    Smartstack: region:local - no backends expected, 0 UP");
    assertThat(r.err()).isEmpty();
    // each asked once
    assertThat(local.requests())
        .containsOnlyOnce(
            "/v1/version",
            "/v1/services/hello-web/main/status",
            "/v1/services/hello-web/canary/status",
            "/v1/services/hello-web/nightly/status");
    assertThat(prod.requests())
        .containsOnlyOnce("/v1/version", "/v1/services/hello-web/main/status");
  }

  @Test
  void aClusterWithoutAnEndpointIsOneLineTheOthersStillPrintAndTheExitIsOne() throws IOException {
    CliRun r = status(Map.of("local", local.url()), "-i", "main");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outLines())
        .containsExactly(
            "service: hello-web",
            "cluster: local",
            "  instance: main",
            "    Git sha: 1a2b3c4d (desired)",
            "    State: Configured - Desired state: Started",
            "    Marathon: Healthy - up with (3/3) instances. Status: Running",
            "    Smartstack: region:local - Healthy - in haproxy with (3/3) total backends UP",
            "cluster: prod - error: no API endpoint for cluster prod: api_endpoints in the system"
                + " config ("
                + tmp.resolve("etc")
                + ") has only local - add \"prod\": \"http://HOST:PORT\"");
  }

  @Test
  void anUnreachableOrSlowOrWrongClusterApiIsOneLineEach() throws IOException {
    local.script(
        "/v1/version", Answer.json("{\"cluster\":\"local\"}").after(Duration.ofSeconds(5)));
    String closed = "http://127.0.0.1:" + closedPort();

    CliRun r = status(Map.of("local", local.url(), "prod", closed), "--api-timeout", "0.3");
    CliRun wrong = status(Map.of("local", prod.url(), "prod", prod.url()), "-c", "local");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outLines())
        .containsExactly(
            "service: hello-web",
            "cluster: local - error: the PaaSTA API of cluster local at "
                + local.url()
                + " did not answer GET /v1/version within 300ms",
            "cluster: prod - error: cannot reach the PaaSTA API of cluster prod at "
                + closed
                + ": connection refused - is the paasta server of prod running?");
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.outLines())
        .containsExactly(
            "service: hello-web",
            "cluster: local - error: the API at "
                + prod.url()
                + " serves cluster prod, not local - check api_endpoints in the system config");
  }

  @Test
  void theInstancesAreAskedWhileTheVersionIsOnItsWay() throws IOException {
    Map<String, String> endpoints = Map.of("local", local.url(), "prod", prod.url());
    String timeout = Long.toString(FakePaastaApi.AWAIT_AT_MOST.toSeconds() / 2);
    CliRun atOnce = status(endpoints, "-c", "prod", "--api-timeout", timeout);
    // the version is held back until the instance's status is asked: a client that waited for the
    // version first would see no answer within the timeout
    prod.script(
        "/v1/version",
        Answer.json("{\"cluster\":\"prod\"}").whenReceived("/v1/services/hello-web/main/status"));

    CliRun r = status(endpoints, "-c", "prod", "--api-timeout", timeout);

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines()).contains("cluster: prod", "  instance: main");
    assertThat(r.outLines()).isEqualTo(atOnce.outLines());
  }

  @Test
  void anInstanceTheApiDoesNotKnowIsAnErrorLineUnderIt() throws IOException {
    CliRun r = status(Map.of("local", local.url(), "prod", prod.url()), "-c", "local");
    local.script(
        "/v1/services/hello-web/canary/status",
        Answer.problem(404, "Not Found", "no instance hello-web.canary in cluster local"));
    CliRun missing = status(Map.of("local", local.url()), "-c", "local", "-i", "canary");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.outLines())
        .containsExactly(
            "service: hello-web",
            "cluster: local",
            "  instance: canary",
            "    error: the PaaSTA API of cluster local at "
                + local.url()
                + " knows no such thing: no instance hello-web.canary in cluster local (404 to GET"
                + " /v1/services/hello-web/canary/status)");
  }

  @Test
  void aNeverDeployedInstanceSaysSo() throws IOException {
    local.json("/v1/services/hello-web/canary/status", StatusAnswers.neverDeployed("canary"));

    CliRun r = status(Map.of("local", local.url()), "-c", "local", "-i", "canary");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "service: hello-web",
            "cluster: local",
            "  instance: canary",
            "    Git sha: None (not deployed yet)",
            "    State: Not deployed - deploy group local.everything has no deploy tag yet"
                + " (paasta mark-for-deployment -l local.everything)");
  }

  @Test
  void verboseAsksForTasksAtItsLevel() throws IOException {
    local.json("/v1/services/hello-web/main/tasks?verbose=1", StatusAnswers.tasks(false));
    local.json("/v1/services/hello-web/main/tasks?verbose=2", StatusAnswers.tasks(true));

    CliRun v = status(Map.of("local", local.url()), "-c", "local", "-i", "main", "-v");
    CliRun vv = status(Map.of("local", local.url()), "-c", "local", "-i", "main", "-vv");

    assertThat(v.exit()).as(v.all()).isZero();
    assertThat(v.out())
        .contains("    App id: hello-web.main.git1a2b3c4d.config3c5d7e9f")
        .contains("    Checks:\n      OK       check_marathon_services_replication")
        .contains("    Tasks:\n      ID            STATE")
        .contains("      0123456789ab  running             healthy    127.0.0.1:31001")
        .doesNotContain("Output of");
    assertThat(vv.out())
        .contains("    Output of 0123456789ab (last 2 lines):\n      listening on 31001\n");
    assertThat(local.requests())
        .contains(
            "/v1/services/hello-web/main/tasks?verbose=1",
            "/v1/services/hello-web/main/tasks?verbose=2");
  }

  @Test
  void jsonPrintsTheCollectedAnswers() throws Exception {
    CliRun r = status(Map.of("local", local.url()), "--json");

    assertThat(r.exit()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("service").asText()).isEqualTo("hello-web");
    JsonNode localCluster = json.at("/clusters/0");
    assertThat(localCluster.get("cluster").asText()).isEqualTo("local");
    assertThat(localCluster.get("api_endpoint").asText()).isEqualTo(local.url());
    assertThat(localCluster.get("error").isNull()).isTrue();
    assertThat(localCluster.at("/instances/0/instance").asText()).isEqualTo("main");
    assertThat(localCluster.at("/instances/0/deploy_group").asText()).isEqualTo("local.everything");
    assertThat(localCluster.at("/instances/0/status/marathon/deploy_status").asText())
        .isEqualTo("Running");
    assertThat(localCluster.at("/instances/0/status/unknown_new_section/anything/2").asInt())
        .as("answers are passed on as sent")
        .isEqualTo(3);
    assertThat(json.at("/clusters/1/cluster").asText()).isEqualTo("prod");
    assertThat(json.at("/clusters/1/error").asText())
        .startsWith("no API endpoint for cluster prod");
  }

  @Test
  void refusesClustersAndInstancesTheServiceLacks() throws IOException {
    CliRun cluster = status(Map.of("local", local.url()), "-c", "nowhere");
    CliRun instance = status(Map.of("local", local.url()), "-c", "prod", "-i", "canary");
    CliRun job = status(Map.of("local", local.url()), "-c", "prod", "-i", "nightly");

    assertThat(cluster.exit()).isEqualTo(1);
    assertThat(cluster.err())
        .contains("hello-web has no instances in cluster nowhere - its clusters: local, prod");
    assertThat(instance.err())
        .contains("no instance canary of hello-web in prod - its instances: main");
    assertThat(job.err())
        .contains("no instance nightly of hello-web in prod - its instances: main");
    assertThat(local.requests()).isEmpty();
  }

  @Test
  void aMissingSystemConfigIsAClearError() {
    CliRun r =
        CliRun.run(
            "status",
            "-s",
            "hello-web",
            "-y",
            soa.toString(),
            "--system-config-dir",
            tmp.resolve("nope").toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith("error: the system config in " + tmp.resolve("nope") + " is not usable")
        .contains("system config directory does not exist");
  }

  private CliRun status(Map<String, String> endpoints, String... more) throws IOException {
    Path etc = ApiTrees.systemConfig(tmp.resolve("etc"), endpoints);
    List<String> args =
        new ArrayList<>(
            List.of(
                "status",
                "-s",
                "hello-web",
                "-y",
                soa.toString(),
                "--system-config-dir",
                etc.toString()));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
