package io.paasta.planning.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.planning.testing.ConfigFixture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanPrinterTest {
  private static final String LONG_ID = "0123456789abcdef0123456789abcdef";

  @Test
  void printsOneLinePerActionWithShortIds() {
    var run = new ConfigFixture().desired().run();
    Plan plan =
        new Plan(
            List.of(
                new Action.KillTasks(List.of(LONG_ID, "short"), "old app; drained, safe to kill"),
                new Action.DrainTasks(
                    List.of("fedcba9876543210"), "crossover bounce: 2/3 new happy"),
                new Action.StartTasks("svc.main.git01234567.config89abcdef", 1, run, "2 of 3 live"),
                new Action.RemoveExited(List.of(LONG_ID), "exited task of an old app")),
            false,
            Optional.of(Duration.ofMillis(1500)),
            "bouncing crossover: 2/3 new happy, 1 old draining");
    assertThat(PlanPrinter.print("svc.main", plan))
        .isEqualTo(
            """
            svc.main: bouncing crossover: 2/3 new happy, 1 old draining
              kill 2 task(s) 0123456789ab,short: old app; drained, safe to kill
              drain 1 task(s) fedcba987654: crossover bounce: 2/3 new happy
              start 1 task(s) of svc.main.git01234567.config89abcdef: 2 of 3 live
              remove exited 1 task(s) 0123456789ab: exited task of an old app
              next pass in 1.5s
            """);
  }

  @Test
  void aSteadyPlanSaysThereIsNothingToDo() {
    Plan plan = new Plan(List.of(), true, Optional.empty(), "running 3/3");
    assertThat(PlanPrinter.print("svc.main", plan))
        .isEqualTo("svc.main: running 3/3\n  nothing to do\n");
    Plan waiting = new Plan(List.of(), false, Optional.of(Duration.ofSeconds(8)), "waiting 8s");
    assertThat(PlanPrinter.print("svc.main", waiting)).endsWith("  next pass in 8s\n");
  }

  @Test
  void objectChangesPrintVerbObjectAndTheFieldsThatDiffer() {
    Plan plan =
        new Plan(
            List.of(
                new Action.ChangeObject(
                    "Namespace",
                    "",
                    "paastasvc-svc",
                    Action.ObjectVerb.CREATE,
                    List.of(),
                    "{}",
                    "missing"),
                new Action.ChangeObject(
                    "Deployment",
                    "paastasvc-svc",
                    "svc-main",
                    Action.ObjectVerb.UPDATE,
                    List.of("spec.template.spec.containers[0].image", "spec.replicas"),
                    "{}",
                    "new git sha"),
                new Action.ChangeObject(
                    "HorizontalPodAutoscaler",
                    "paastasvc-svc",
                    "svc-main",
                    Action.ObjectVerb.DELETE,
                    List.of(),
                    "",
                    "not autoscaled")),
            false,
            Optional.of(Duration.ofSeconds(2)),
            "bouncing to 01234567");
    assertThat(PlanPrinter.print("svc.main", plan))
        .isEqualTo(
            """
            svc.main: bouncing to 01234567
              create Namespace paastasvc-svc: missing
              update Deployment paastasvc-svc/svc-main (spec.template.spec.containers[0].image, spec.replicas): new git sha
              delete HorizontalPodAutoscaler paastasvc-svc/svc-main: not autoscaled
              next pass in 2s
            """);
  }
}
