package io.paasta.planning.autoscaling;

import io.paasta.planning.autoscaling.AutoscalingDecision.Outcome;
import io.paasta.planning.autoscaling.AutoscalingParams.DecisionPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The autoscaler's decision for one instance (SPEC section 11), a pure function of its params,
 * count, utilization, load history and the time: the policy proposes a count, then PaaSTA's clamps
 * apply in order: never below {@code int(current * 0.7)} in one step, then [min, max], then no
 * scale-down while fewer than {@code int(current * 0.7)} tasks are healthy.
 */
public final class AutoscalingPlanner {
  /** PaaSTA's MAX_TASK_DELTA: at most 30 % down per step; 70 % healthy to scale down. */
  static final double MAX_TASK_DELTA = 0.3;

  /** Most points of load history kept per instance, whatever the windows. */
  public static final int MAX_HISTORY = 10_000;

  private AutoscalingPlanner() {}

  public static AutoscalingDecision decide(AutoscalingInput in) {
    AutoscalingParams params = in.params();
    if (params.policy() == DecisionPolicy.BESPOKE) {
      return none(in, "bespoke: the count is set from outside, with paasta autoscale --set");
    }
    if (in.utilization().isEmpty()) {
      return none(in, in.noUtilization().orElse("no utilization measured"));
    }
    double utilization = in.utilization().getAsDouble();
    List<LoadPoint> history = in.history();
    int proposed;
    if (params.policy() == DecisionPolicy.PROPORTIONAL) {
      history = appended(in, (utilization - params.offset()) * in.healthy());
      proposed = proportional(in, utilization, history);
    } else {
      proposed = threshold(in.current(), utilization, params.setpoint());
    }
    int floor = (int) (in.current() * (1 - MAX_TASK_DELTA));
    int desired = Math.min(in.max(), Math.max(in.min(), Math.max(proposed, floor)));
    String error = humanize(utilization - params.setpoint());
    if (desired < in.current() && in.healthy() < floor) {
      return decision(
          in,
          Outcome.STAY,
          in.current(),
          "Delaying scaling down to "
              + desired
              + ": only "
              + in.healthy()
              + " healthy tasks, fewer than "
              + floor
              + "; "
              + error,
          history);
    }
    Outcome outcome = desired == in.current() ? Outcome.STAY : Outcome.SCALE;
    return decision(in, outcome, desired, error, history);
  }

  /**
   * {@code round(forecast / (setpoint - offset))}; the count is kept inside the good-enough window
   * and never lowered while utilization is at or above the setpoint (or the window's high end).
   */
  static int proportional(AutoscalingInput in, double utilization, List<LoadPoint> history) {
    AutoscalingParams params = in.params();
    double predicted = Forecasts.forecast(params, history);
    int desired = (int) Math.rint(predicted / (params.setpoint() - params.offset()));
    if (params.goodEnoughWindow().isPresent() && in.current() > 0) {
      double predictedUtilization = predicted / in.current() + params.offset();
      if (predictedUtilization >= params.goodEnoughLow().orElseThrow()
          && predictedUtilization <= params.goodEnoughHigh().orElseThrow()) {
        desired = in.current();
      }
    }
    double high = params.goodEnoughHigh().orElse(params.setpoint());
    if (utilization >= high) {
      desired = Math.max(desired, in.current());
    }
    return desired;
  }

  /**
   * One step of {@code max(1, int(current * 0.1))}: up above the setpoint, down below {@code
   * setpoint * (n - 1) / n}.
   */
  static int threshold(int current, double utilization, double setpoint) {
    int step = Math.max(1, (int) (current * 0.1));
    if (utilization > setpoint) {
      return current + step;
    }
    if (current > 0 && utilization < setpoint * (current - 1) / current) {
      return current - step;
    }
    return current;
  }

  /** PaaSTA's words for the error: {@code 13% overutilized}, {@code 40% underutilized}. */
  public static String humanize(double error) {
    double percent = Math.round(error * 100 * 1e6) / 1e6;
    if (percent < 0) {
      return (long) Math.floor(-percent) + "% underutilized";
    }
    if (percent > 0) {
      return (long) Math.ceil(percent) + "% overutilized";
    }
    return "utilization within thresholds";
  }

  /** The history with the current load appended, older points than any window needs dropped. */
  static List<LoadPoint> appended(AutoscalingInput in, double load) {
    Instant oldest = in.now().minus(in.params().historyToKeep());
    List<LoadPoint> out = new ArrayList<>();
    for (LoadPoint p : in.history()) {
      if (!p.at().isBefore(oldest) && p.at().isBefore(in.now())) {
        out.add(p);
      }
    }
    out.add(new LoadPoint(in.now(), load));
    return out.size() > MAX_HISTORY ? out.subList(out.size() - MAX_HISTORY, out.size()) : out;
  }

  private static AutoscalingDecision none(AutoscalingInput in, String reason) {
    return decision(in, Outcome.NONE, in.current(), reason, in.history());
  }

  private static AutoscalingDecision decision(
      AutoscalingInput in, Outcome outcome, int desired, String reason, List<LoadPoint> history) {
    OptionalDouble utilization = in.utilization();
    return new AutoscalingDecision(
        outcome,
        in.now(),
        in.current(),
        desired,
        utilization,
        in.params().setpoint(),
        reason,
        history);
  }
}
