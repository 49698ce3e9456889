package io.paasta.planning.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.BounceMethod;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.testing.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC section 5's bounce table, row by row. Old happy tasks are h1..hOH, old unhappy ones u1..uOU,
 * each list in keep-first order; the last column lists the tasks drained.
 */
class BounceStrategyTest {
  @ParameterizedTest(name = "{0} N={1} H={2} OH={3} OU={4} margin={5}: create={6} drain=[{7}]")
  @CsvSource(
      nullValues = "-",
      value = {
        // brutal: create if not yet created; drain all old tasks, at once
        "BRUTAL,     3, 0, 3, 0, 1.0, true,  h1 h2 h3",
        "BRUTAL,     3, 0, 2, 1, 1.0, true,  h1 h2 u1",
        "BRUTAL,     3, 3, 0, 2, 1.0, true,  u1 u2",
        "BRUTAL,     3, 3, 0, 0, 1.0, true,  -",
        // upthendown: create if not yet created; drain all old tasks, only once H == N exactly
        "UPTHENDOWN, 3, 0, 3, 0, 1.0, true,  -",
        "UPTHENDOWN, 3, 2, 3, 1, 1.0, true,  -",
        "UPTHENDOWN, 3, 3, 3, 1, 1.0, true,  h1 h2 h3 u1",
        "UPTHENDOWN, 3, 4, 3, 0, 1.0, true,  -",
        "UPTHENDOWN, 1, 1, 0, 2, 1.0, true,  u1 u2",
        // crossover: create if not yet created; keep max(ceil(N*margin) - H, 0) old tasks,
        // happy ones first; drain the rest (so unhappy old tasks go first)
        "CROSSOVER,  3, 0, 3, 0, 1.0, true,  -",
        "CROSSOVER,  3, 1, 3, 0, 1.0, true,  h3",
        "CROSSOVER,  3, 2, 3, 0, 1.0, true,  h2 h3",
        "CROSSOVER,  3, 3, 3, 0, 1.0, true,  h1 h2 h3",
        "CROSSOVER,  3, 1, 2, 2, 1.0, true,  u1 u2",
        "CROSSOVER,  3, 0, 1, 3, 1.0, true,  u3",
        "CROSSOVER,  3, 0, 0, 2, 1.0, true,  -",
        "CROSSOVER,  4, 0, 4, 0, 0.5, true,  h3 h4",
        "CROSSOVER,  3, 0, 3, 0, 0.5, true,  h3",
        "CROSSOVER,  3, 1, 3, 0, 0.5, true,  h2 h3",
        "CROSSOVER,  3, 5, 2, 1, 1.0, true,  h1 h2 u1",
        "CROSSOVER,  10, 0, 10, 0, 0.3, true, h4 h5 h6 h7 h8 h9 h10",
        // downthenup: create only when no happy old task is left; drain all old tasks
        "DOWNTHENUP, 3, 0, 3, 0, 1.0, false, h1 h2 h3",
        "DOWNTHENUP, 3, 0, 1, 1, 1.0, false, h1 u1",
        "DOWNTHENUP, 3, 0, 0, 2, 1.0, true,  u1 u2",
        "DOWNTHENUP, 3, 0, 0, 0, 1.0, true,  -",
        // down: never create; drain all old tasks
        "DOWN,       3, 0, 3, 1, 1.0, false, h1 h2 h3 u1",
        "DOWN,       3, 3, 0, 0, 1.0, false, -",
      })
  void decisionTable(
      BounceMethod method,
      int n,
      int h,
      int oh,
      int ou,
      double margin,
      boolean create,
      String drained) {
    BounceInput input = new BounceInput(n, h, old("h", oh), old("u", ou), margin);
    BounceDecision decision = BounceStrategy.of(method).decide(input);
    assertThat(decision.startNew()).as("create new app").isEqualTo(create);
    assertThat(decision.drain().stream().map(ObservedTask::id).toList())
        .as("drained")
        .containsExactlyElementsOf(drained == null ? List.of() : List.of(drained.split(" ")));
  }

  @Test
  void crossoverUsesPaastasDoubleArithmetic() {
    // 25 * 0.28 is 7.000000000000001 in doubles, as in Python: ceil gives 8, as PaaSTA kept
    assertThat(BounceStrategy.Crossover.keep(new BounceInput(25, 0, List.of(), List.of(), 0.28)))
        .isEqualTo(8);
    assertThat(BounceStrategy.Crossover.keep(new BounceInput(3, 7, List.of(), List.of(), 1.0)))
        .isZero();
  }

  @Test
  void onlyDownThenUpAndDownKeepOldAndNewApart() {
    List<BounceMethod> apart = new ArrayList<>();
    for (BounceMethod method : BounceMethod.values()) {
      if (!BounceStrategy.of(method).overlapsOldAndNew()) {
        apart.add(method);
      }
    }
    assertThat(apart).containsExactly(BounceMethod.DOWNTHENUP, BounceMethod.DOWN);
  }

  private static List<ObservedTask> old(String prefix, int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(
            i ->
                prefix.equals("h")
                    ? Tasks.happy(prefix + i, "old")
                    : Tasks.running(prefix + i, "old", HealthState.UNHEALTHY))
        .toList();
  }
}
