package io.paasta.cli.commands;

import static io.paasta.cli.commands.PipelineCli.EXAMPLES;
import static io.paasta.cli.commands.PipelineCli.SHA;
import static io.paasta.cli.commands.PipelineCli.run;
import static io.paasta.cli.commands.PipelineCli.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paasta pipeline run}: the plan of the examples (dry run), a real run of a pipeline of
 * {@code command-*} steps in a real repository folder, and bad input.
 */
class PipelineRunCommandTest {
  private static final String SOA = EXAMPLES.toString();

  @TempDir Path tmp;

  private Path soa;
  private Path repo;

  @BeforeEach
  void aServiceOfCommandSteps() throws IOException {
    soa = tmp.resolve("soa");
    repo = tmp.resolve("repo");
    write(soa.resolve("builder/service.yaml"), "description: commands only\n");
    write(
        soa.resolve("builder/deploy.yaml"),
        """
        pipeline:
          - step: command-prepare
            command: echo "prepared $PAASTA_SERVICE $PAASTA_GIT_SHA" > prepared.txt
          - step: command-build
            trigger_next_step_manually: true
          - step: security-check
          - step: command-skip-me
            command: "false"
            disabled: true
          - step: command-ship
            command: cat prepared.txt built.txt
        """);
    write(repo.resolve("Makefile"), "build:\n\t@echo building\n\t@touch built.txt\n");
  }

