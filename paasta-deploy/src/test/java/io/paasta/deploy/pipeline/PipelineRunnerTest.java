package io.paasta.deploy.pipeline;

import static io.paasta.deploy.pipeline.Steps.command;
import static io.paasta.deploy.pipeline.Steps.disabled;
import static io.paasta.deploy.pipeline.Steps.example;
import static io.paasta.deploy.pipeline.Steps.group;
import static io.paasta.deploy.pipeline.Steps.pipeline;
import static io.paasta.deploy.pipeline.Steps.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.DeployConfig;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Running a plan through a recording fake of {@link PipelineActions}. */
class PipelineRunnerTest {
  /** The runner's clock moves 1.5 s each time it is read, so step durations show. */
  private static final Instant START = Instant.ofEpochMilli(1_700_000_000_000L);

  private final RecordingActions actions = new RecordingActions();
  private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
  private final PipelineRunner runner =
      new PipelineRunner(
          actions,
          new ProgressPrinter(progress::add),
          ManualClock.ticking(START, Duration.ofMillis(1500)));

  @Test
  void runsEveryStepInOrderAndSaysSo() {
    PipelineResult result =
        run(
            pipeline(
                step("itest"),
                step("push-to-registry"),
                step("security-check"),
                step("performance-check"),
                command("command-lint", "make lint"),
                step("command-docs"),
                step("local.everything")),
            null);

    assertThat(actions.calls())
        .containsExactly(
            "itest",
            "push-to-registry",
            "security-check",
            "performance-check",
            "command:command-lint=make lint",
            "command:command-docs",
            "mark:local.everything");
    assertThat(result.outcome()).isEqualTo(PipelineResult.Outcome.COMPLETED);
    assertThat(result.resumeFrom()).isEmpty();
    assertThat(result.summary()).isEqualTo("pipeline done: 7 steps ok");
    assertThat(progress)
        .startsWith(
            "[1/7] itest ...",
            "[1/7] itest ... ok (1.5 s)",
            "[2/7] push-to-registry ...",
            "[2/7] push-to-registry ... ok (1.5 s)")
        .endsWith("[7/7] local.everything ... ok (1.5 s)");
  }

  @Test
  void aFailingStepStopsThePipelineNamingTheStepAndItsExitStatus() {
    actions.answer("push-to-registry", StepResult.failed(2, "paasta push-to-registry"));

    PipelineResult result = run(example("greeter-api"), null);

    assertThat(actions.calls()).containsExactly("itest", "push-to-registry");
    assertThat(result.outcome()).isEqualTo(PipelineResult.Outcome.FAILED);
    assertThat(result.summary())
        .isEqualTo("step push-to-registry failed (exit status 2: paasta push-to-registry)");
    assertThat(result.resumeFrom()).contains("push-to-registry");
    assertThat(progress)
        .containsExactly(
            "[1/4] itest ...",
            "[1/4] itest ... ok (1.5 s)",
            "[2/4] push-to-registry ...",
            "[2/4] push-to-registry ... FAILED: exit status 2: paasta push-to-registry (1.5 s)");
  }

  @Test
  void aStepThatThrowsFailsWithTheExceptionsMessage() {
    actions.answer(
        "mark:local.everything",
        (Supplier<StepResult>)
            () -> {
              throw new IllegalStateException("git remote did not answer within 20 s");
            });

    PipelineResult result = run(example("hello-web"), null);

    assertThat(actions.calls())
        .containsExactly("itest", "push-to-registry", "mark:local.everything");
    assertThat(result.outcome()).isEqualTo(PipelineResult.Outcome.FAILED);
    assertThat(result.summary())
        .isEqualTo("step local.everything failed (git remote did not answer within 20 s)");
  }

