package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.cli.commands.StatusCommand;
import io.paasta.cli.testing.ApiTrees;
import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.cli.testing.JobAnswers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code paasta status} of scheduled jobs against a fake of the cluster's API, at a fixed clock:
 * the block of SPEC section 6, -v the recent runs, -vv their output, --json the chronos object.
 */
class JobStatusCommandTest {
  private static final String NIGHTLY = "/v1/services/batch-reports/nightly/status";
  private static final String SUMMARIZE = "/v1/services/batch-reports/summarize/status";

  @TempDir Path tmp;

  private FakePaastaApi local;
  private Path soa;

  @BeforeEach
  void aClusterOfJobs() throws IOException {
    local = new FakePaastaApi("local");
    soa = ApiTrees.jobs(tmp.resolve("soa"));
    String runs =
        "["
            + JobAnswers.rerunning("43")
            + ","
            + JobAnswers.succeeded("42", "[\"building report for 2026-01-01\",\"done\"]")
            + ","
            + JobAnswers.failed("41", "[\"\\u001b[31mno data\\u001b[0m\"]")
            + "]";
    local.json(
        NIGHTLY, JobAnswers.status("batch-reports", "nightly", JobAnswers.nightly(null, "[]")));
    local.json(
        NIGHTLY + "?runs=10&output_lines=0",
        JobAnswers.status(
            "batch-reports", "nightly", JobAnswers.nightly(JobAnswers.rerunning("43"), runs)));
    local.json(
        NIGHTLY + "?runs=10&output_lines=10",
        JobAnswers.status(
            "batch-reports", "nightly", JobAnswers.nightly(JobAnswers.rerunning("43"), runs)));
    local.json(
        SUMMARIZE, JobAnswers.status("batch-reports", "summarize", JobAnswers.summarizeDisabled()));
  }

  @AfterEach
  void stop() {
    local.close();
  }

