package io.paasta.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.paasta.model.InstanceRef;
import io.paasta.monitoring.alert.Event;
import io.paasta.monitoring.alert.EventFactory;
import io.paasta.monitoring.check.CheckResult;
import io.paasta.monitoring.check.InstanceChecks;
import io.paasta.monitoring.check.InstanceSnapshot;
import io.paasta.monitoring.check.JobSnapshot;
import io.paasta.monitoring.send.MonitoringLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the daemon calls to monitor: evaluates the checks of the instances and jobs it is given
 * (every call steps each check: alert_after counts from the first failing evaluation, re-alerts and
 * resolves keep to {@code check_every}, so calling on every pass is fine; {@link #nextEvaluation}
 * says when to call again for an alert to come on time), keeps each check's alert state in memory
 * and what a restart must know of it in an {@link AlertJournal}, and hands the events that routing
 * selects to the sink (the {@code EventDispatcher}, which never blocks). Thread-safe; instances may
 * be evaluated from several threads at once. A snapshot whose checks throw is logged and skipped:
 * bad input never stops the daemon.
 */
public final class MonitoringRunner {
  private final InstanceChecks checks;
  private final Consumer<Event> sink;
  private final MonitoringLog log;
  private final Clock clock;
  private final CheckMetrics metrics;
  private final AlertBook book;
  private final String cluster;

  public MonitoringRunner(
      String cluster,
      InstanceChecks checks,
      Consumer<Event> sink,
      MeterRegistry registry,
      MonitoringLog log,
      Clock clock) {
    this(cluster, checks, sink, registry, log, clock, AlertJournal.NONE);
  }

  /**
   * @param journal where the alert state outlives the daemon (read now, written on the changes a
   *     restart must know)
   */
  public MonitoringRunner(
      String cluster,
      InstanceChecks checks,
      Consumer<Event> sink,
      MeterRegistry registry,
      MonitoringLog log,
      Clock clock,
      AlertJournal journal) {
    this.cluster = cluster;
    this.checks = checks;
    this.sink = sink;
    this.log = log;
    this.clock = clock;
    this.metrics = new CheckMetrics(registry);
    this.book = new AlertBook(new EventFactory(cluster), metrics, log::warn, journal);
  }

  /** Evaluates every check of these long-running instances; returns the events sent. */
  public List<Event> evaluate(List<InstanceSnapshot> instances) {
    return metrics
        .evaluation()
        .record(
            () -> {
              Instant now = clock.instant();
              List<Event> events = new ArrayList<>();
              for (InstanceSnapshot snapshot : instances) {
                try {
                  List<CheckResult> results = checks.evaluate(snapshot, now);
                  book.record(snapshot.ref(), snapshot.monitoring(), results, now, events);
                } catch (RuntimeException e) {
                  log.warn(snapshot.ref() + ": checks failed: " + e);
                }
              }
              return send(events);
            });
  }

  /** Evaluates the check of these scheduled jobs; returns the events sent. */
  public List<Event> evaluateJobs(List<JobSnapshot> jobs) {
    Instant now = clock.instant();
    List<Event> events = new ArrayList<>();
    for (JobSnapshot job : jobs) {
      try {
        book.record(job.ref(), job.monitoring(), checks.evaluate(job, now), now, events);
      } catch (RuntimeException e) {
        log.warn(job.ref() + ": job check failed: " + e);
      }
    }
    return send(events);
  }

  /** The checks of an instance or job as last evaluated, in check order; empty when unknown. */
  public List<CheckState> currentStates(InstanceRef ref) {
    return book.states(ref);
  }

  /**
   * When the checks of an instance or job should next be evaluated so that a failure is alerted at
   * its {@code alert_after} (and re-alerts and resolves keep to {@code check_every}) even when
   * nothing else makes the daemon look at it; empty when none of them is failing or alerted.
   */
  public Optional<Instant> nextEvaluation(InstanceRef ref) {
    return book.nextEvaluation(ref);
  }

  /**
   * Stops monitoring an instance that is no longer configured: its state is dropped and every
   * alerted failure is resolved. Returns the events sent.
   */
  public List<Event> forget(InstanceRef ref) {
    List<Event> events = new ArrayList<>();
    book.forget(
        ref,
        ref.serviceInstance() + " is no longer configured in cluster " + cluster,
        clock.instant(),
        events);
    return send(events);
  }

  /**
   * Stops monitoring a scheduled job removed from soa-configs: {@code check_chronos_jobs} sends OK
   * {@value io.paasta.monitoring.check.JobCheck#REMOVED} (alerted or not, as PaaSTA did), and an
   * alerted {@code setup_chronos_job} is resolved. Only a job evaluated since the daemon started
   * has the monitoring config an event needs. Returns the events sent.
   */
  public List<Event> forgetJob(InstanceRef ref) {
    List<Event> events = new ArrayList<>();
    book.forget(
        ref,
        io.paasta.monitoring.check.JobCheck.REMOVED,
        Set.of(io.paasta.monitoring.check.CheckKind.JOB),
        clock.instant(),
        events);
    return send(events);
  }

  /** {@link #forget}s every instance and job not in {@code configured} (give both kinds). */
  public List<Event> retainOnly(Collection<InstanceRef> configured) {
    Set<InstanceRef> keep = new HashSet<>(configured);
    List<Event> events = new ArrayList<>();
    for (InstanceRef ref : book.refs()) {
      if (!keep.contains(ref)) {
        events.addAll(forget(ref));
      }
    }
    return events;
  }

  private List<Event> send(List<Event> events) {
    for (Event event : events) {
      sink.accept(event);
    }
    return List.copyOf(events);
  }
}
