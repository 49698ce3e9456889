package io.paasta.planning.autoscaling;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the autoscaler decided for one instance, and the load history to store with it.
 *
 * @param desired the new count (equal to {@code current} unless the outcome is {@code SCALE})
 * @param reason why, as PaaSTA words it ({@code 25% overutilized}, {@code Delaying scaling down
 *     ...})
 */
public record AutoscalingDecision(
    Outcome outcome,
    Instant at,
    int current,
    int desired,
    OptionalDouble utilization,
    double setpoint,
    String reason,
    List<LoadPoint> history) {

  /** The three kinds of result. */
  public enum Outcome {
    /** The count changes. */
    SCALE,
    /** The count stays as it is. */
    STAY,
    /** Nothing was decided: bespoke, or no utilization to decide from. */
    NONE
  }

  public AutoscalingDecision {
    history = List.copyOf(history);
  }

  public boolean changesCount() {
    return outcome == Outcome.SCALE;
  }

  /** The log line: {@code Scaling from X to Y instances (N% overutilized)}. */
  public String message() {
    return switch (outcome) {
      case SCALE -> "Scaling from " + current + " to " + desired + " instances (" + reason + ")";
      case STAY -> "Staying at " + current + " instances (" + reason + ")";
      case NONE -> "No autoscaling decision (" + reason + ")";
    };
  }
}
