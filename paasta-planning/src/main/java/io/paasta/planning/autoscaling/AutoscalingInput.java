package io.paasta.planning.autoscaling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one decision about an instance is made from.
 *
 * @param current the count the instance runs now (its stored count within [min, max], else max)
 * @param utilization the provider's measure (mean over healthy tasks); empty when it has none
 * @param noUtilization why there is none (e.g. no healthy task); shown instead of a decision
 * @param healthy how many of the instance's tasks are healthy now
 * @param history the stored load history, oldest first
 */
public record AutoscalingInput(
    AutoscalingParams params,
    int current,
    int min,
    int max,
    OptionalDouble utilization,
    Optional<String> noUtilization,
    int healthy,
    List<LoadPoint> history,
    Instant now) {
  public AutoscalingInput {
    history = List.copyOf(history);
  }

  /** With a measured utilization. */
  public static AutoscalingInput measured(
      AutoscalingParams params,
      int current,
      int min,
      int max,
      double utilization,
      int healthy,
      List<LoadPoint> history,
      Instant now) {
    return new AutoscalingInput(
        params,
        current,
        min,
        max,
        OptionalDouble.of(utilization),
        Optional.empty(),
        healthy,
        history,
        now);
  }
}
