package io.paasta.server.loop;

import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.planning.observed.ObservedInstance;
import java.util.List;
import java.util.Optional;

/**
 * A part of the daemon that takes part in every pass beside the planner: SmartStack (registers the
 * healthy tasks, tells which are UP in HAProxy) and monitoring (evaluates the checks). A
 * participant that fails is logged and skipped; it never stops the pass.
 */
public interface PassParticipant {
  /**
   * Before planning, with the tasks just observed: may act on them (register the healthy ones) and
   * return them with what it knows added (UP in HAProxy).
   *
   * @param config the instance in soa-configs; empty when it is gone from them
   */
  default ObservedInstance observed(
      InstanceRef ref, Optional<LongRunningConfig> config, ObservedInstance observed) {
    return observed;
  }

  /** After the pass, with what it observed, planned and met. */
  default void passed(PassResult result) {}

  /** Runs each participant in turn. */
  static PassParticipant all(List<PassParticipant> participants) {
    List<PassParticipant> copy = List.copyOf(participants);
    return new PassParticipant() {
      @Override
      public ObservedInstance observed(
          InstanceRef ref, Optional<LongRunningConfig> config, ObservedInstance observed) {
        ObservedInstance result = observed;
        for (PassParticipant participant : copy) {
          result = participant.observed(ref, config, result);
        }
        return result;
      }

      @Override
      public void passed(PassResult result) {
        copy.forEach(participant -> participant.passed(result));
      }
    };
  }

  PassParticipant NONE = new PassParticipant() {};
}