  @Test
  void dryRunPrintsThePlanOfTheExample() {
    CliRun r = run("pipeline", "run", "-s", "hello-web", "-c", SHA, "-y", SOA, "--dry-run");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "Pipeline of hello-web at " + SHA + " (dry run: nothing runs)",
            "[1/4] itest  paasta itest: make itest in the service repository",
            "[2/4] push-to-registry  paasta push-to-registry: push the image to the registry",
            "[3/4] local.everything  paasta mark-for-deployment: deploy group local.everything",
            "[4/4] prod.canary  paasta mark-for-deployment: deploy group prod.canary",
            "then stop: prod.canary triggers the next step manually (prod.everything)",
            "to continue: paasta pipeline run -s hello-web -c "
                + SHA
                + " --from prod.everything -y "
                + SOA);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void dryRunFromTheStepAfterThePause() {
    CliRun r =
        run(
            "pipeline",
            "run",
            "-s",
            "hello-web",
            "-c",
            SHA,
            "-y",
            SOA,
            "--from",
            "prod.everything",
            "--dry-run");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            "Pipeline of hello-web at " + SHA + " (dry run: nothing runs)",
            "[1/1] prod.everything  paasta mark-for-deployment: deploy group prod.everything");
  }

  @Test
  void runsCommandStepsInTheRepositoryAndStopsAtTheManualStep() throws IOException {
    CliRun r = runBuilder();

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .hasSize(8)
        .satisfies(
            lines -> {
              assertThat(lines.get(0)).isEqualTo("Pipeline of builder at " + SHA);
              assertThat(lines.get(1)).isEqualTo("[1/2] command-prepare ...");
              assertThat(lines.get(2))
                  .matches("\\[1/2] command-prepare \\.\\.\\. ok \\(\\d+\\.\\d s\\)");
              assertThat(lines.get(3)).isEqualTo("[2/2] command-build ...");
              assertThat(lines.get(4)).isEqualTo("building");
              assertThat(lines.get(5))
                  .matches("\\[2/2] command-build \\.\\.\\. ok \\(\\d+\\.\\d s\\)");
              assertThat(lines.get(6))
                  .isEqualTo(
                      "stopped after command-build: it triggers the next step (security-check)"
                          + " manually");
              assertThat(lines.get(7))
                  .isEqualTo(
                      "to continue: paasta pipeline run -s builder -c "
                          + SHA
                          + " --from security-check -y "
                          + soa
                          + " --repo-dir "
                          + repo);
            });
    assertThat(Files.readString(repo.resolve("prepared.txt")))
        .isEqualTo("prepared builder " + SHA + "\n");
    assertThat(repo.resolve("built.txt")).exists();
  }

  @Test
  void goingOnFromThePauseRunsTheRestSkippingWhatIsDisabledOrMissing() throws IOException {
    assertThat(runBuilder().exit()).isZero();

    CliRun r = runBuilder("--from", "security-check");

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .contains(
            "[-] command-skip-me ... skipped: disabled",
            "prepared builder " + SHA,
            "\u2713 pipeline done: 1 step ok, 1 skipped")
        .anyMatch(
            line ->
                line.startsWith(
                    "[1/2] security-check ... skipped: no security-check target in "
                        + repo.resolve("Makefile")));
  }

  @Test
  void aFailingStepStopsThePipelineWithExitOneAndSaysHowToGoOn() throws IOException {
    Files.writeString(repo.resolve("Makefile"), "build:\n\t@echo cannot build >&2; exit 7\n");

    CliRun r = runBuilder();

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("cannot build").contains("[2/2] command-build ... FAILED");
    assertThat(r.err().strip())
        .isEqualTo(
            "error: step command-build failed (exit status 2: make build in "
                + repo
                + ") - once it is fixed, go on with: paasta pipeline run -s builder -c "
                + SHA
                + " --from command-build -y "
                + soa
                + " --repo-dir "
                + repo);
  }

  @Test
  void deployGroupsNeedTheGitUrlAndNothingRunsWithoutIt() throws IOException {
    Files.writeString(
        soa.resolve("builder/deploy.yaml"),
        "pipeline:\n  - step: command-prepare\n    command: touch ran.txt\n  - step: local.main\n");

    CliRun r = runBuilder();

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: builder/service.yaml has no git_url - mark-for-deployment needs the"
                + " service's repository: set git_url");
    assertThat(repo.resolve("ran.txt")).doesNotExist();
  }

  @Test
  void aMissingRepositoryIsRefusedBeforeAnythingRuns() {
    CliRun r =
        run(
            "pipeline",
            "run",
            "-s",
            "builder",
            "-c",
            SHA,
            "-y",
            soa.toString(),
            "--repo-dir",
            tmp.resolve("nope").toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: the service repository "
                + tmp.resolve("nope")
                + " is not a directory - pass --repo-dir DIR");
  }

  @Test
  void anUnknownFromStepNamesTheKnownSteps() {
    CliRun r =
        run(
            "pipeline",
            "run",
            "-s",
            "hello-web",
            "-c",
            SHA,
            "-y",
            SOA,
            "--from",
            "prod",
            "--dry-run");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: unknown step 'prod' for --from - expected one of: itest, push-to-registry,"
                + " local.everything, prod.canary, prod.everything");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aServiceWithoutDeployYamlIsRefused() throws IOException {
    Files.delete(soa.resolve("builder/deploy.yaml"));

    CliRun r = runBuilder("--dry-run");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: builder has no deploy.yaml - its pipeline is the `pipeline:` list of"
                + " builder/deploy.yaml in the soa-configs directory");
  }

  @Test
  void aBrokenDeployYamlIsRefusedWithItsProblem() throws IOException {
    Files.writeString(
        soa.resolve("builder/deploy.yaml"), "pipeline:\n  - trigger_next_step_manually: true\n");

    CliRun r = runBuilder("--dry-run");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "error: deploy.yaml of builder has problems - fix them first (paasta validate -s builder): builder/deploy.yaml:2")
        .contains("is missing");
  }

  @Test
  void anUnknownServiceIsRefused() {
    CliRun r = run("pipeline", "run", "-s", "nope", "-c", SHA, "-y", SOA, "--dry-run");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: ").contains("nope").doesNotContain("Exception");
  }

  @Test
  void aShortShaIsRefused() {
    CliRun r = run("pipeline", "run", "-s", "hello-web", "-c", "0123abc", "-y", SOA, "--dry-run");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "error: '0123abc' is not a full git sha - expected 40 hex characters (git rev-parse"
                + " HEAD)");
  }

  @Test
  void theCommitIsRequired() {
    CliRun r = run("pipeline", "run", "-s", "hello-web", "-y", SOA);

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required option: '--commit=SHA'");
  }

  @Test
  void pipelineAloneShowsItsUsage() {
    CliRun r = run("pipeline");

    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: paasta pipeline").contains("run");
  }

  @Test
  void aDeployThatCouldNotBeWaitedForIsRefusedBeforeAnythingRuns() throws IOException {
    write(soa.resolve("deployer/service.yaml"), "git_url: " + tmp.resolve("nowhere.git") + "\n");
    write(
        soa.resolve("deployer/deploy.yaml"),
        "pipeline:\n- step: command-prepare\n  command: touch prepared.txt\n"
            + "- step: local.everything\n");
    write(soa.resolve("deployer/marathon-local.yaml"), "main:\n  deploy_group: local.everything\n");
    Path etc = tmp.resolve("etc");
    write(
        etc.resolve("00.json"),
        "{\"cluster\": \"local\", \"docker_registry\": \"127.0.0.1:5000\","
            + " \"api_endpoints\": {\"prod\": \"http://127.0.0.1:1\"}}");
    String[] run = {
      "pipeline",
      "run",
      "-s",
      "deployer",
      "-c",
      SHA,
      "-y",
      soa.toString(),
      "--repo-dir",
      repo.toString(),
      "--system-config-dir"
    };

    CliRun missing = run(append(run, tmp.resolve("no-such-dir").toString()));
    CliRun noApi = run(append(run, etc.toString()));

    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err())
        .startsWith("error: the system config in " + tmp.resolve("no-such-dir") + " is not usable")
        .contains(
            " - pipeline run waits for each deploy through the clusters' APIs; pass"
                + " --no-wait-for-deployment not to wait");
    assertThat(noApi.exit()).isEqualTo(1);
    assertThat(noApi.err())
        .startsWith(
            "error: deploy group local.everything has instances only in clusters that have no"
                + " entry in api_endpoints of "
                + etc
                + ": local - pipeline run waits");
    assertThat(missing.out() + noApi.out()).doesNotContain("command-prepare");
    assertThat(repo.resolve("prepared.txt")).doesNotExist();
  }

  private static String[] append(String[] words, String word) {
    String[] more = java.util.Arrays.copyOf(words, words.length + 1);
    more[words.length] = word;
    return more;
  }

  private CliRun runBuilder(String... more) {
    String[] args = {
      "pipeline",
      "run",
      "-s",
      "builder",
      "-c",
      SHA,
      "-y",
      soa.toString(),
      "--repo-dir",
      repo.toString()
    };
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return run(all);
  }
}
