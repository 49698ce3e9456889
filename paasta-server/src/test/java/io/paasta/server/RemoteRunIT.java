package io.paasta.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.planning.adhoc.AdhocRun;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paasta remote-run} through the API of a daemon on the real Docker engine: a run of an
 * adhoc instance gets the deployed image and the instance's env, its output and exit code are read
 * back; a run past its time limit is stopped and said so, also when the daemon that started it was
 * restarted meanwhile; runs are listed, stopped and shown in the instance's status; the
 * long-running instances and the job scheduler leave them alone.
 */
class RemoteRunIT {
  private static final String TOKEN = "remote-run-token";
  private static final Duration WAIT = Duration.ofSeconds(90);

  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  @TempDir Path tmp;
  private LocalClusterFixture cluster;
  private ApiClient api;
  private Path state;

  @BeforeEach
  void aCluster() throws Exception {
    cluster = new LocalClusterFixture(tmp, IMAGE.image().registry(), IMAGE.image());
    cluster.instances(
        "main: {deploy_group: prod, instances: 1, cmd: 'exec httpd -f -p 127.0.0.1:$PORT0 -h"
            + " /www'}\n");
    cluster.adhoc(
        "shell: {deploy_group: prod, cmd: 'echo hello from $PAASTA_INSTANCE; exit 3', env:"
            + " {GREETING: bonjour}, mem: 64}\n");
    cluster.deploy("start", null);
    state = tmp.resolve("state");
    start();
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  private void start() throws Exception {
    URI base = cluster.startServer(state, Optional.of(TOKEN));
    api = new ApiClient(base);
  }

  private ApiClient.Answer startRun(String instance, String body) {
    return api.send(
        "POST",
        "/v1/services/" + cluster.service + "/" + instance + "/remote_runs",
        body,
        Optional.of(TOKEN));
  }

  /** Polls the run until it exited; its document with the whole output. */
  private JsonNode awaitExit(String runId) {
    List<String> output = new ArrayList<>();
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(WAIT)
        .until(
            () -> {
              JsonNode run = api.json("/v1/remote_runs/" + runId + "?output_from=" + output.size());
              run.get("output").forEach(line -> output.add(line.asText()));
              last[0] = run;
              return run.get("state").asText().equals("exited");
            });
    JsonNode rest = api.json("/v1/remote_runs/" + runId + "?output_from=" + output.size());
    rest.get("output").forEach(line -> output.add(line.asText()));
    ((com.fasterxml.jackson.databind.node.ObjectNode) last[0])
        .set("all_output", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(output));
    return last[0];
  }

  @Test
  void aRunHasTheDeployedImageAndEnvAndEndsWithItsExitCodeAndOutput() {
    ApiClient.Answer withoutToken =
        api.send(
            "POST",
            "/v1/services/" + cluster.service + "/shell/remote_runs",
            "{}",
            Optional.empty());
    assertThat(withoutToken.status()).isEqualTo(401);
    assertThat(cluster.remoteRuns()).isEmpty();

    ApiClient.Answer withItsCmd = startRun("shell", "{}");
    assertThat(withItsCmd.status()).as(withItsCmd.body()).isEqualTo(201);
    JsonNode first = awaitExit(withItsCmd.json().get("run_id").asText());
    assertThat(first.get("exit_code").asInt()).isEqualTo(3);
    assertThat(first.get("all_output").toString()).contains("hello from shell");
    assertThat(first.get("stop_reason").isNull()).isTrue();

    ApiClient.Answer started =
        startRun(
            "shell",
            "{\"cmd\": \"echo $GREETING $PAASTA_SERVICE; echo to stderr >&2; exit 0\", \"by\":"
                + " \"bob@laptop\"}");

    assertThat(started.status()).as(started.body()).isEqualTo(201);
    JsonNode run = awaitExit(started.json().get("run_id").asText());
    assertThat(run.get("exit_code").asInt()).isZero();
    assertThat(run.get("by").asText()).isEqualTo("bob@laptop");
    assertThat(run.get("all_output").toString())
        .contains("bonjour " + cluster.service)
        .contains("to stderr");
    assertThat(cluster.log()).contains("started by bob@laptop");
  }

  @Test
  void aRunPastItsTimeLimitIsStoppedAndSaidSoEvenOverADaemonRestart() throws Exception {
    ApiClient.Answer started =
        startRun("shell", "{\"cmd\": \"echo sleeping; sleep 600\", \"max_seconds\": 8}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String runId = started.json().get("run_id").asText();
    await().atMost(WAIT).until(() -> api.json("/v1/remote_runs/" + runId).get("output").size() > 0);

    // the daemon goes away and another starts: the run is still there, and still limited
    cluster.crashDaemon();
    assertThat(cluster.remoteRuns()).extracting(AdhocRun::runId).contains(runId);
    start();

    JsonNode run = awaitExit(runId);
    assertThat(run.get("stop_reason").asText()).contains("past its time limit of 8 s");
    assertThat(run.get("exit_code").asInt()).isNotZero();
    assertThat(cluster.log()).contains("remote-run " + runId + " stopped: past its time limit");
  }

  @Test
  void runsAreListedShownInStatusAndStoppedAndTheLoopLeavesThemAlone() throws Exception {
    await().atMost(WAIT).until(() -> cluster.runningOf("main") == 1);
    ApiClient.Answer started = startRun("shell", "{\"cmd\": \"sleep 600\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(201);
    String runId = started.json().get("run_id").asText();

    Thread.sleep(Duration.ofSeconds(8).toMillis()); // more than a full pass of the daemon
    JsonNode listed = api.json("/v1/remote_runs");
    assertThat(listed.get("runs").findValuesAsText("run_id")).containsExactly(runId);
    assertThat(listed.get("runs").get(0).get("state").asText()).isEqualTo("running");
    JsonNode status = api.json("/v1/services/" + cluster.service + "/shell/status");
    assertThat(status.get("adhoc").get("runs").findValuesAsText("run_id")).containsExactly(runId);
    assertThat(cluster.runningOf("main")).isEqualTo(1);

    ApiClient.Answer refused =
        api.send("DELETE", "/v1/remote_runs/" + runId, "{}", Optional.empty());
    assertThat(refused.status()).isEqualTo(401);
    ApiClient.Answer stopped =
        api.send(
            "DELETE", "/v1/remote_runs/" + runId, "{\"by\": \"carol@laptop\"}", Optional.of(TOKEN));

    assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
    assertThat(stopped.json().get("state").asText()).isEqualTo("exited");
    assertThat(stopped.json().get("stop_reason").asText()).isEqualTo("stopped by carol@laptop");
    assertThat(api.get("/v1/remote_runs/nope").status()).isEqualTo(404);
  }

  @Test
  void badInputIsNamed() throws Exception {
    ApiClient.Answer unknown = startRun("nope", "{}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("detail").asText())
        .contains("no adhoc instance 'nope'")
        .contains("adhoc-" + cluster.cluster + ".yaml")
        .contains("has: shell");

    ApiClient.Answer tooLong = startRun("shell", "{\"max_seconds\": 100000}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("detail").asText()).contains("max_seconds").contains("86400");

    cluster.adhoc("other: {deploy_group: canary, cmd: 'true'}\n");
    await()
        .atMost(WAIT)
        .until(
            () ->
                api.get("/v1/services/" + cluster.service + "/other/remote_runs").status() == 200);
    ApiClient.Answer undeployed = startRun("other", "{}");
    assertThat(undeployed.status()).isEqualTo(409);
    assertThat(undeployed.json().get("detail").asText())
        .contains("no deployed image")
        .contains("deploy group canary");
  }
}