  @Test
  void theBlockOfEachJob() throws IOException {
    CliRun r = status(Ansi.OFF, "-i", "nightly,summarize");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "service: batch-reports",
            "cluster: local",
            "  instance: nightly",
            "    Desired:    Scheduled",
            "    Job:     batch-reports.nightly",
            "      Status:   Scheduled (idle)  Last: OK (2026-01-01T00:00, 3 hours ago)",
            "      Schedule: R/2026-01-01T00:00:00Z/PT24H (UTC) Epsilon: PT30M",
            "      Next:     2026-01-02T00:00Z (in 21 hours)",
            "      Command:  echo building report for 2026-01-01",
            "      Running:  no",
            "  instance: summarize",
            "    Desired:    Disabled",
            "    Job:     batch-reports.summarize",
            "      Status:   Not scheduled (idle)  Last: New (never)",
            "      Parents:  batch-reports.nightly",
            "      Next:     none (disabled)",
            "      Command:  echo summarizing 2026-01-01",
            "      Running:  no",
            "      Not deployed: deploy group local.everything has no image yet (paasta"
                + " mark-for-deployment -l local.everything)",
            "      Problem:  no image deployed for deploy group local.everything");
    assertThat(local.requests()).containsExactlyInAnyOrder("/v1/version", NIGHTLY, SUMMARIZE);
  }

  @Test
  void verboseShowsTheRecentRunsAndTheRunningOne() throws IOException {
    CliRun r = status(Ansi.OFF, "-i", "nightly", "-v");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsSequence(
            "      Status:   Scheduled (running)  Last: OK (2026-01-01T00:00, 3 hours ago)",
            "      Schedule: R/2026-01-01T00:00:00Z/PT24H (UTC) Epsilon: PT30M",
            "      Next:     2026-01-02T00:00Z (in 21 hours)",
            "      Command:  echo building report for 2026-01-01",
            "      Running:  yes (started 12s ago, attempt 2 of 3) (Launched by paasta rerun)",
            "      Git sha:  1a2b3c4d5e6f70819293a4b5c6d7e8f901234567",
            "      Runs:",
            "        EXECUTION DATE        TRIGGER   STATE      START                 DURATION"
                + "  EXIT  ATTEMPTS",
            "        2025-12-31T00:00:00Z  rerun     running    2026-01-01T02:59:48Z  12s"
                + "       -     2/3       (Launched by paasta rerun)",
            "        2026-01-01T00:00:00Z  schedule  succeeded  2026-01-01T00:00:01Z  2s"
                + "        0     1/3",
            "        2025-12-30T00:00:00Z  schedule  failed     2025-12-30T00:00:02Z  4m05s"
                + "     1     3/3       exit 1 after 3 attempts");
    assertThat(r.out()).doesNotContain("Output of");
  }

  @Test
  void veryVerboseShowsEachRunsLastOutputLines() throws IOException {
    CliRun r = status(Ansi.OFF, "-i", "nightly", "-vv");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsSequence(
            "      Output of run 42 (2026-01-01T00:00:00Z) (last 2 lines):",
            "        building report for 2026-01-01",
            "        done",
            "      Output of run 41 (2025-12-30T00:00:00Z) (last 1 line):",
            "        [31mno data[0m");
    assertThat(local.requests()).contains(NIGHTLY + "?runs=10&output_lines=10");
  }

  @Test
  void coloursOnATerminalPlainWhenPiped() throws IOException {
    CliRun terminal = status(Ansi.ON, "-i", "nightly,summarize", "-v");
    CliRun piped = status(Ansi.OFF, "-i", "nightly,summarize", "-v");

    assertThat(terminal.out())
        .contains("\u001b[32mScheduled\u001b[39m\u001b[0m")
        .contains("\u001b[31mNot scheduled\u001b[39m\u001b[0m")
        .contains("\u001b[36mrunning\u001b[39m\u001b[0m");
    assertThat(piped.out()).doesNotContain("\u001b[");
    assertThat(terminal.out().replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(piped.out());
  }

  @Test
  void jsonCarriesTheChronosObjectAsSent() throws Exception {
    CliRun r = status(Ansi.OFF, "-i", "nightly", "--json", "-v");

    assertThat(r.exit()).as(r.all()).isZero();
    JsonNode instance = new ObjectMapper().readTree(r.out()).at("/clusters/0/instances/0");
    assertThat(instance.get("instance").asText()).isEqualTo("nightly");
    assertThat(instance.at("/status/chronos/job_id").asText()).isEqualTo("batch-reports.nightly");
    assertThat(instance.at("/status/chronos/runs/1/run_id").asText()).isEqualTo("42");
    assertThat(instance.at("/status/chronos/runs/0/later_field").asInt()).isEqualTo(1);
    assertThat(instance.has("tasks")).isFalse();
  }

  @Test
  void aJobTheApiSendsNoChronosStatusForSaysSo() throws IOException {
    local.json(
        "/v1/services/batch-reports/heartbeat/status",
        "{\"service\":\"batch-reports\",\"instance\":\"heartbeat\",\"git_sha\":null}");

    CliRun r = status(Ansi.OFF, "-i", "heartbeat");

    assertThat(r.outLines())
        .containsExactly(
            "service: batch-reports",
            "cluster: local",
            "  instance: heartbeat",
            "    Unknown - the API sent no chronos status for this job (does the cluster's paasta"
                + " server run scheduled jobs?)");
  }

  @Test
  void everyInstanceByDefaultJobsBesideLongRunningOnes() throws IOException {
    CliRun r = status(Ansi.OFF);

    assertThat(r.outLines())
        .contains(
            "  instance: web",
            "  instance: nightly",
            "  instance: summarize",
            "  instance: heartbeat",
            "  instance: old");
  }

  private CliRun status(Ansi ansi, String... more) throws IOException {
    Path etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of("local", local.url()));
    List<String> args =
        new ArrayList<>(
            List.of(
                "-s",
                "batch-reports",
                "-y",
                soa.toString(),
                "--system-config-dir",
                etc.toString()));
    args.addAll(List.of(more));
    CommandLine cmd =
        new CommandLine(new StatusCommand(Clock.fixed(JobAnswers.NOW, ZoneOffset.UTC)));
    cmd.setExecutionExceptionHandler(new ErrorHandler());
    return CliRun.runOn(cmd, ansi, args.toArray(String[]::new));
  }
}
