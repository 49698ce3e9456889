package io.paasta.deploy.pipeline;

import static io.paasta.deploy.pipeline.Steps.disabled;
import static io.paasta.deploy.pipeline.Steps.disabledGroup;
import static io.paasta.deploy.pipeline.Steps.disabledManual;
import static io.paasta.deploy.pipeline.Steps.example;
import static io.paasta.deploy.pipeline.Steps.group;
import static io.paasta.deploy.pipeline.Steps.manual;
import static io.paasta.deploy.pipeline.Steps.manualGroup;
import static io.paasta.deploy.pipeline.Steps.pipeline;
import static io.paasta.deploy.pipeline.Steps.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.deploy.DeployException;
import io.paasta.model.DeployConfig;
import io.paasta.model.PipelineStep;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which steps one {@code paasta pipeline run} runs. A plan is written {@code a > b > g(x|y) > -c}:
 * steps in order, a parallel group with its steps, {@code -} for a step that does not run.
 */
class PipelinePlannerTest {
  private static final DeployConfig TYPICAL =
      pipeline(
          step("itest"),
          step("push-to-registry"),
          step("local.everything"),
          manual("prod.canary"),
          step("prod.everything"));

  static Stream<Arguments> plans() {
    return Stream.of(
        row(
            "no manual step: everything",
            pipeline(step("itest"), step("a"), step("b")),
            null,
            "itest > a > b",
            null),
        row(
            "stops after the manual step, which runs",
            TYPICAL,
            null,
            "itest > push-to-registry > local.everything > prod.canary",
            "prod.everything"),
        row(
            "--from the step after the manual one runs the rest",
            TYPICAL,
            "prod.everything",
            "prod.everything",
            null),
        row(
            "--from the manual step runs it and stops again",
            TYPICAL,
            "prod.canary",
            "prod.canary",
            "prod.everything"),
        row(
            "--from a step before the manual one",
            TYPICAL,
            "local.everything",
            "local.everything > prod.canary",
            "prod.everything"),
        row(
            "a manual last step: nothing waits",
            pipeline(step("itest"), manual("prod")),
            null,
            "itest > prod",
            null),
        row(
            "the first of two manual steps stops the run",
            pipeline(manual("a"), manual("b"), step("c")),
            null,
            "a",
            "b"),
        row(
            "after the first, the second stops it",
            pipeline(manual("a"), manual("b"), step("c")),
            "b",
            "b",
            "c"),
        row(
            "a disabled step does not run",
            pipeline(step("itest"), disabled("a"), step("b")),
            null,
            "itest > -a > b",
            null),
        row(
            "a disabled manual step keeps its pause",
            pipeline(step("itest"), disabledManual("canary"), step("prod")),
            null,
            "itest > -canary",
            "prod"),
        row(
            "a parallel group stays a group",
            pipeline(step("itest"), group("canaries", step("east"), step("west")), step("prod")),
            null,
            "itest > canaries(east|west) > prod",
            null),
        row(
            "a manual step inside a group pauses after the whole group",
            pipeline(group("canaries", step("east"), manual("west")), step("prod")),
            null,
            "canaries(east|west)",
            "prod"),
        row(
            "a manual group pauses after it",
            pipeline(manualGroup("canaries", step("east"), step("west")), step("prod")),
            null,
            "canaries(east|west)",
            "prod"),
        row(
            "a disabled step of a group does not run",
            pipeline(group("canaries", step("east"), disabled("west")), step("prod")),
            null,
            "canaries(east|-west) > prod",
            null),
        row(
            "a group whose steps are all disabled does not run",
            pipeline(group("canaries", disabled("east"), disabled("west")), step("prod")),
            null,
            "-canaries > prod",
            null),
        row(
            "a disabled group does not run",
            pipeline(disabledGroup("canaries", step("east"), step("west")), step("prod")),
            null,
            "-canaries > prod",
            null),
        row(
            "nested groups are flattened into one group",
            pipeline(group("all", step("a"), group("inner", step("b"), disabled("c")))),
            null,
            "all(a|b|-c)",
            null),
        row(
            "--from a group",
            pipeline(step("itest"), group("g", step("a"), step("b"))),
            "g",
            "g(a|b)",
            null),
        row("an empty pipeline plans nothing", pipeline(), null, "", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void plans(String why, DeployConfig deploy, String from, String expected, String continueFrom) {
    PipelinePlan plan = PipelinePlanner.plan(deploy, Optional.ofNullable(from));

    assertThat(summary(plan)).isEqualTo(expected);
    assertThat(plan.continueFrom()).isEqualTo(Optional.ofNullable(continueFrom));
    assertThat(plan.stopsAfter().isPresent()).isEqualTo(continueFrom != null);
  }

  @Test
  void theHelloWebExampleStopsAfterItsCanary() {
    PipelinePlan plan = PipelinePlanner.plan(example("hello-web"), Optional.empty());

    assertThat(summary(plan))
        .isEqualTo("itest > push-to-registry > local.everything > prod.canary");
    assertThat(plan.stopsAfter()).contains("prod.canary");
    assertThat(plan.continueFrom()).contains("prod.everything");
    assertThat(plan.stepCount()).isEqualTo(4);
  }

  @Test
  void theBatchReportsExampleStopsAfterLocal() {
    PipelinePlan plan = PipelinePlanner.plan(example("batch-reports"), Optional.empty());

    assertThat(summary(plan)).isEqualTo("itest > push-to-registry > local.everything");
    assertThat(plan.continueFrom()).contains("prod.everything");
  }

  @Test
  void anUnknownFromStepIsAnErrorNamingTheKnownSteps() {
    assertThatThrownBy(() -> PipelinePlanner.plan(TYPICAL, Optional.of("prod.evrything")))
        .isInstanceOf(DeployException.class)
        .hasMessage(
            "unknown step 'prod.evrything' for --from - expected one of: itest, push-to-registry,"
                + " local.everything, prod.canary, prod.everything");
  }

  @Test
  void fromAStepInsideAGroupPointsAtTheGroup() {
    DeployConfig deploy = pipeline(step("itest"), group("canaries", step("east"), step("west")));

    assertThatThrownBy(() -> PipelinePlanner.plan(deploy, Optional.of("west")))
        .isInstanceOf(DeployException.class)
        .hasMessage(
            "step 'west' is part of the parallel group 'canaries' - start from the whole group:"
                + " --from canaries");
  }

  @Test
  void fromOnAnEmptyPipelineSaysItIsEmpty() {
    assertThatThrownBy(() -> PipelinePlanner.plan(pipeline(), Optional.of("itest")))
        .hasMessageContaining("expected one of: (the pipeline is empty)");
  }

  @Test
  void aPlanDescribesEachStepNumberedAsTheRunNumbersIt() {
    DeployConfig deploy =
        pipeline(
            step("itest"),
            step("push-to-registry"),
            step("security-check"),
            Steps.command("command-lint", "make lint && echo 'done'"),
            Steps.step("command-docs"),
            disabled("performance-check"),
            group("canaries", step("east"), disabled("west"), step("north")),
            manual("prod.canary"),
            step("prod.everything"));

    PipelinePlan plan = PipelinePlanner.plan(deploy, Optional.empty());

    assertThat(plan.describe())
        .containsExactly(
            "[1/8] itest  paasta itest: make itest in the service repository",
            "[2/8] push-to-registry  paasta push-to-registry: push the image to the registry",
            "[3/8] security-check  make security-check in the service repository (skipped"
                + " without that target)",
            "[4/8] command-lint  sh -c 'make lint && echo '\\''done'\\''' in the service"
                + " repository",
            "[5/8] command-docs  make docs in the service repository",
            "skip performance-check  (disabled)",
            "parallel group canaries:",
            "  [6/8] east  paasta mark-for-deployment: deploy group east",
            "  [7/8] north  paasta mark-for-deployment: deploy group north",
            "  skip west  (disabled)",
            "[8/8] prod.canary  paasta mark-for-deployment: deploy group prod.canary",
            "then stop: prod.canary triggers the next step manually (prod.everything)");
  }

  @Test
  void anEmptyPlanSaysThereIsNothingToRun() {
    assertThat(PipelinePlanner.plan(pipeline(disabled("a")), Optional.empty()).describe())
        .containsExactly("skip a  (disabled)", "nothing to run");
  }

  private static Arguments row(
      String why, DeployConfig deploy, String from, String expected, String continueFrom) {
    return Arguments.of(why, deploy, from, expected, continueFrom);
  }

  private static String summary(PipelinePlan plan) {
    return plan.entries().stream()
        .map(PipelinePlannerTest::summary)
        .collect(Collectors.joining(" > "));
  }

  private static String summary(PlanEntry entry) {
    if (entry instanceof PlanEntry.Skip) {
      return "-" + entry.name();
    }
    if (entry instanceof PlanEntry.RunParallel group) {
      return group.name()
          + "("
          + Stream.concat(
                  group.steps().stream().map(PipelineStep::step),
                  group.disabled().stream().map(name -> "-" + name))
              .collect(Collectors.joining("|"))
          + ")";
    }
    return entry.name();
  }
}
