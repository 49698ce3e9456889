package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.cli.testing.ApiTrees;
import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.cli.testing.FakePaastaApi.Answer;
import io.paasta.cli.testing.FakePaastaApi.Received;
import io.paasta.cli.testing.JobAnswers;
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
 * {@code paasta rerun} against a fake of the cluster's API: what soa-configs refuses is refused
 * before the API is asked; what goes through is one POST with the token and the SPEC's body.
 */
class RerunCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUNS = "/v1/services/batch-reports/%s/runs";

  @TempDir Path tmp;

  private FakePaastaApi local;
  private Path soa;
  private Path tokenFile;

  @BeforeEach
  void aClusterOfJobs() throws IOException {
    local = new FakePaastaApi("local");
    soa = ApiTrees.jobs(tmp.resolve("soa"));
    tokenFile = Files.writeString(tmp.resolve("api_token"), "\n  s3cret-token  \nignored\n");
  }

  @AfterEach
  void stop() {
    local.close();
  }

  @Test
  void aCmdWithTimeVariablesNeedsAnExecutionDate() throws IOException {
    CliRun r = rerun("-i", "nightly", "-t", "instance");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: \"nightly\" uses time variables interpolation, please supply a"
                + " --execution_date argument\n");
    assertThat(local.requests()).isEmpty();
  }

  @Test
  void aJobWithParentsOrChildrenNeedsARerunTypeAndTheyAreListed() throws IOException {
    CliRun summarize = rerun("-i", "summarize", "-d", "2026-01-01T00:00:00");
    CliRun nightly = rerun("-i", "nightly", "--execution_date", "2026-01-01T00:00:00");

    assertThat(summarize.exit()).isEqualTo(1);
    assertThat(summarize.err().lines())
        .containsExactly(
            "error: batch-reports.summarize has dependencies:",
            "  parents: batch-reports.nightly",
            "  children: reports-mail.archive, reports-mail.send",
            "Please specify the rerun policy via --rerun-type argument");
    assertThat(nightly.err().lines())
        .containsExactly(
            "error: batch-reports.nightly has dependencies:",
            "  children: batch-reports.summarize",
            "Please specify the rerun policy via --rerun-type argument");
    assertThat(local.requests()).isEmpty();
  }

  @Test
  void aDisabledJobNeedsForceDisabled() throws Exception {
    local.script(RUNS.formatted("old"), created(JobAnswers.rerunning("41")));

    CliRun refused = rerun("-i", "old");
    CliRun forced = rerun("-i", "old", "-f");

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .isEqualTo(
            "error: batch-reports.old is disabled in cluster local (disabled: true in"
                + " chronos-local.yaml) - add -f/--force-disabled to run it anyway\n");
    assertThat(forced.exit()).as(forced.all()).isZero();
    JsonNode body = JSON.readTree(onlyPost().body());
    assertThat(body.get("force_disabled").asBoolean()).isTrue();
    assertThat(body.get("execution_date").isNull()).isTrue();
  }

  @Test
  void aRerunIsOnePostWithTheTokenAndTheBodyAndPrintsWhatWasLaunched() throws Exception {
    local.script(
        RUNS.formatted("nightly"),
        created(JobAnswers.rerunning("42") + "," + JobAnswers.rerunning("43")));

    CliRun r = rerun("-i", "nightly", "-c", "local", "-d", "2025-12-31T00:00:00", "-t", "graph");

    assertThat(r.exit()).as(r.all()).isZero();
    Received post = onlyPost();
    assertThat(post.path()).isEqualTo("/v1/services/batch-reports/nightly/runs");
    assertThat(post.authorization()).isEqualTo("Bearer s3cret-token");
    JsonNode body = JSON.readTree(post.body());
    assertThat(body.get("execution_date").asText()).isEqualTo("2025-12-31T00:00:00");
    assertThat(body.get("rerun_type").asText()).isEqualTo("graph");
    assertThat(body.get("force_disabled").asBoolean()).isFalse();
    assertThat(r.outLines())
        .containsExactly(
            "cluster local: launched batch-reports.nightly for execution date"
                + " 2025-12-31T00:00:00 (rerun type graph)",
            "cluster local:   run 42 (execution date 2025-12-31T00:00:00Z): running (attempt 2"
                + " of 3) (Launched by paasta rerun)",
            "cluster local:   run 43 (execution date 2025-12-31T00:00:00Z): running (attempt 2"
                + " of 3) (Launched by paasta rerun)");
  }

  @Test
  void aJobWithoutTimeVariablesOrDependenciesRunsNowWithoutADate() throws Exception {
    local.script(RUNS.formatted("heartbeat"), created(JobAnswers.rerunning("7")));

    CliRun r = rerun("-i", "heartbeat");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).startsWith("cluster local: launched batch-reports.heartbeat now\n");
    JsonNode body = JSON.readTree(onlyPost().body());
    assertThat(body.get("execution_date").isNull()).isTrue();
    assertThat(body.get("rerun_type").isNull()).isTrue();
  }

  @Test
  void aRefusalOfTheClusterIsItsProblemDetail() throws IOException {
    local.script(
        RUNS.formatted("heartbeat"),
        Answer.problem(400, "Bad Request", "batch-reports.heartbeat is stopped (paasta stop)"));

    CliRun r = rerun("-i", "heartbeat");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "error: the PaaSTA API of cluster local at "
                + local.url()
                + " answered 400 to POST /v1/services/batch-reports/heartbeat/runs:"
                + " batch-reports.heartbeat is stopped (paasta stop)\n");
  }

  @Test
  void aWrongTokenIsNamedAsSuch() throws IOException {
    local.script(RUNS.formatted("heartbeat"), Answer.problem(401, "Unauthorized", "bad token"));

    CliRun r = rerun("-i", "heartbeat");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("refused POST /v1/services/batch-reports/heartbeat/runs (401: bad token)")
        .contains(
            "is the API token (--api-token-file) the one its paasta server was started with?");
  }

  @Test
  void waitShowsEachRunOfTheGraphButItsDisabledJobsUntilAllSucceeded() throws IOException {
    String old = JobAnswers.succeeded("1", null);
    local.script(RUNS.formatted("nightly"), created(JobAnswers.rerunning("10")));
    local.json(
        RUNS.formatted("nightly") + "?limit=20",
        runs(old),
        runs(JobAnswers.rerunning("10"), old),
        runs(
            JobAnswers.run(
                "10",
                "2025-12-31T00:00:00Z",
                "rerun",
                "succeeded",
                "2026-01-01T02:59:48Z",
                "2026-01-01T02:59:50Z",
                0,
                1,
                null,
                null),
            old));
    local.json(
        RUNS.formatted("summarize") + "?limit=20",
        runs(),
        runs(),
        runs(),
        runs(
            JobAnswers.run(
                "11",
                "2025-12-31T00:00:00Z",
                "parents",
                "succeeded",
                "2026-01-01T02:59:51Z",
                "2026-01-01T02:59:52Z",
                0,
                1,
                null,
                null)));
    local.json(
        "/v1/services/reports-mail/send/runs?limit=20",
        runs(),
        runs(
            JobAnswers.run(
                "12",
                "2025-12-31T00:00:00Z",
                "parents",
                "succeeded",
                "2026-01-01T02:59:53Z",
                "2026-01-01T02:59:54Z",
                0,
                1,
                null,
                null)));

    CliRun r =
        rerun(
            "-i",
            "nightly",
            "-d",
            "2025-12-31T00:00:00",
            "-t",
            "graph",
            "--wait",
            "--poll-interval",
            "0.01",
            "--timeout",
            "30");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(local.requests())
        .as("the disabled child is not waited for")
        .noneMatch(path -> path.contains("archive"));
    assertThat(r.outLines())
        .contains(
            "cluster local: batch-reports.nightly run 10: running (attempt 2 of 3)",
            "cluster local: batch-reports.nightly run 10: succeeded (exit 0)",
            "cluster local: batch-reports.summarize run 11: succeeded (exit 0)",
            "cluster local: reports-mail.send run 12: succeeded (exit 0)")
        .endsWith(
            "cluster local: every run succeeded: batch-reports.nightly, batch-reports.summarize,"
                + " reports-mail.send");
  }

  @Test
  void waitEndsWithExitOneWhenARunFails() throws IOException {
    local.script(RUNS.formatted("heartbeat"), created(JobAnswers.rerunning("5")));
    local.json(
        RUNS.formatted("heartbeat") + "?limit=20",
        runs(),
        runs(
            JobAnswers.run(
                "5",
                "2026-01-01T03:00:00Z",
                "run_now",
                "failed",
                "2026-01-01T03:00:00Z",
                "2026-01-01T03:00:09Z",
                2,
                3,
                "exit 2 after 3 attempts",
                null)));

    CliRun r = rerun("-i", "heartbeat", "--wait", "--poll-interval", "0.01");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outLines())
        .endsWith(
            "cluster local: batch-reports.heartbeat run 5: failed (exit 2, 3 attempts): exit 2"
                + " after 3 attempts");
  }

  @Test
  void refusesWhatIsNotAJobOfTheClusterBeforeAskingAnything() throws IOException {
    CliRun service = rerun("-i", "web");
    CliRun cluster = rerun("-i", "heartbeat", "-c", "prod");
    CliRun missing = rerun("-i", "nope");
    CliRun date = rerun("-i", "nightly", "-d", "2026-02-30T00:00:00", "-t", "instance");
    CliRun type = rerun("-i", "nightly", "-d", "2026-01-01T00:00:00", "-t", "everything");
    CliRun token =
        rerun(List.of("-i", "heartbeat", "--api-token-file", tmp.resolve("none").toString()));

    assertThat(service.err())
        .isEqualTo(
            "error: batch-reports.web in cluster local is a marathon instance, not a scheduled"
                + " job (jobs are in chronos-<cluster>.yaml)\n");
    assertThat(cluster.err())
        .isEqualTo(
            "error: no job heartbeat of batch-reports in cluster prod - it has no jobs there\n");
    assertThat(missing.err())
        .isEqualTo(
            "error: no job nope of batch-reports - its jobs: local/heartbeat, local/nightly,"
                + " local/old, local/summarize\n");
    assertThat(date.err())
        .isEqualTo(
            "error: --execution_date '2026-02-30T00:00:00' is not a date and time - expected"
                + " YYYY-MM-DDTHH:MM:SS, e.g. 2026-01-01T00:00:00\n");
    assertThat(type.exit()).isEqualTo(2);
    assertThat(type.err()).contains("everything").contains("INSTANCE, GRAPH");
    assertThat(token.err())
        .startsWith("error: cannot read the API token file " + tmp.resolve("none"));
    assertThat(List.of(service, cluster, missing, date, token)).allMatch(r -> r.exit() == 1);
    assertThat(local.requests()).isEmpty();
  }

  private Received onlyPost() {
    List<Received> posts =
        local.received().stream().filter(r -> r.method().equals("POST")).toList();
    assertThat(posts).hasSize(1);
    return posts.get(0);
  }

  private static Answer created(String runs) {
    return new Answer(
        201, "application/json", "{\"runs\":[" + runs + "]}", java.time.Duration.ZERO);
  }

  private static String runs(String... runs) {
    return "{\"runs\":[" + String.join(",", runs) + "]}";
  }

  private CliRun rerun(String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of(more));
    if (!args.contains("--api-token-file")) {
      args.addAll(List.of("--api-token-file", tokenFile.toString()));
    }
    return rerun(args);
  }

  private CliRun rerun(List<String> more) throws IOException {
    Path etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of("local", local.url()));
    List<String> args =
        new ArrayList<>(
            List.of(
                "rerun",
                "-s",
                "batch-reports",
                "-y",
                soa.toString(),
                "--system-config-dir",
                etc.toString()));
    args.addAll(more);
    return CliRun.run(args.toArray(String[]::new));
  }
}
