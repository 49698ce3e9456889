package io.paasta.server.status;

import io.paasta.model.InstanceRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other parts of the daemon add to an instance's status document: its SmartStack line and its
 * monitoring checks, as JSON-ready maps.
 */
public interface StatusExtras {
  /**
   * {@code {"locations": [{"name": "region:local", "running_backends": 3, "expected_backends":
   * 3}]}}; empty when the instance is not in SmartStack (or the daemon runs none).
   */
  Optional<Map<String, Object>> smartstack(InstanceRef ref);

  /** The tasks as a pass sees them (marked UP in HAProxy when SmartStack runs). */
  default io.paasta.planning.observed.ObservedInstance observed(
      InstanceRef ref, io.paasta.planning.observed.ObservedInstance observed) {
    return observed;
  }

  /** {@code [{"name", "status": 0-3, "output", "since"}]}: the checks as last evaluated. */
  List<Map<String, Object>> checks(InstanceRef ref);

  /**
   * {@code {"metrics_provider", "decision_policy", "setpoint", "utilization", "last_decision",
   * ...}} for an autoscaled instance; empty otherwise (or when the daemon runs no autoscaler).
   */
  default Optional<Map<String, Object>> autoscaling(InstanceRef ref) {
    return Optional.empty();
  }

  /**
   * {@code {"stopped_by", "stopped_at", "lifted_by"}} while an emergency stop is in force; empty
   * otherwise.
   */
  default Optional<Map<String, Object>> emergencyStop(InstanceRef ref) {
    return Optional.empty();
  }

  StatusExtras NONE =
      new StatusExtras() {
        @Override
        public Optional<Map<String, Object>> smartstack(InstanceRef ref) {
          return Optional.empty();
        }

        @Override
        public List<Map<String, Object>> checks(InstanceRef ref) {
          return List.of();
        }
      };
}
