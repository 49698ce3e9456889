package io.paasta.deploy.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.paasta.deploy.make.Makefiles;
import io.paasta.model.PipelineStep;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the steps that happen in the service repository itself: {@code command-*} steps ({@code sh
 * -c COMMAND}, else {@code make NAME}) and the optional checks ({@code make security-check} when
 * the Makefile has that target). Output (stdout and stderr together) goes line by line to a
 * consumer; stdin is empty.
 */
public final class RepoStepExecutor {
  private final Path repoDir;
  private final Map<String, String> environment;
  private final Consumer<String> output;

  /**
   * @param environment added to this process's environment for every command, e.g. {@code
   *     PAASTA_SERVICE} and {@code PAASTA_GIT_SHA}
   */
  public RepoStepExecutor(Path repoDir, Map<String, String> environment, Consumer<String> output) {
    this.repoDir = repoDir;
    this.environment = Map.copyOf(environment);
    this.output = output;
  }

  /** A {@code command-*} step. */
  public StepResult command(PipelineStep step) {
    if (step.command().isPresent()) {
      return run(List.of("sh", "-c", step.command().get()));
    }
    String target = StepKind.makeTarget(step);
    if (target.isEmpty()) {
      return StepResult.failed(
          "step " + step.step() + " has no command and names no make target after command-");
    }
    return run(List.of("make", target));
  }

  /** {@code make TARGET} when the repository's Makefile has that target, else skipped. */
  public StepResult makeIfTarget(String target) {
    Optional<Path> makefile = makefile();
    if (makefile.isEmpty()) {
      return Files.isDirectory(repoDir)
          ? StepResult.skipped("no Makefile in " + repoDir)
          : notADirectory();
    }
    String text;
    try {
      text = Files.readString(makefile.get(), UTF_8);
    } catch (IOException e) {
      return StepResult.failed("cannot read " + makefile.get() + ": " + e.getMessage());
    }
    if (!Makefiles.targets(text).contains(target)) {
      return StepResult.skipped("no " + target + " target in " + makefile.get());
    }
    return run(List.of("make", target));
  }

  private Optional<Path> makefile() {
    return Makefiles.NAMES.stream().map(repoDir::resolve).filter(Files::isRegularFile).findFirst();
  }

  private StepResult run(List<String> command) {
    if (!Files.isDirectory(repoDir)) {
      return notADirectory();
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(repoDir.toFile());
    builder.redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return StepResult.failed("cannot run " + command.get(0) + ": " + e.getMessage());
    }
    try {
      process.getOutputStream().close();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          output.accept(line);
        }
      }
      int exit = process.waitFor();
      return exit == 0
          ? StepResult.ok()
          : StepResult.failed(exit, shorten(ShellWords.join(command)) + " in " + repoDir);
    } catch (IOException e) {
      process.destroyForcibly();
      return StepResult.failed("lost the output of " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return StepResult.failed("interrupted");
    }
  }

  private static String shorten(String command) {
    String oneLine = command.replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
  }

  private StepResult notADirectory() {
    return StepResult.failed(
        "the service repository " + repoDir + " is not a directory - pass --repo-dir");
  }
}
