package io.paasta.server.monitoring;

import io.paasta.config.schedule.ScheduleTimes;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.schedule.RunTimes;
import io.paasta.monitoring.MonitoringRunner;
import io.paasta.monitoring.alert.Event;
import io.paasta.monitoring.check.JobSnapshot;
import io.paasta.monitoring.send.MonitoringLog;
import io.paasta.planning.jobs.JobStatus;
import io.paasta.server.jobs.JobsView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks of the daemon's scheduled jobs ({@code check_chronos_jobs} and {@code
 * setup_chronos_job}), evaluated every {@link #EVERY} over what the scheduler shows ({@link
 * JobsView}) and each job's monitoring config, and routed by the runner like every other event. A
 * job gone from the scheduler since the last evaluation gets its removal OK. A job whose status or
 * config cannot be read is logged and skipped; the others are evaluated.
 */
public final class JobMonitoring {
  /** How often the job checks run. */
  public static final Duration EVERY = Duration.ofMinutes(1);

  private final MonitoringRunner runner;
  private final JobsView jobs;
  private final Function<InstanceRef, Optional<JobConfig>> configs;
  private final MonitoringLog log;
  private Set<InstanceRef> monitored = Set.of();

  /**
   * @param configs a job's config in the daemon's soa-configs (for its monitoring config and the
   *     interval of its schedule)
   */
  public JobMonitoring(
      MonitoringRunner runner,
      JobsView jobs,
      Function<InstanceRef, Optional<JobConfig>> configs,
      MonitoringLog log) {
    this.runner = runner;
    this.jobs = jobs;
    this.configs = configs;
    this.log = log;
  }

  /** Evaluates the checks of every job; returns the events sent. */
  public synchronized List<Event> evaluate() {
    Set<InstanceRef> now = new LinkedHashSet<>();
    List<JobSnapshot> snapshots = new ArrayList<>();
    for (InstanceRef ref : jobs.jobs()) {
      now.add(ref);
      try {
        snapshot(ref).ifPresent(snapshots::add);
      } catch (RuntimeException e) {
        log.warn(ref + ": job checks skipped: " + e);
      }
    }
    List<Event> events = new ArrayList<>(runner.evaluateJobs(snapshots));
    Set<InstanceRef> removed = new HashSet<>(monitored);
    removed.removeAll(now);
    for (InstanceRef ref : removed) {
      events.addAll(runner.forgetJob(ref));
    }
    monitored = Set.copyOf(now);
    return List.copyOf(events);
  }

  private Optional<JobSnapshot> snapshot(InstanceRef ref) {
    Optional<JobStatus> status = jobs.status(ref);
    Optional<JobConfig> config = configs.apply(ref);
    if (status.isEmpty() || config.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        JobSnapshot.of(
            config.get().monitoring(), status.get(), interval(config.get(), status.get())));
  }

  /**
   * The interval of the job's schedule while it has a next run; empty for a job run by its parents
   * or a schedule that has ended (such a job is never stuck).
   */
  private static Optional<Duration> interval(JobConfig config, JobStatus status) {
    if (config.schedule().isEmpty() || status.nextRun().isEmpty()) {
      return Optional.empty();
    }
    return ScheduleTimes.of(config)
        .map(RunTimes::interval)
        .filter(d -> !d.isZero() && !d.isNegative());
  }
}
