package io.paasta.server.loop;

import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.plan.Plan;
import io.paasta.server.DaemonLog;
import java.time.Clock;
import java.util.Optional;

/**
 * The planning step of a pass, the one path both a daemon's pass ({@link InstanceReconciler}) and
 * {@code paasta plan} take: the instance's tasks as the backend observes them now, with what the
 * pass participants add to them (UP in HAProxy, for {@code check_haproxy}), and the backend's plan
 * (the pure task planner's unless the backend plans its own way) from them and the desired state.
 * It executes nothing.
 */
public final class PassPlanner {
  private final Backend backend;
  private final PassParticipant participant;
  private final DaemonLog log;
  private final Clock clock;

  public PassPlanner(Backend backend, PassParticipant participant, DaemonLog log, Clock clock) {
    this.backend = backend;
    this.participant = participant;
    this.log = log;
    this.clock = clock;
  }

  /** What a pass observed and the plan it made from it. */
  public record Planned(ObservedInstance observed, Plan plan) {}

  /**
   * @param inConfig as {@code ClusterDesiredState.of}: empty when the instance is gone from
   *     soa-configs; inside, empty when it is not deployed
   * @param config the instance in soa-configs
   */
  public Planned plan(
      InstanceRef ref,
      Optional<Optional<DesiredInstance>> inConfig,
      Optional<LongRunningConfig> config) {
    ObservedInstance observed = withParticipants(ref, config, backend.observe(ref));
    Plan plan =
        backend.plan(
            ref,
            inConfig.isPresent(),
            inConfig.orElse(Optional.empty()),
            config,
            observed,
            clock.instant());
    return new Planned(observed, plan);
  }

  private ObservedInstance withParticipants(
      InstanceRef ref, Optional<LongRunningConfig> config, ObservedInstance observed) {
    try {
      return participant.observed(ref, config, observed);
    } catch (RuntimeException e) {
      log.error(ref.service() + "." + ref.instance(), "before planning: " + e);
      return observed;
    }
  }
}