  @Test
  void stopsAfterTheManualStepAndTellsWhereToGoOn() {
    PipelineResult result = run(example("hello-web"), null);

    assertThat(actions.calls())
        .containsExactly("itest", "push-to-registry", "mark:local.everything", "mark:prod.canary");
    assertThat(result.outcome()).isEqualTo(PipelineResult.Outcome.PAUSED);
    assertThat(result.resumeFrom()).contains("prod.everything");
    assertThat(result.summary())
        .isEqualTo(
            "stopped after prod.canary: it triggers the next step (prod.everything) manually");
    assertThat(progress).last().isEqualTo("[4/4] prod.canary ... ok (1.5 s)");
  }

  @Test
  void goingOnFromTheManualPauseRunsTheRest() {
    PipelineResult result = run(example("hello-web"), "prod.everything");

    assertThat(actions.calls()).containsExactly("mark:prod.everything");
    assertThat(result.outcome()).isEqualTo(PipelineResult.Outcome.COMPLETED);
    assertThat(progress)
        .containsExactly("[1/1] prod.everything ...", "[1/1] prod.everything ... ok (1.5 s)");
  }

  @Test
  void aSkippedCheckDoesNotStopThePipeline() {
    actions.answer("security-check", StepResult.skipped("no security-check target in Makefile"));

    PipelineResult result =
        run(pipeline(step("itest"), step("security-check"), step("prod")), null);

    assertThat(actions.calls()).containsExactly("itest", "security-check", "mark:prod");
    assertThat(result.outcome()).isEqualTo(PipelineResult.Outcome.COMPLETED);
    assertThat(result.summary()).isEqualTo("pipeline done: 2 steps ok, 1 skipped");
    assertThat(progress)
        .contains("[2/3] security-check ... skipped: no security-check target in Makefile (1.5 s)");
  }

  @Test
  void disabledStepsAreReportedAndNotRun() {
    PipelineResult result =
        run(pipeline(step("itest"), disabled("push-to-registry"), step("prod")), null);

    assertThat(actions.calls()).containsExactly("itest", "mark:prod");
    assertThat(result.outcome()).isEqualTo(PipelineResult.Outcome.COMPLETED);
    assertThat(progress)
        .containsExactly(
            "[1/2] itest ...",
            "[1/2] itest ... ok (1.5 s)",
            "[-] push-to-registry ... skipped: disabled",
            "[2/2] prod ...",
            "[2/2] prod ... ok (1.5 s)");
  }

  @Test
  void theStepsOfAParallelGroupRunAtTheSameTime() {
    // each canary waits until both have started: run one after the other, they would time out
    CyclicBarrier bothStarted = new CyclicBarrier(2);
    Supplier<StepResult> meetTheOther =
        () -> {
          try {
            bothStarted.await(10, TimeUnit.SECONDS);
            return StepResult.ok();
          } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            return StepResult.failed("did not run together with the other canary: " + e);
          }
        };
    actions.answer("mark:canary.east", meetTheOther).answer("mark:canary.west", meetTheOther);

    PipelineResult result =
        run(
            pipeline(
                step("itest"),
                group("canaries", step("canary.east"), step("canary.west"), disabled("canary.x")),
                step("prod")),
            null);

