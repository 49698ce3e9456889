package io.paasta.planning.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.planning.autoscaling.AutoscalingDecision.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC section 11's rules as tables: each rule one or more rows, with its boundaries. */
class AutoscalingPlannerTest {
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  @ParameterizedTest(
      name =
          "{0} setpoint={1} offset={2} window={3} current={4} [{5},{6}] u={7} healthy={8}"
              + " -> {9} {10} ({11})")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // proportional, forecast current: desired = round((u - offset) * healthy / (sp - offset))
        "proportional|0.8|0|-|4|1|10|0.8|4|STAY|4|utilization within thresholds",
        "proportional|0.8|0|-|4|1|10|1.0|4|SCALE|5|20% overutilized",
        "proportional|0.8|0|-|4|1|10|0.4|4|SCALE|2|40% underutilized",
        "proportional|0.8|0.2|-|4|1|10|0.5|4|SCALE|2|30% underutilized",
        "proportional|0.5|0|-|1|1|10|1.0|1|SCALE|2|50% overutilized",
        "proportional|0.5|0|-|2|1|10|1.0|2|SCALE|4|50% overutilized",
        // no limit up but max_instances
        "proportional|0.5|0|-|2|1|3|1.0|2|SCALE|3|50% overutilized",
        "proportional|0.8|0|-|4|1|4|1.0|4|STAY|4|20% overutilized",
        // at most 30 % down per step: never below int(current * 0.7)
        "proportional|0.8|0|-|10|1|10|0.1|10|SCALE|7|70% underutilized",
        "proportional|0.8|0|-|4|1|10|0.0|4|SCALE|2|80% underutilized",
        "proportional|0.8|0|-|3|1|10|0.0|3|SCALE|2|80% underutilized",
        "proportional|0.8|0|-|2|1|10|0.0|2|SCALE|1|80% underutilized",
        // then [min, max]
        "proportional|0.8|0|-|2|2|10|0.0|2|STAY|2|80% underutilized",
        "proportional|0.8|0|-|1|3|10|0.1|1|SCALE|3|70% underutilized",
        "proportional|0.8|0|-|6|1|4|0.8|6|SCALE|4|utilization within thresholds",
        // scale-down skipped with fewer than int(0.7 * current) healthy tasks; 7 of 10 is enough
        "proportional|0.8|0|-|10|1|10|0.1|6|STAY|10|Delaying scaling down to 7: only 6 healthy"
            + " tasks, fewer than 7; 70% underutilized",
        "proportional|0.8|0|-|10|1|10|0.1|7|SCALE|7|70% underutilized",
        // scaling up with few healthy tasks is fine
        "proportional|0.5|0|-|4|1|10|1.0|3|SCALE|6|50% overutilized",
        // never down while at or above the setpoint (load of few healthy tasks)
        "proportional|0.8|0|-|4|1|10|0.8|2|STAY|4|utilization within thresholds",
        // inside good_enough_window [0.6, 0.9]: keep; the window's high end replaces the setpoint
        "proportional|0.8|0|0.6 0.9|4|1|10|0.65|4|STAY|4|15% underutilized",
        "proportional|0.8|0|-|4|1|10|0.65|4|SCALE|3|15% underutilized",
        "proportional|0.8|0|0.6 0.9|4|1|10|0.6|4|STAY|4|20% underutilized",
        "proportional|0.8|0|0.6 0.9|4|1|10|0.9|4|STAY|4|10% overutilized",
        "proportional|0.8|0|0.6 0.9|4|1|10|0.95|4|SCALE|5|15% overutilized",
        "proportional|0.8|0|0.6 0.9|4|1|10|0.5|4|SCALE|2|30% underutilized",
        // threshold: step max(1, int(current * 0.1)); up above setpoint, down below sp*(n-1)/n
        "threshold|0.8|0|-|4|1|10|0.85|4|SCALE|5|5% overutilized",
        "threshold|0.8|0|-|4|1|10|0.8|4|STAY|4|utilization within thresholds",
        "threshold|0.8|0|-|20|1|30|0.9|20|SCALE|22|10% overutilized",
        "threshold|0.8|0|-|4|1|10|0.61|4|STAY|4|19% underutilized",
        "threshold|0.8|0|-|4|1|10|0.59|4|SCALE|3|21% underutilized",
        "threshold|0.8|0|-|20|1|30|0.5|20|SCALE|18|30% underutilized",
        "threshold|0.8|0|-|1|1|10|0.1|1|STAY|1|70% underutilized",
        "threshold|0.8|0|-|10|1|10|0.9|10|STAY|10|10% overutilized",
        "threshold|0.8|0|-|10|1|10|0.1|6|STAY|10|Delaying scaling down to 9: only 6 healthy"
            + " tasks, fewer than 7; 70% underutilized",
      })
  void decisionTable(
      String policy,
      double setpoint,
      double offset,
      String window,
      int current,
      int min,
      int max,
      double utilization,
      int healthy,
      Outcome outcome,
      int desired,
      String reason) {
    Map<String, Object> dict = new HashMap<>();
    dict.put("decision_policy", policy);
    dict.put("setpoint", setpoint);
    dict.put("offset", offset);
    if (window != null) {
      String[] ends = window.split(" ");
      dict.put("good_enough_window", List.of(Double.valueOf(ends[0]), Double.valueOf(ends[1])));
    }
    AutoscalingDecision decision =
        AutoscalingPlanner.decide(
            AutoscalingInput.measured(
                AutoscalingParams.from(dict),
                current,
                min,
                max,
                utilization,
                healthy,
                List.of(),
                NOW));
    assertThat(decision.outcome()).isEqualTo(outcome);
    assertThat(decision.desired()).isEqualTo(desired);
    assertThat(decision.reason()).isEqualTo(reason);
    assertThat(decision.current()).isEqualTo(current);
    assertThat(decision.setpoint()).isEqualTo(setpoint);
  }

  @Test
  void theLogLinesAreWordedAsPaastas() {
    AutoscalingDecision up = decide(Map.of(), 4, 1, 10, 1.0, 4, List.of());
    assertThat(up.message()).isEqualTo("Scaling from 4 to 5 instances (20% overutilized)");
    AutoscalingDecision stay = decide(Map.of(), 4, 1, 10, 0.8, 4, List.of());
    assertThat(stay.message()).isEqualTo("Staying at 4 instances (utilization within thresholds)");
  }

  @Test
  void proportionalAppendsTheLoadToTheHistory() {
    List<LoadPoint> old = List.of(new LoadPoint(NOW.minusSeconds(60), 2.0));
    AutoscalingDecision decision = decide(Map.of("offset", 0.1), 4, 1, 10, 0.6, 4, old);
    assertThat(decision.history())
        .hasSize(2)
        .element(1)
        .satisfies(
            p -> {
              assertThat(p.at()).isEqualTo(NOW);
              assertThat(p.load()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
            });
  }

  @Test
  void historyOlderThanTheLongestWindowIsDropped() {
    List<LoadPoint> old =
        List.of(
            new LoadPoint(NOW.minusSeconds(1801), 9.0),
            new LoadPoint(NOW.minusSeconds(1800), 1.0),
            new LoadPoint(NOW.minusSeconds(10), 1.0));
    AutoscalingDecision decision = decide(Map.of(), 4, 1, 10, 0.8, 4, old);
    assertThat(decision.history()).extracting(LoadPoint::load).containsExactly(1.0, 1.0, 3.2);
    AutoscalingDecision longer =
        decide(Map.of("moving_average_window_seconds", 3600), 4, 1, 10, 0.8, 4, old);
    assertThat(longer.history()).hasSize(4);
  }

  @Test
  void movingAverageForecastsTheMeanOfItsWindow() {
    // loads 1, 1, 4 within 120 s (the 9 is older): mean 2 -> round(2 / 0.8) = round(2.5) = 2
    List<LoadPoint> old =
        List.of(
            new LoadPoint(NOW.minusSeconds(300), 9.0),
            new LoadPoint(NOW.minusSeconds(120), 1.0),
            new LoadPoint(NOW.minusSeconds(60), 1.0));
    Map<String, Object> params =
        Map.of(
            "forecast_policy",
            "moving_average",
            "moving_average_window_seconds",
            120,
            "setpoint",
            0.8);
    AutoscalingDecision decision = decide(params, 5, 1, 10, 0.5, 8, old);
    assertThat(decision.outcome()).isEqualTo(Outcome.SCALE);
    assertThat(decision.desired()).isEqualTo(3); // round(2.5) = 2 (half to even), floor int(3.5)
    AutoscalingDecision fewer = decide(params, 3, 1, 10, 0.5, 8, old);
    assertThat(fewer.desired()).isEqualTo(2);
  }

  @Test
  void movingAverageNeverScalesDownWhileAtTheSetpoint() {
    List<LoadPoint> low =
        List.of(
            new LoadPoint(NOW.minusSeconds(120), 0.5), new LoadPoint(NOW.minusSeconds(60), 0.5));
    Map<String, Object> params = Map.of("forecast_policy", "moving_average");
    // mean (0.5 + 0.5 + 3.2) / 3 = 1.4 -> 2, but utilization 0.8 >= setpoint: stay at 4
    assertThat(decide(params, 4, 1, 10, 0.8, 4, low).outcome()).isEqualTo(Outcome.STAY);
    // just under the setpoint it may go down
    assertThat(decide(params, 4, 1, 10, 0.79, 4, low).desired()).isEqualTo(2);
  }

  @Test
  void linregExtrapolatesTheTrend() {
    // loads 1, 2 then 3 now, one minute apart: 60 s ahead the line says 4 -> 4 / 0.8 = 5
    List<LoadPoint> rising =
        List.of(
            new LoadPoint(NOW.minusSeconds(120), 1.0), new LoadPoint(NOW.minusSeconds(60), 2.0));
    Map<String, Object> params =
        Map.of("forecast_policy", "linreg", "linreg_extrapolation_seconds", List.of(0, 60));
    AutoscalingDecision decision = decide(params, 3, 1, 10, 0.75, 4, rising);
    assertThat(decision.desired()).isEqualTo(5);
    // with the default extrapolation (now) the line gives 3 -> round(3.75) = 4
    assertThat(decide(Map.of("forecast_policy", "linreg"), 3, 1, 10, 0.75, 4, rising).desired())
        .isEqualTo(4);
    // one point: slope 0
    assertThat(decide(params, 3, 1, 10, 0.75, 4, List.of()).desired()).isEqualTo(4);
  }

  @Test
  void bespokeNeverDecides() {
    AutoscalingDecision decision =
        decide(Map.of("decision_policy", "bespoke"), 4, 1, 10, 1.0, 4, List.of());
    assertThat(decision.outcome()).isEqualTo(Outcome.NONE);
    assertThat(decision.desired()).isEqualTo(4);
    assertThat(decision.history()).isEmpty();
    assertThat(decision.message()).contains("bespoke");
  }

  @Test
  void withoutUtilizationNothingIsDecided() {
    AutoscalingDecision decision =
        AutoscalingPlanner.decide(
            new AutoscalingInput(
                AutoscalingParams.from(Map.of()),
                4,
                1,
                10,
                OptionalDouble.empty(),
                Optional.of("no healthy task"),
                0,
                List.of(new LoadPoint(NOW.minusSeconds(60), 1.0)),
                NOW));
    assertThat(decision.outcome()).isEqualTo(Outcome.NONE);
    assertThat(decision.desired()).isEqualTo(4);
    assertThat(decision.history()).hasSize(1);
    assertThat(decision.message()).isEqualTo("No autoscaling decision (no healthy task)");
  }

  @ParameterizedTest
  @CsvSource({
    "0.1000000001, 10% overutilized",
    "0.101, 11% overutilized",
    "-0.4, 40% underutilized",
    "-0.409, 40% underutilized",
    "0.0, utilization within thresholds"
  })
  void humanizesTheError(double error, String words) {
    assertThat(AutoscalingPlanner.humanize(error)).isEqualTo(words);
  }

  @Test
  void paramsHavePaastasDefaults() {
    AutoscalingParams params = AutoscalingParams.from(Map.of());
    assertThat(params.provider()).isEqualTo(AutoscalingParams.MetricsProvider.CPU);
    assertThat(params.policy()).isEqualTo(AutoscalingParams.DecisionPolicy.PROPORTIONAL);
    assertThat(params.setpoint()).isEqualTo(0.8);
    assertThat(params.offset()).isEqualTo(0.0);
    assertThat(params.forecast()).isEqualTo(AutoscalingParams.ForecastPolicy.CURRENT);
    assertThat(params.movingAverageWindow()).isEqualTo(Duration.ofSeconds(1800));
    assertThat(params.goodEnoughWindow()).isEmpty();
    assertThat(AutoscalingParams.from(Map.of("metrics_provider", "http")).endpoint())
        .isEqualTo("status");
    assertThat(AutoscalingParams.from(Map.of("metrics_provider", "uwsgi")).endpoint())
        .isEqualTo("status/uwsgi");
    assertThat(
            AutoscalingParams.from(Map.of("metrics_provider", "http", "endpoint", "/load"))
                .endpoint())
        .isEqualTo("load");
    assertThat(AutoscalingParams.from(Map.of("metrics_provider", "mesos_cpu")).provider())
        .isEqualTo(AutoscalingParams.MetricsProvider.CPU);
  }

  @Test
  void todaysMetricsProvidersFormIsReadFromItsFirstEntry() {
    AutoscalingParams params =
        AutoscalingParams.from(
            Map.of(
                "metrics_providers",
                List.of(Map.of("type", "uwsgi", "setpoint", 0.6), Map.of("type", "cpu"))));
    assertThat(params.provider()).isEqualTo(AutoscalingParams.MetricsProvider.UWSGI);
    assertThat(params.setpoint()).isEqualTo(0.6);
  }

  @Test
  void badParamsAreNamedAllAtOnce() {
    assertThatThrownBy(
            () ->
                AutoscalingParams.from(
                    Map.of(
                        "metrics_provider",
                        "promql",
                        "setpoint",
                        1.5,
                        "forecast_policy",
                        "magic",
                        "good_enough_window",
                        List.of(0.9, 0.1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("autoscaling.metrics_provider: 'promql' is not cpu")
        .hasMessageContaining("autoscaling.setpoint: 1.5 is not in (0, 1]")
        .hasMessageContaining("autoscaling.forecast_policy: 'magic' is not one of")
        .hasMessageContaining("autoscaling.good_enough_window: [0.9, 0.1]");
  }

  private static AutoscalingDecision decide(
      Map<String, Object> params,
      int current,
      int min,
      int max,
      double utilization,
      int healthy,
      List<LoadPoint> history) {
    return AutoscalingPlanner.decide(
        AutoscalingInput.measured(
            AutoscalingParams.from(params), current, min, max, utilization, healthy, history, NOW));
  }
}
