package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.cli.testing.ApiTrees;
import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.cli.testing.FakePaastaApi.Answer;
import io.paasta.cli.testing.FakePaastaApi.Received;
import io.paasta.cli.testing.StatusAnswers;
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
 * {@code paasta emergency-start|stop|restart} against a fake of the cluster's API: one POST with
 * the token saying who asks, the daemon's answer printed; bad input refused before the API is
 * asked; an API that refuses or does not answer named. And {@code paasta status} saying that an
 * emergency stop is in force.
 */
class EmergencyCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STOP = "/v1/services/hello-web/main/emergency_stop";

  @TempDir Path tmp;

  private FakePaastaApi local;
  private Path soa;
  private Path tokenFile;

  @BeforeEach
  void aCluster() throws IOException {
    local = new FakePaastaApi("local");
    soa = ApiTrees.soaConfigs(tmp.resolve("soa"), null);
    tokenFile = Files.writeString(tmp.resolve("api_token"), "s3cret-token\n");
  }

  @AfterEach
  void stop() {
    local.close();
  }

  @Test
  void aStopIsOnePostWithTheTokenAndWhoAsks() throws IOException {
    local.json(
        STOP,
        "{\"service\":\"hello-web\",\"instance\":\"main\",\"cluster\":\"local\",\"action\":\"stop\","
            + "\"message\":\"emergency-stopped by me: its tasks are stopped now\","
            + "\"emergency_stop\":{\"stopped_by\":\"me\",\"stopped_at\":\"2026-12-06T10:00:00Z\"}}");

    CliRun r = emergency(local.url(), "emergency-stop", "-i", "main", "-c", "local");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "Performing an emergency stop on hello-web.main in cluster local...",
            "Done: emergency-stopped by me: its tasks are stopped now",
            "To start it again asap, run: paasta emergency-start -s hello-web -i main -c local");
    List<Received> received = local.received();
    assertThat(received).hasSize(1);
    assertThat(received.get(0).method()).isEqualTo("POST");
    assertThat(received.get(0).path()).isEqualTo(STOP);
    assertThat(received.get(0).authorization()).isEqualTo("Bearer s3cret-token");
    assertThat(JSON.readTree(received.get(0).body()).get("by").asText())
        .contains("@")
        .endsWith("(local user, not authenticated)");
  }

  @Test
  void startAndRestartPostTheirAction() throws IOException {
    local.json(
        "/v1/services/hello-web/nightly/emergency_start",
        "{\"message\":\"emergency-started by me: run 4 launched now\"}");
    local.json(
        "/v1/services/hello-web/canary/emergency_restart",
        "{\"message\":\"emergency-restarted by me: 1 running task(s) killed\"}");

    CliRun start = emergency(local.url(), "emergency-start", "-i", "nightly", "-c", "local");
    CliRun restart = emergency(local.url(), "emergency-restart", "-i", "canary", "-c", "local");

    assertThat(start.exit()).as(start.all()).isZero();
    assertThat(start.outLines())
        .contains(
            "Done: emergency-started by me: run 4 launched now",
            "Run this to see the status: paasta status -s hello-web -c local -i nightly");
    assertThat(restart.exit()).as(restart.all()).isZero();
    assertThat(restart.outLines())
        .contains("Done: emergency-restarted by me: 1 running task(s) killed");
  }

  @Test
  void anInstanceOrClusterSoaConfigsLacksIsRefusedBeforeTheApiIsAsked() throws IOException {
    CliRun instance = emergency(local.url(), "emergency-stop", "-i", "nope", "-c", "local");
    CliRun cluster = emergency(local.url(), "emergency-stop", "-i", "canary", "-c", "prod");

    assertThat(instance.exit()).isEqualTo(1);
    assertThat(instance.err()).contains("no instance nope of hello-web in cluster local");
    assertThat(cluster.exit()).isEqualTo(1);
    assertThat(cluster.err()).contains("no instance canary of hello-web in cluster prod");
    assertThat(local.requests()).isEmpty();
  }

  @Test
  void aRefusalOfTheDaemonOrAnApiThatDoesNotAnswerIsNamed() throws IOException {
    local.script(STOP, Answer.problem(401, "Unauthorized", "the bearer token is not the daemon's"));
    int closed = FreePorts.pick();

    CliRun refused = emergency(local.url(), "emergency-stop", "-i", "main", "-c", "local");
    CliRun down =
        emergency("http://127.0.0.1:" + closed, "emergency-stop", "-i", "main", "-c", "local");

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("the bearer token is not the daemon's");
    assertThat(down.exit()).isEqualTo(1);
    assertThat(down.err()).contains("local").contains("127.0.0.1:" + closed);
  }

  @Test
  void statusSaysAnEmergencyStopIsInForce() throws IOException {
    String stopped =
        StatusAnswers.stopped("main", StatusAnswers.SHA)
            .replaceFirst(
                "\\{",
                "{\"emergency_stop\":{\"stopped_by\":\"alice@laptop\","
                    + "\"stopped_at\":\"2026-12-06T10:00:00Z\",\"lifted_by\":\"paasta"
                    + " emergency-start -s hello-web -i main -c local\"},");
    local.json("/v1/services/hello-web/main/status", stopped);

    CliRun r = status(local.url(), "-i", "main", "-c", "local");
    CliRun json = status(local.url(), "-i", "main", "-c", "local", "--json");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .contains(
            "    Emergency stop in force since 2026-12-06T10:00:00Z by alice@laptop - lifted by"
                + " paasta emergency-start -s hello-web -i main -c local");
    assertThat(
            JSON.readTree(json.out())
                .at("/clusters/0/instances/0/status/emergency_stop/stopped_by")
                .asText())
        .isEqualTo("alice@laptop");
  }

  private CliRun emergency(String url, String... more) throws IOException {
    Path etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of("local", url));
    List<String> args = new ArrayList<>(List.of(more));
    args.addAll(
        List.of(
            "-s",
            "hello-web",
            "-y",
            soa.toString(),
            "--system-config-dir",
            etc.toString(),
            "--api-token-file",
            tokenFile.toString()));
    return CliRun.run(args.toArray(String[]::new));
  }

  private CliRun status(String url, String... more) throws IOException {
    Path etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of("local", url));
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
}
