package io.paasta.server.monitoring;

import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.monitoring.BounceTracker;
import io.paasta.monitoring.CheckState;
import io.paasta.monitoring.MonitoringRunner;
import io.paasta.monitoring.check.DeployProgress;
import io.paasta.monitoring.check.InstanceSnapshot;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.server.loop.PassParticipant;
import io.paasta.server.loop.PassResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates an instance's monitoring checks after each of its passes, from what the pass observed:
 * the runner keeps each check to its {@code check_every} and routes the events. An instance gone
 * from soa-configs, or not deployed, has no checks (alerted ones are resolved).
 */
public final class MonitoringParticipant implements PassParticipant {
  private final MonitoringRunner runner;
  private final BounceTracker bounces = new BounceTracker();
  private final Function<InstanceRef, Optional<Map<String, Integer>>> smartstack;
  private final Function<InstanceRef, List<Instant>> oomKills;

  /**
   * @param smartstack UP backends per discover location of an instance in SmartStack (empty for an
   *     instance that is not)
   * @param oomKills when the instance's tasks were killed by the OOM killer
   */
  public MonitoringParticipant(
      MonitoringRunner runner,
      Function<InstanceRef, Optional<Map<String, Integer>>> smartstack,
      Function<InstanceRef, List<Instant>> oomKills) {
    this.runner = runner;
    this.smartstack = smartstack;
    this.oomKills = oomKills;
  }

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
    boolean bouncing = BounceTracker.isBouncing(desired.appId(), result.observed().tasks());
    Optional<Instant> since = bounces.observe(ref, bouncing, result.at());
    runner.evaluate(
        List.of(
            new InstanceSnapshot(
                ref,
                config.monitoring(),
                desired.instances(),
                config.replicationThreshold(),
                result.observed().tasks(),
                smartstack.apply(ref),
                new DeployProgress(since, result.error(), result.summary()),
                oomKills.apply(ref))));
  }

  /** The instance's checks as last evaluated, for {@code paasta status}. */
  public List<CheckState> states(InstanceRef ref) {
    return runner.currentStates(ref);
  }
}
