package io.paasta.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.deploy.pipeline.RepoStepExecutor;
import io.paasta.deploy.pipeline.StepResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * How the pipeline calls its sibling commands: which arguments, a fresh command line each time, and
 * what their exit codes mean. The siblings here are stand-in picocli commands that record how they
 * were called.
 */
class PipelineSiblingActionsTest {
  private static final String SHA = PipelineCli.SHA;

  private final Calls calls = new Calls();

  @Test
  void itestGetsTheServiceShaRepositoryAndSoaDir() {
    StepResult result = actions(Optional.of("file:///srv/git/svc.git")).itest();

    assertThat(result).isEqualTo(StepResult.ok());
    assertThat(calls.lines)
        .containsExactly("itest -s svc -c " + SHA + " --repo-dir /work/svc -y /soa");
  }

  @Test
  void markForDeploymentGetsTheGitUrlAndTheDeployGroup() {
    StepResult result =
        actions(Optional.of("file:///srv/git/svc.git")).markForDeployment("prod.canary");

    assertThat(result).isEqualTo(StepResult.ok());
    assertThat(calls.lines)
        .containsExactly(
            "mark-for-deployment -u file:///srv/git/svc.git -s svc -l prod.canary -c "
                + SHA
                + " -y /soa");
  }

  @Test
  void aNonZeroExitFailsTheStepWithItsStatusAndTheCommand() {
    calls.exitCodes.put("mark-for-deployment", 3);

    StepResult result = actions(Optional.of("file:///srv/git/svc.git")).markForDeployment("local");

    assertThat(result)
        .isEqualTo(
            StepResult.failed(
                3,
                "paasta mark-for-deployment -u file:///srv/git/svc.git -s svc -l local -c "
                    + SHA
                    + " -y /soa"));
  }

  @Test
  void aSiblingThisBuildLacksFailsTheStepClearly() {
    StepResult result = actions(Optional.empty()).pushToRegistry();

    assertThat(result)
        .isEqualTo(
            StepResult.failed(
                "Unknown subcommand 'push-to-registry': this build of paasta has no such"
                    + " command"));
  }

  @Test
  void everyCallParsesIntoNewCommandObjects() {
    PipelineSiblingActions actions = actions(Optional.of("u"));

    actions.markForDeployment("a");
    actions.markForDeployment("b");

    assertThat(calls.lines).hasSize(2);
    assertThat(calls.instances).hasSize(2);
  }

  private PipelineSiblingActions actions(Optional<String> gitUrl) {
    CommandLine root = new CommandLine(StubRoot.class, new StubFactory(calls));
    return new PipelineSiblingActions(
        root,
        "svc",
        SHA,
        Path.of("/soa"),
        Path.of("/work/svc"),
        gitUrl,
        new RepoStepExecutor(Path.of("/work/svc"), Map.of(), line -> {}));
  }

  /** What the stand-in siblings saw. */
  static final class Calls {
    final List<String> lines = new ArrayList<>();
    final Map<Object, Boolean> instances = new IdentityHashMap<>();
    final Map<String, Integer> exitCodes = new HashMap<>();

    synchronized int record(Object instance, String name, List<String> args) {
      instances.put(instance, true);
      lines.add(name + " " + String.join(" ", args));
      return exitCodes.getOrDefault(name, 0);
    }
  }

  @Command(
      name = "paasta",
      subcommands = {StubItest.class, StubMark.class})
  static final class StubRoot implements Runnable {
    @Override
    public void run() {}
  }

  @Command(name = "itest")
  static final class StubItest implements Callable<Integer> {
    private final Calls calls;

    @Unmatched List<String> args = new ArrayList<>();

    StubItest(Calls calls) {
      this.calls = calls;
    }

    @Override
    public Integer call() {
      return calls.record(this, "itest", args);
    }
  }

  @Command(name = "mark-for-deployment")
  static final class StubMark implements Callable<Integer> {
    private final Calls calls;

    @Unmatched List<String> args = new ArrayList<>();

    StubMark(Calls calls) {
      this.calls = calls;
    }

    @Override
    public Integer call() {
      return calls.record(this, "mark-for-deployment", args);
    }
  }

  /** Builds the stand-ins with the shared record of calls. */
  record StubFactory(Calls calls) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == StubItest.class) {
        return type.cast(new StubItest(calls));
      }
      if (type == StubMark.class) {
        return type.cast(new StubMark(calls));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
