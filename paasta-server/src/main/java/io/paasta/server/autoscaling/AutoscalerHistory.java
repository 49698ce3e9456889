package io.paasta.server.autoscaling;

import io.paasta.model.InstanceRef;
import io.paasta.planning.autoscaling.LoadPoint;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The autoscaler's memory that survives a restart: load history and last decision per instance. */
public interface AutoscalerHistory {
  /** The stored load history of the instance, oldest first. */
  List<LoadPoint> history(InstanceRef ref);

  /** The last decision about the instance, if any. */
  Optional<AutoscalerStatus> last(InstanceRef ref);

  /**
   * Stores a decision: the new count (when it changes), the history and the decision, all in one
   * transaction: a daemon killed meanwhile finds all or none of them.
   *
   * @throws AutoscalerStoreException when it cannot be stored
   */
  void record(
      InstanceRef ref, AutoscalerStatus decision, List<LoadPoint> history, OptionalInt count);
}
