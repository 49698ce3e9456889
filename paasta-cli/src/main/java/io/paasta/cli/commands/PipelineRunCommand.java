package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.soa.SoaDir;
import io.paasta.deploy.DeployException;
import io.paasta.deploy.pipeline.DeployStepWaiter;
import io.paasta.deploy.pipeline.PipelinePlan;
import io.paasta.deploy.pipeline.PipelinePlanner;
import io.paasta.deploy.pipeline.PipelineResult;
import io.paasta.deploy.pipeline.PipelineRunner;
import io.paasta.deploy.pipeline.ProgressPrinter;
import io.paasta.deploy.pipeline.RepoStepExecutor;
import io.paasta.deploy.pipeline.ShellWords;
import io.paasta.deploy.pipeline.StepKind;
import io.paasta.deploy.pipeline.StepResult;
import io.paasta.model.PipelineStep;
import io.paasta.model.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta pipeline run}: the steps of deploy.yaml, in order, on this machine. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the steps of the service's deploy.yaml for one commit, in order: itest,"
          + " push-to-registry, security-check and performance-check (make targets, skipped when"
          + " the Makefile lacks them), command-* steps, then mark-for-deployment for each deploy"
          + " group, each followed by a wait until the group's instances run the commit (as"
          + " paasta wait-for-deployment; --no-wait-for-deployment skips it). Steps of a parallel"
          + " group run together. The run stops after a step with trigger_next_step_manually and"
          + " prints how to go on (--from).",
      "A failing step, or a deploy that does not finish within --timeout, stops the pipeline"
          + " (exit 1)."
    })
