package io.paasta.monitoring.check;

import java.time.Instant;
import java.util.List;

/**
 * Every check of a long-running instance, and the check of a scheduled job: pure functions of a
 * snapshot and the time.
 */
public final class InstanceChecks {
  private final CheckSettings settings;

  public InstanceChecks(CheckSettings settings) {
    this.settings = settings;
  }

  /**
   * Replication, deploy, crash loop, OOM kills and health checks, in that order; then, for an
   * autoscaled instance, the autoscaler's max-instances check.
   */
  public List<CheckResult> evaluate(InstanceSnapshot snapshot, Instant now) {
    List<CheckResult> results =
        new java.util.ArrayList<>(
            List.of(
                ReplicationCheck.evaluate(snapshot, now, settings),
                DeployCheck.evaluate(snapshot, now, settings),
                CrashLoopCheck.evaluate(snapshot, now, settings),
                OomCheck.evaluate(snapshot, now, settings),
                HealthcheckCheck.evaluate(snapshot)));
    snapshot
        .autoscaler()
        .ifPresent(
            a ->
                results.add(
                    AutoscalerMaxInstancesCheck.evaluate(
                        snapshot.ref(), a.current(), a.max(), a.utilization(), a.setpoint())));
    return List.copyOf(results);
  }

  /**
   * The checks of a scheduled job: {@code check_chronos_jobs} (none while the job never ran) and
   * {@code setup_chronos_job}.
   */
  public List<CheckResult> evaluate(JobSnapshot job, Instant now) {
    return JobCheck.evaluate(job, now);
  }

  public CheckSettings settings() {
    return settings;
  }
}
