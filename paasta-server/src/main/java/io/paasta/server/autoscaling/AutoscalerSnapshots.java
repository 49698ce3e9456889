package io.paasta.server.autoscaling;

import io.paasta.model.DesiredState;
import io.paasta.model.LongRunningConfig;
import io.paasta.monitoring.check.AutoscalerSnapshot;
import io.paasta.planning.app.DesiredInstanceFactory;
import io.paasta.planning.autoscaling.AutoscalingParams;
import io.paasta.planning.autoscaling.AutoscalingParams.DecisionPolicy;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** What {@code check_autoscaler_max_instances} reads of an instance the autoscaler decides. */
public final class AutoscalerSnapshots {
  private AutoscalerSnapshots() {}

  /**
   * The count, bounds, last utilization and setpoint of an autoscaled instance whose params are
   * usable; empty for others (not autoscaled, bespoke, wrong params).
   */
  public static Optional<AutoscalerSnapshot> of(
      Optional<LongRunningConfig> config, AutoscalerCounts counts, AutoscalerHistory history) {
    if (config.isEmpty() || !config.get().autoscaled()) {
      return Optional.empty();
    }
    LongRunningConfig c = config.get();
    AutoscalingParams params;
    try {
      params = AutoscalingParams.from(c.autoscaling());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (params.policy() == DecisionPolicy.BESPOKE) {
      return Optional.empty();
    }
    int current = DesiredInstanceFactory.desiredCount(c, DesiredState.START, counts.get(c.ref()));
    int max =
        DesiredInstanceFactory.desiredCount(
            c, DesiredState.START, OptionalInt.of(Integer.MAX_VALUE));
    OptionalDouble utilization =
        history.last(c.ref()).map(AutoscalerStatus::utilization).orElse(OptionalDouble.empty());
    return Optional.of(new AutoscalerSnapshot(current, max, utilization, params.setpoint()));
  }
}
