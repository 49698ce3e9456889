package io.paasta.monitoring.check;

import io.paasta.model.InstanceRef;
import io.paasta.model.MonitoringConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the check of one scheduled job looks at.
 *
 * @param disabled {@code disabled: true}, or desired_state stop
 * @param interval the time between runs of its schedule (empty for a job run by its parents, or a
 *     schedule without a fixed interval)
 * @param epsilon how late a run may still start ({@code epsilon}, default PT60S)
 * @param lastRun the latest run, if there was one
 * @param scheduledSince since when the job has been scheduled as it is (its creation or last
 *     change): a job that never ran is stuck once a run is overdue from this time
 */
public record JobSnapshot(
    InstanceRef ref,
    MonitoringConfig monitoring,
    boolean disabled,
    Optional<Duration> interval,
    Duration epsilon,
    Optional<JobRun> lastRun,
    Instant scheduledSince) {
  public JobSnapshot {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(monitoring, "monitoring");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(epsilon, "epsilon");
    Objects.requireNonNull(lastRun, "lastRun");
    Objects.requireNonNull(scheduledSince, "scheduledSince");
  }
}
