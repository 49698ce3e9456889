package io.paasta.server.autoscaling;

import io.paasta.model.InstanceRef;
import java.util.OptionalInt;

/**
 * The instance counts the autoscaler (or {@code paasta autoscale --set}, or the API) chose for
 * autoscaled instances (SPEC section 11). The desired state clamps a stored count to the instance's
 * [min_instances, max_instances]; a change is a scale, not a bounce. Counts must survive a daemon
 * restart.
 */
public interface AutoscalerCounts {
  /** The stored count of the instance (service and instance within its cluster), if any. */
  OptionalInt get(InstanceRef ref);

  /**
   * Stores the count of the instance.
   *
   * @throws AutoscalerStoreException when it cannot be stored
   */
  void set(InstanceRef ref, int count);

  /** No count is ever stored: autoscaled instances run max_instances. */
  static AutoscalerCounts none() {
    return new AutoscalerCounts() {
      @Override
      public OptionalInt get(InstanceRef ref) {
        return OptionalInt.empty();
      }

      @Override
      public void set(InstanceRef ref, int count) {
        throw new AutoscalerStoreException(
            "this daemon keeps no autoscaler counts (it was started without a state directory)");
      }
    };
  }
}