public final class PipelineRunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin ServiceOption service;

  @Option(
      names = {"-c", "--commit"},
      required = true,
      paramLabel = "SHA",
      description = "The full git sha to build and deploy.")
  String commit;

  @Option(
      names = "--from",
      paramLabel = "STEP",
      description = "Start at this step of deploy.yaml (default: the first step).")
  String from;

  @Option(
      names = "--repo-dir",
      paramLabel = "DIR",
      description =
          "The service's checkout, where build steps run (default: the current directory).")
  Path repoDir;

  @Option(names = "--dry-run", description = "Print the steps this run would run; run nothing.")
  boolean dryRun;

  @Option(
      names = "--no-wait-for-deployment",
      description = "End each deploy step once it is marked, without waiting for the deploy.")
  boolean noWait;

  @Mixin WaitOptions wait;

  @Mixin ApiOptions api;

  @Override
  public Integer call() {
    SoaConfigsLoader loader = soaDir.open();
    String name = SoaDirOption.serviceOrGuess(service.given(), loader);
    String sha = PipelineInputs.requireSha(commit);
    LoadedService loaded = loader.load(name);
    PipelinePlan plan =
        PipelinePlanner.plan(PipelineInputs.deployConfig(loaded), Optional.ofNullable(from));
    Path repo = (repoDir != null ? repoDir : Path.of("")).toAbsolutePath().normalize();
    Output out = new Output(spec.commandLine());
    if (dryRun) {
      printPlan(plan, name, sha, out);
      return 0;
    }
    Optional<String> gitUrl = loaded.service().config().gitUrl();
    refuseWhatCannotRun(plan, name, repo, gitUrl);
    out.styled("@|bold Pipeline of " + Output.escape(name) + " at " + sha + "|@");
    report(run(plan, loaded.service(), sha, repo, gitUrl, out), name, sha, out);
    return 0;
  }

  private void printPlan(PipelinePlan plan, String name, String sha, Output out) {
    out.styled(
        "@|bold Pipeline of " + Output.escape(name) + " at " + sha + "|@ (dry run: nothing runs)");
    plan.describe().forEach(out::line);
    plan.continueFrom()
        .ifPresent(next -> out.line("to continue: " + continueCommand(name, sha, next)));
  }

  /** The end of a run: a failure as the command's error (exit 1), else a line, and what's next. */
  private void report(PipelineResult result, String name, String sha, Output out) {
    if (result.outcome() == PipelineResult.Outcome.FAILED) {
      throw new DeployException(
          result.summary()
              + " - once it is fixed, go on with: "
              + continueCommand(name, sha, result.resumeFrom().orElseThrow()));
    }
    if (result.outcome() == PipelineResult.Outcome.PAUSED) {
      out.styled("@|yellow " + Output.escape(result.summary()) + "|@");
      out.line("to continue: " + continueCommand(name, sha, result.resumeFrom().orElseThrow()));
    } else {
      out.styled("@|green \u2713|@ " + Output.escape(result.summary()));
    }
  }

  private PipelineResult run(
      PipelinePlan plan,
      Service service,
      String sha,
      Path repo,
      Optional<String> gitUrl,
      Output out) {
    String name = service.name();
    RepoStepExecutor repoSteps =
        new RepoStepExecutor(
            repo,
            Map.of("PAASTA_SERVICE", name, "PAASTA_GIT_SHA", sha, "GIT_COMMIT", sha),
            out::line);
    PipelineSiblingActions actions =
        new PipelineSiblingActions(
            spec.root().commandLine(),
            name,
            sha,
            soaDir.path().toAbsolutePath(),
            repo,
            gitUrl,
            repoSteps);
    Ansi ansi = spec.commandLine().getColorScheme().ansi();
    ProgressPrinter progress =
        new ProgressPrinter(
            line -> {
              out.line(line);
              out.flush();
            },
            (status, word) -> ansi.string("@|" + colour(status) + " " + word + "|@"));
    DeployStepWaiter waiter =
        noWait
            ? DeployStepWaiter.NONE
            : PipelineDeployWaits.prepare(spec.commandLine(), api, wait, service, plan, sha);
    return new PipelineRunner(actions, progress, Clock.systemUTC(), waiter).run(plan);
  }

  /** Refuses, before anything runs, a plan that would fail for want of its inputs. */
  private static void refuseWhatCannotRun(
      PipelinePlan plan, String name, Path repo, Optional<String> gitUrl) {
    List<PipelineStep> steps = new ArrayList<>();
    plan.entries().forEach(entry -> steps.addAll(entry.steps()));
    boolean deploys = steps.stream().anyMatch(s -> StepKind.of(s) == StepKind.DEPLOY_GROUP);
    if (deploys && gitUrl.isEmpty()) {
      throw new UserException(
          name
              + "/service.yaml has no git_url - mark-for-deployment needs the service's"
              + " repository: set git_url");
    }
    boolean inRepo =
        steps.stream()
            .map(StepKind::of)
            .anyMatch(k -> k != StepKind.DEPLOY_GROUP && k != StepKind.PUSH_TO_REGISTRY);
    if (inRepo && !Files.isDirectory(repo)) {
      throw new UserException(
          "the service repository " + repo + " is not a directory - pass --repo-dir DIR");
    }
  }

  private String continueCommand(String name, String sha, String next) {
    List<String> words =
        new ArrayList<>(
            List.of("paasta", "pipeline", "run", "-s", name, "-c", sha, "--from", next));
    if (!soaDir.path().equals(SoaDir.defaultPath())) {
      words.addAll(List.of("-y", soaDir.path().toString()));
    }
    if (repoDir != null) {
      words.addAll(List.of("--repo-dir", repoDir.toString()));
    }
    if (api.systemConfigDir != null) {
      words.addAll(List.of("--system-config-dir", api.systemConfigDir.toString()));
    }
    if (noWait) {
      words.add("--no-wait-for-deployment");
    }
    return ShellWords.join(words);
  }

  private static String colour(StepResult.Status status) {
    return switch (status) {
      case OK -> "green";
      case SKIPPED -> "yellow";
      case FAILED -> "red,bold";
    };
  }
}
