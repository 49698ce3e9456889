package io.paasta.cli.commands;

import io.paasta.cli.PaastaCommand;
import io.paasta.deploy.pipeline.PipelineActions;
import io.paasta.deploy.pipeline.RepoStepExecutor;
import io.paasta.deploy.pipeline.ShellWords;
import io.paasta.deploy.pipeline.StepResult;
import io.paasta.model.PipelineStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The pipeline's steps as the other {@code paasta} commands, run in this process: {@code itest},
 * {@code push-to-registry} and {@code mark-for-deployment}, each on a fresh command line (so that
 * the steps of a parallel group do not share parsed options); a non-zero exit is a failed step.
 * Checks and {@code command-*} steps run in the service repository.
 */
final class PipelineSiblingActions implements PipelineActions {
  private final CommandLine root;
  private final String service;
  private final String sha;
  private final Path soaDir;
  private final Path repoDir;
  private final Optional<String> gitUrl;
  private final RepoStepExecutor repo;

  PipelineSiblingActions(
      CommandLine root,
      String service,
      String sha,
      Path soaDir,
      Path repoDir,
      Optional<String> gitUrl,
      RepoStepExecutor repo) {
    this.root = root;
    this.service = service;
    this.sha = sha;
    this.soaDir = soaDir;
    this.repoDir = repoDir;
    this.gitUrl = gitUrl;
    this.repo = repo;
  }

  @Override
  public StepResult itest() {
    return paasta("itest", "-s", service, "-c", sha, "--repo-dir", repoDir.toString(), "-y", soa());
  }

  @Override
  public StepResult pushToRegistry() {
    return paasta("push-to-registry", "-s", service, "-c", sha, "-y", soa());
  }

  @Override
  public StepResult securityCheck() {
    return repo.makeIfTarget("security-check");
  }

  @Override
  public StepResult performanceCheck() {
    return repo.makeIfTarget("performance-check");
  }

  @Override
  public StepResult command(PipelineStep step) {
    return repo.command(step);
  }

  @Override
  public StepResult markForDeployment(String deployGroup) {
    if (gitUrl.isEmpty()) {
      return StepResult.failed(service + "/service.yaml has no git_url to mark the deploy in");
    }
    return paasta(
        "mark-for-deployment",
        "-u",
        gitUrl.get(),
        "-s",
        service,
        "-l",
        deployGroup,
        "-c",
        sha,
        "-y",
        soa());
  }

  private String soa() {
    return soaDir.toString();
  }

  private StepResult paasta(String... args) {
    List<String> words = new ArrayList<>(List.of("paasta"));
    words.addAll(List.of(args));
    String command = ShellWords.join(words);
    if (!root.getSubcommands().containsKey(args[0])) {
      return StepResult.failed(
          "Unknown subcommand '" + args[0] + "': this build of paasta has no such command");
    }
    int exit = freshRoot(args).execute(args);
    return exit == 0 ? StepResult.ok() : StepResult.failed(exit, command);
  }

  /** A new {@code paasta} command line for these arguments that writes where this one does. */
  private CommandLine freshRoot(String... args) {
    Object command = root.getCommandSpec().userObject();
    CommandLine fresh =
        command instanceof PaastaCommand paasta
            ? paasta.commandLineFor(args)
            : new CommandLine(command.getClass(), root.getFactory());
    fresh.setOut(root.getOut());
    fresh.setErr(root.getErr());
    fresh.setColorScheme(root.getColorScheme());
    if (root.getExecutionExceptionHandler() != null) {
      fresh.setExecutionExceptionHandler(root.getExecutionExceptionHandler());
    }
    if (root.getParameterExceptionHandler() != null) {
      fresh.setParameterExceptionHandler(root.getParameterExceptionHandler());
    }
    fresh.setCaseInsensitiveEnumValuesAllowed(root.isCaseInsensitiveEnumValuesAllowed());
    return fresh;
  }
}
