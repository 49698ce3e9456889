package io.paasta.monitoring.check;

import io.paasta.model.InstanceRef;
import io.paasta.model.MonitoringConfig;
import io.paasta.planning.jobs.JobStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the checks of one scheduled job look at.
 *
 * @param monitoring the job's monitoring config with the defaults of job checks applied ({@link
 *     #of})
 * @param status the job as the daemon's scheduler sees it now
 * @param interval the time between runs of its schedule; empty for a job run by its parents, or a
 *     schedule that has ended (no next run): such a job is never stuck
 */
public record JobSnapshot(
    InstanceRef ref, MonitoringConfig monitoring, JobStatus status, Optional<Duration> interval) {
  /** {@code realert_every} of a job when its monitoring config sets none: at most a day. */
  public static final Duration MAX_DEFAULT_REALERT = Duration.ofDays(1);

  public JobSnapshot {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(monitoring, "monitoring");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(interval, "interval");
  }

  /**
   * The snapshot of a job whose monitoring config is {@code configured}: unless it sets {@code
   * realert_every}, a failing job re-alerts every min(schedule interval, 1 day) (a day when the
   * interval is unknown), as PaaSTA's chronos checks did.
   */
  public static JobSnapshot of(
      MonitoringConfig configured, JobStatus status, Optional<Duration> interval) {
    MonitoringConfig monitoring = configured;
    if (configured.realertEvery().isEmpty()) {
      Duration every =
          interval
              .filter(i -> i.compareTo(MAX_DEFAULT_REALERT) < 0 && !i.isZero())
              .orElse(MAX_DEFAULT_REALERT);
      monitoring =
          new MonitoringConfig(
              configured.team(),
              configured.notificationEmail(),
              configured.page(),
              configured.runbook(),
              configured.tip(),
              configured.ticket(),
              configured.project(),
              configured.ircChannels(),
              configured.slackChannels(),
              configured.alertAfter(),
              Optional.of(every.getSeconds() + "s"),
              configured.checkEvery(),
              configured.priority(),
              configured.tags(),
              configured.extra());
    }
    return new JobSnapshot(status.job(), monitoring, status, interval);
  }
}
