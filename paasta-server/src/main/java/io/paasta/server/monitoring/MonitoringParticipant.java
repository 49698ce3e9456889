package io.paasta.server.monitoring;

import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.monitoring.BounceTracker;
import io.paasta.monitoring.CheckState;
import io.paasta.monitoring.MonitoringRunner;
import io.paasta.monitoring.check.AutoscalerSnapshot;
import io.paasta.monitoring.check.DeployProgress;
import io.paasta.monitoring.check.InstanceSnapshot;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.server.loop.PassParticipant;
import io.paasta.server.loop.PassResult;
import io.paasta.server.smartstack.NamespaceReplication;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Evaluates an instance's monitoring checks after each of its passes, from what the pass observed:
 * the runner steps each check's alert state and routes the events, and says when a failing check
 * must be looked at again for its alert to come on time (a pass is asked for then). An instance
 * gone from soa-configs, or not deployed, has no checks (alerted ones are resolved).
 */
public final class MonitoringParticipant implements PassParticipant {
  private final MonitoringRunner runner;
  private final BounceTracker bounces = new BounceTracker();
  private final Function<InstanceRef, Optional<NamespaceReplication>> smartstack;
  private final Function<InstanceRef, List<Instant>> oomKills;
  private final BiConsumer<InstanceRef, Duration> requestPassAfter;
  private final Function<InstanceRef, Optional<AutoscalerSnapshot>> autoscaling;

  /**
   * @param smartstack what the replication check of an instance reads from SmartStack (empty for an
   *     instance judged by its own tasks)
   * @param oomKills when the instance's tasks were killed by the OOM killer
   * @param requestPassAfter asks for a pass of the instance after a delay (so that a failing check
   *     is evaluated again when its alert is due, whatever else happens)
   * @param autoscaling what the autoscaler knows of an autoscaled instance (empty for others)
   */
  public MonitoringParticipant(
      MonitoringRunner runner,
      Function<InstanceRef, Optional<NamespaceReplication>> smartstack,
      Function<InstanceRef, List<Instant>> oomKills,
      BiConsumer<InstanceRef, Duration> requestPassAfter,
      Function<InstanceRef, Optional<AutoscalerSnapshot>> autoscaling) {
    this.runner = runner;
    this.smartstack = smartstack;
    this.oomKills = oomKills;
    this.requestPassAfter = requestPassAfter;
    this.autoscaling = autoscaling;
  }

  /** Passes asked for by the alert timeline come at least this far apart. */
  static final Duration MIN_RECHECK = Duration.ofSeconds(1);

  @Override
  public void passed(PassResult result) {
    InstanceRef ref = result.ref();
    if (result.config().isEmpty() || result.desired().isEmpty()) {
      runner.forget(ref);
      bounces.forget(ref);
      return;
    }
    LongRunningConfig config = result.config().get();
    DesiredInstance desired = result.desired().get();
    Optional<Instant> since =
        bounces.observe(ref, desired.appId(), result.observed().tasks(), result.at());
    Optional<NamespaceReplication> namespace = smartstack.apply(ref);
    runner.evaluate(
        List.of(
            new InstanceSnapshot(
                ref,
                config.monitoring(),
                namespace.map(NamespaceReplication::expected).orElse(desired.instances()),
                config.replicationThreshold(),
                result.observed().tasks(),
                namespace.map(NamespaceReplication::upByLocation),
                new DeployProgress(since, result.error(), result.summary()),
                oomKills.apply(ref),
                autoscaling.apply(ref))));
    runner
        .nextEvaluation(ref)
        .ifPresent(at -> requestPassAfter.accept(ref, delayUntil(result.at(), at)));
  }

  private static Duration delayUntil(Instant now, Instant at) {
    Duration delay = Duration.between(now, at);
    return delay.compareTo(MIN_RECHECK) < 0 ? MIN_RECHECK : delay;
  }

  /** The instance's checks as last evaluated, for {@code paasta status}. */
  public List<CheckState> states(InstanceRef ref) {
    return runner.currentStates(ref);
  }
}
