package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.cli.testing.ApiTrees;
import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.cli.testing.FakePaastaApi.Answer;
import io.paasta.cli.testing.FakePaastaApi.Received;
import io.paasta.testing.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paasta remote-run start|stop|list} against a fake of the cluster's API: a start is one
 * POST with the token, the command, the time limit and who asks; {@code -f} prints the output as it
 * comes and exits with the run's exit code, saying when it was stopped for its time limit; bad
 * input refused before the API is asked; an API that does not answer named.
 */
class RemoteRunCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String START = "/v1/services/hello-web/shell/remote_runs";
  private static final String RUN_ID = "20261206T104405-3f2a";
  private static final String RUN = "/v1/remote_runs/" + RUN_ID;

  @TempDir Path tmp;

  private FakePaastaApi local;
  private Path soa;
  private Path tokenFile;

  @BeforeEach
  void aCluster() throws IOException {
    local = new FakePaastaApi("local");
    soa = ApiTrees.soaConfigs(tmp.resolve("soa"), null);
    Files.writeString(
        soa.resolve("hello-web").resolve("adhoc-local.yaml"),
        "shell:\n  deploy_group: local.everything\n  cmd: echo hi\n"
            + "bare:\n  deploy_group: local.everything\n");
    tokenFile = Files.writeString(tmp.resolve("api_token"), "s3cret-token\n");
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private static String run(String state, String output, int next, String exit, String reason) {
    return "{\"run_id\":\""
        + RUN_ID
        + "\",\"service\":\"hello-web\",\"instance\":\"shell\",\"cluster\":\"local\","
        + "\"command\":\"sleep 600\",\"by\":\"me@laptop\",\"state\":\""
        + state
        + "\",\"started_at\":\"2026-12-06T10:44:05Z\",\"max_seconds\":5,"
        + "\"exit_code\":"
        + exit
        + ",\"stop_reason\":"
        + reason
        + ",\"output\":"
        + output
        + ",\"output_next\":"
        + next
        + "}";
  }

  @Test
  void startIsOnePostWithTheTokenTheCommandTheLimitAndWhoAsks() throws IOException {
    local.script(START, Answer.json(run("running", "[]", 0, "null", "null")));

    CliRun r =
        remoteRun(local.url(), "start", "-i", "shell", "-c", "local", "-C", "sleep 600", "-m", "5");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "Started remote-run "
                + RUN_ID
                + " of hello-web.shell in cluster local: sleep 600 (time limit 5 s)",
            "Stop it with: paasta remote-run stop -c local -r " + RUN_ID,
            "See the runs with: paasta remote-run list -c local");
    List<Received> received = local.received();
    assertThat(received).hasSize(1);
    assertThat(received.get(0).method()).isEqualTo("POST");
    assertThat(received.get(0).authorization()).isEqualTo("Bearer s3cret-token");
    JsonNode body = JSON.readTree(received.get(0).body());
    assertThat(body.get("cmd").asText()).isEqualTo("sleep 600");
    assertThat(body.get("max_seconds").asInt()).isEqualTo(5);
    assertThat(body.get("by").asText()).contains("@");
  }

  @Test
  void followPrintsTheOutputAsItComesAndExitsWithTheRunsExitCode() throws IOException {
    local.script(START, Answer.json(run("running", "[]", 0, "null", "null")));
    local.json(RUN + "?output_from=0", run("running", "[\"one\"]", 1, "null", "null"));
    local.json(RUN + "?output_from=1", run("exited", "[\"two\",\"three\"]", 3, "7", "null"));

    CliRun r = remoteRun(local.url(), "start", "-i", "shell", "-c", "local", "-f");

    assertThat(r.exit()).as(r.all()).isEqualTo(7);
    assertThat(r.outLines())
        .containsSubsequence("one", "two", "three", "Remote-run " + RUN_ID + " exited with code 7");
    assertThat(JSON.readTree(local.received().get(0).body()).has("cmd")).isFalse();
  }

  @Test
  void followSaysWhenTheRunWasStoppedForItsTimeLimit() throws IOException {
    local.script(START, Answer.json(run("running", "[]", 0, "null", "null")));
    local.json(
        RUN + "?output_from=0",
        run(
            "exited",
            "[\"sleeping\"]",
            1,
            "143",
            "\"stopped: past its time limit of 5 s (-m/--max-seconds)\""));

    CliRun r = remoteRun(local.url(), "start", "-i", "shell", "-c", "local", "-f", "-m", "5");

    assertThat(r.exit()).as(r.all()).isEqualTo(143);
    assertThat(r.outLines())
        .contains(
            "sleeping",
            "Remote-run " + RUN_ID + " stopped: past its time limit of 5 s (-m/--max-seconds)");
  }

  @Test
  void listAndStopAskTheCluster() throws IOException {
    local.json(
        "/v1/remote_runs",
        "{\"cluster\":\"local\",\"runs\":[" + run("running", "[]", 0, "null", "null") + "]}");
    local.script(RUN, Answer.json(run("exited", "[]", 0, "143", "\"stopped by me@laptop\"")));

    CliRun list = CliRun.run(withApi(local.url(), "remote-run", "list", "-c", "local"));
    CliRun stop =
        CliRun.run(
            withApi(
                local.url(),
                "remote-run",
                "stop",
                "-c",
                "local",
                "-r",
                RUN_ID,
                "--api-token-file",
                tokenFile.toString()));

    assertThat(list.exit()).as(list.all()).isZero();
    assertThat(list.outLines().get(0)).startsWith("Run id").contains("Instance").contains("State");
    assertThat(list.outLines().get(1))
        .startsWith(RUN_ID)
        .contains("hello-web.shell")
        .contains("running")
        .contains("sleep 600");
    assertThat(stop.exit()).as(stop.all()).isZero();
    assertThat(stop.outLines())
        .containsExactly(
            "Remote-run " + RUN_ID + " of hello-web.shell: stopped by me@laptop (exit code 143)");
    Received delete = local.received().get(1);
    assertThat(delete.method()).isEqualTo("DELETE");
    assertThat(delete.path()).startsWith(RUN + "?by=");
    assertThat(delete.authorization()).isEqualTo("Bearer s3cret-token");
  }

  @Test
  void badInputIsRefusedBeforeTheApiIsAsked() throws IOException {
    CliRun unknown = remoteRun(local.url(), "start", "-i", "nope", "-c", "local");
    CliRun notAdhoc = remoteRun(local.url(), "start", "-i", "main", "-c", "local");
    CliRun noCmd = remoteRun(local.url(), "start", "-i", "bare", "-c", "local");
    CliRun tooLong = remoteRun(local.url(), "start", "-i", "shell", "-c", "local", "-m", "90000");

    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err())
        .contains("no adhoc instance nope of hello-web in cluster local")
        .contains("hello-web/adhoc-local.yaml has: bare, shell");
    assertThat(notAdhoc.exit()).isEqualTo(1);
    assertThat(notAdhoc.err()).contains("no adhoc instance main");
    assertThat(noCmd.exit()).isEqualTo(1);
    assertThat(noCmd.err()).contains("hello-web.bare has no cmd in adhoc-local.yaml");
    assertThat(tooLong.exit()).isEqualTo(1);
    assertThat(tooLong.err()).contains("-m/--max-seconds must be from 1 to 86400");
    assertThat(local.requests()).isEmpty();
  }

  @Test
  void aClusterWhoseApiDoesNotAnswerIsNamed() throws IOException {
    int closed = FreePorts.pick();

    CliRun down = remoteRun("http://127.0.0.1:" + closed, "start", "-i", "shell", "-c", "local");
    CliRun refused;
    local.script(START, Answer.problem(409, "Conflict", "no deployed image for hello-web.shell"));
    refused = remoteRun(local.url(), "start", "-i", "shell", "-c", "local");

    assertThat(down.exit()).isEqualTo(1);
    assertThat(down.err()).contains("local").contains("127.0.0.1:" + closed);
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("no deployed image for hello-web.shell");
  }

  @Test
  void statusOfAnAdhocInstanceShowsItsRuns() throws IOException {
    local.json(
        "/v1/services/hello-web/shell/status",
        "{\"service\":\"hello-web\",\"instance\":\"shell\",\"cluster\":\"local\","
            + "\"git_sha\":null,\"adhoc\":{\"supported\":true,\"runs\":["
            + run("running", "[]", 0, "null", "null")
                .replace(
                    "\"max_seconds\"", "\"deadline\":" + "\"2026-12-06T10:44:10Z\",\"max_seconds\"")
            + "]}}");

    CliRun r =
        CliRun.run(
            withApi(
                local.url(),
                "status",
                "-s",
                "hello-web",
                "-y",
                soa.toString(),
                "-i",
                "shell",
                "-c",
                "local"));

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .contains(
            "    Adhoc: 1 remote-run(s) - start one with: paasta remote-run start -s hello-web -i"
                + " shell -c local",
            "      "
                + RUN_ID
                + ": running until 2026-12-06T10:44:10Z - started 2026-12-06T10:44:05Z by"
                + " me@laptop: sleep 600");
  }

  private String[] withApi(String url, String... more) throws IOException {
    Path etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of("local", url));
    List<String> args = new ArrayList<>(List.of(more));
    args.addAll(List.of("--system-config-dir", etc.toString()));
    return args.toArray(String[]::new);
  }

  private CliRun remoteRun(String url, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("remote-run"));
    args.addAll(List.of(more));
    args.addAll(
        List.of("-s", "hello-web", "-y", soa.toString(), "--api-token-file", tokenFile.toString()));
    return CliRun.run(withApi(url, args.toArray(String[]::new)));
  }
}