    assertThat(result.outcome()).as(result.summary()).isEqualTo(PipelineResult.Outcome.COMPLETED);
    assertThat(actions.calls().subList(1, 3))
        .containsExactlyInAnyOrder("mark:canary.east", "mark:canary.west");
    assertThat(actions.calls()).startsWith("itest").endsWith("mark:prod");
    assertThat(progress)
        .contains("[-] canary.x ... skipped: disabled", "[4/4] prod ... ok (1.5 s)");
    assertThat(progress.stream().filter(line -> line.startsWith("[2/4] canary.east ... ok")))
        .hasSize(1);
    assertThat(progress.stream().filter(line -> line.startsWith("[3/4] canary.west ... ok")))
        .hasSize(1);
  }

  @Test
  void aFailureInAParallelGroupLetsTheOthersFinishThenStops() {
    actions.answer("mark:canary.west", StepResult.failed(1, "paasta mark-for-deployment"));

    PipelineResult result =
        run(
            pipeline(group("canaries", step("canary.east"), step("canary.west")), step("prod")),
            null);

    assertThat(actions.calls()).containsExactlyInAnyOrder("mark:canary.east", "mark:canary.west");
    assertThat(result.outcome()).isEqualTo(PipelineResult.Outcome.FAILED);
    assertThat(result.resumeFrom()).contains("canaries");
    assertThat(result.summary())
        .isEqualTo("step canary.west failed (exit status 1: paasta mark-for-deployment)");
    assertThat(result.count(StepResult.Status.OK)).isEqualTo(1);
  }

  @Test
  void anEmptyPlanRunsNothing() {
    PipelineResult result = run(pipeline(), null);

    assertThat(actions.calls()).isEmpty();
    assertThat(result.outcome()).isEqualTo(PipelineResult.Outcome.COMPLETED);
    assertThat(result.summary()).isEqualTo("pipeline done: 0 steps ok");
  }

  @Test
  void eachDeployStepWaitsForItsDeployBeforeTheNextStep() {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    for (String group : List.of("local.everything", "prod.everything")) {
      actions.answer(
          "mark:" + group,
          () -> {
            order.add("mark:" + group);
            return StepResult.ok();
          });
    }
    PipelineRunner waiting =
        new PipelineRunner(
            actions,
            new ProgressPrinter(progress::add),
            ManualClock.ticking(START, Duration.ofMillis(1500)),
            deployGroup -> {
              order.add("wait:" + deployGroup);
              return StepResult.ok();
            });

    PipelineResult result =
        waiting.run(
            PipelinePlanner.plan(
                pipeline(step("itest"), step("local.everything"), step("prod.everything")),
                Optional.empty()));

    assertThat(result.outcome()).isEqualTo(PipelineResult.Outcome.COMPLETED);
    assertThat(order)
        .containsExactly(
            "mark:local.everything",
            "wait:local.everything",
            "mark:prod.everything",
            "wait:prod.everything");
  }

  @Test
  void aDeployThatDoesNotFinishFailsItsStepAndStopsThePipeline() {
    List<String> waited = Collections.synchronizedList(new ArrayList<>());
    PipelineRunner waiting =
        new PipelineRunner(
            actions,
            new ProgressPrinter(progress::add),
            ManualClock.ticking(START, Duration.ofMillis(1500)),
            deployGroup -> {
              waited.add(deployGroup);
              return StepResult.failed("timed out waiting for local.main (1/3 new tasks happy)");
            });

    PipelineResult result =
        waiting.run(
            PipelinePlanner.plan(
                pipeline(step("local.everything"), step("prod.everything")), Optional.empty()));

    assertThat(actions.calls()).containsExactly("mark:local.everything");
    assertThat(waited).containsExactly("local.everything");
    assertThat(result.outcome()).isEqualTo(PipelineResult.Outcome.FAILED);
    assertThat(result.resumeFrom()).contains("local.everything");
    assertThat(result.summary())
        .isEqualTo(
            "step local.everything failed (timed out waiting for local.main (1/3 new tasks"
                + " happy))");
  }

  @Test
  void aFailedMarkIsNotWaitedFor() {
    actions.answer("mark:local.everything", StepResult.failed(1, "paasta mark-for-deployment"));
    List<String> waited = Collections.synchronizedList(new ArrayList<>());
    PipelineRunner waiting =
        new PipelineRunner(
            actions,
            new ProgressPrinter(progress::add),
            ManualClock.ticking(START, Duration.ofMillis(1500)),
            deployGroup -> {
              waited.add(deployGroup);
              return StepResult.ok();
            });

    PipelineResult result =
        waiting.run(PipelinePlanner.plan(pipeline(step("local.everything")), Optional.empty()));

    assertThat(result.outcome()).isEqualTo(PipelineResult.Outcome.FAILED);
    assertThat(waited).isEmpty();
  }

  private PipelineResult run(DeployConfig deploy, String from) {
    return runner.run(PipelinePlanner.plan(deploy, Optional.ofNullable(from)));
  }
}
