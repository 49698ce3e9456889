package io.paasta.deploy.pipeline;

import static io.paasta.deploy.pipeline.Steps.command;
import static io.paasta.deploy.pipeline.Steps.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps run in a real service repository folder, with the real sh and make. */
class RepoStepExecutorTest {
  @TempDir Path repo;

  private final List<String> output = new ArrayList<>();

  private RepoStepExecutor executor() {
    return new RepoStepExecutor(
        repo, Map.of("PAASTA_SERVICE", "hello-web", "PAASTA_GIT_SHA", "a".repeat(40)), output::add);
  }

  @Test
  void aCommandStepRunsItsCommandByAShellInTheRepository() throws IOException {
    Files.writeString(repo.resolve("marker"), "here\n");

    StepResult result =
        executor().command(command("command-show", "cat marker; echo $PAASTA_SERVICE >&2"));

    assertThat(result).isEqualTo(StepResult.ok());
    assertThat(output).containsExactly("here", "hello-web");
  }

  @Test
  void aFailingCommandFailsWithItsExitStatus() {
    StepResult result = executor().command(command("command-fail", "echo broken; exit 3"));

    assertThat(result.isFailed()).isTrue();
    assertThat(result.exitStatus()).isEqualTo(OptionalInt.of(3));
    assertThat(result.explanation())
        .isEqualTo("exit status 3: sh -c 'echo broken; exit 3' in " + repo);
    assertThat(output).containsExactly("broken");
  }

  @Test
  void aCommandStepWithoutCommandRunsMakeWithItsName() throws IOException {
    Files.writeString(repo.resolve("Makefile"), "lint:\n\t@echo linted $(PAASTA_GIT_SHA)\n");

    StepResult result = executor().command(step("command-lint"));

    assertThat(result).isEqualTo(StepResult.ok());
    assertThat(output).containsExactly("linted " + "a".repeat(40));
  }

  @Test
  void aCommandGetsNoInput() {
    assertThat(executor().command(command("command-read", "cat; echo read-all")))
        .isEqualTo(StepResult.ok());
    assertThat(output).containsExactly("read-all");
  }

  @Test
  void aCheckRunsItsMakeTargetWhenTheMakefileHasIt() throws IOException {
    Files.writeString(repo.resolve("Makefile"), "security-check:\n\t@echo checked\n\t@exit 4\n");

    StepResult result = executor().makeIfTarget("security-check");

    assertThat(result.isFailed()).isTrue();
    assertThat(result.exitStatus()).hasValue(2);
    assertThat(output).startsWith("checked");
  }

  @Test
  void aCheckIsSkippedWhenTheMakefileLacksTheTarget() throws IOException {
    Files.writeString(repo.resolve("Makefile"), "itest:\n\t@echo never\n");

    StepResult result = executor().makeIfTarget("performance-check");

    assertThat(result)
        .isEqualTo(
            StepResult.skipped("no performance-check target in " + repo.resolve("Makefile")));
    assertThat(output).isEmpty();
  }

  @Test
  void aCheckIsSkippedWithoutAMakefile() {
    assertThat(executor().makeIfTarget("security-check"))
        .isEqualTo(StepResult.skipped("no Makefile in " + repo));
  }

  @Test
  void aMissingRepositoryFailsTheStepAndSaysHowToPointAtIt() {
    Path missing = repo.resolve("nope");
    RepoStepExecutor executor = new RepoStepExecutor(missing, Map.of(), output::add);

    assertThat(executor.command(command("command-x", "true")))
        .isEqualTo(
            StepResult.failed(
                "the service repository " + missing + " is not a directory - pass --repo-dir"));
    assertThat(executor.makeIfTarget("security-check").explanation())
        .contains("is not a directory");
  }

  @Test
  void commandWithoutATargetNameIsRefused() {
    assertThat(executor().command(step("command-")).explanation())
        .isEqualTo("step command- has no command and names no make target after command-");
  }
}
