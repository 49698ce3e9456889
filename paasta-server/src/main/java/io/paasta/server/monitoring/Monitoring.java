package io.paasta.server.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.SystemConfig;
import io.paasta.monitoring.AlertJournal;
import io.paasta.monitoring.MonitoringRunner;
import io.paasta.monitoring.check.CheckSettings;
import io.paasta.monitoring.check.InstanceChecks;
import io.paasta.monitoring.send.EventDispatcher;
import io.paasta.monitoring.send.MonitoringLog;
import io.paasta.monitoring.send.SenderSettings;
import io.paasta.monitoring.send.Senders;
import io.paasta.server.DaemonLog;
import io.paasta.server.jobs.JobsView;
import io.paasta.server.smartstack.NamespaceReplication;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The daemon's monitoring: the senders chosen by the system config (each behind its bounded queue),
 * the check runner, the participant that feeds it after every pass, and the checks of scheduled
 * jobs every minute. Closing stops the job checks and the senders.
 */
public final class Monitoring implements AutoCloseable {
  private final EventDispatcher dispatcher;
  private final MonitoringParticipant participant;
  private final JobMonitoring jobChecks;
  private final ScheduledExecutorService jobTimer;

  private Monitoring(
      EventDispatcher dispatcher,
      MonitoringParticipant participant,
      JobMonitoring jobChecks,
      ScheduledExecutorService jobTimer) {
    this.dispatcher = dispatcher;
    this.participant = participant;
    this.jobChecks = jobChecks;
    this.jobTimer = jobTimer;
  }

  /**
   * @param smartstack what the replication check of an instance reads from SmartStack
   * @param requestPassAfter asks for a pass of an instance after a delay
   * @param journal where the alert state outlives the daemon
   * @param jobs the scheduler's jobs, whose checks run every {@link JobMonitoring#EVERY}
   * @param jobConfigs a job's config in the daemon's soa-configs
   */
  public static Monitoring start(
      SystemConfig system,
      MeterRegistry metrics,
      DaemonLog log,
      Clock clock,
      Function<InstanceRef, Optional<NamespaceReplication>> smartstack,
      Function<InstanceRef, List<Instant>> oomKills,
      BiConsumer<InstanceRef, Duration> requestPassAfter,
      AlertJournal journal,
      JobsView jobs,
      Function<InstanceRef, Optional<JobConfig>> jobConfigs) {
    return start(
        system,
        metrics,
        log,
        clock,
        smartstack,
        oomKills,
        requestPassAfter,
        journal,
        jobs,
        jobConfigs,
        e -> {},
        ref -> Optional.empty());
  }

  /**
   * As the other {@code start}, also telling {@code alsoTell} of every event (alerts and
   * resolutions: the check results that change), for the service's log, and with what the
   * autoscaler knows of autoscaled instances (for {@code check_autoscaler_max_instances}).
   */
  public static Monitoring start(
      SystemConfig system,
      MeterRegistry metrics,
      DaemonLog log,
      Clock clock,
      Function<InstanceRef, Optional<NamespaceReplication>> smartstack,
      Function<InstanceRef, List<Instant>> oomKills,
      BiConsumer<InstanceRef, Duration> requestPassAfter,
      AlertJournal journal,
      JobsView jobs,
      Function<InstanceRef, Optional<JobConfig>> jobConfigs,
      java.util.function.Consumer<io.paasta.monitoring.alert.Event> alsoTell,
      Function<InstanceRef, Optional<io.paasta.monitoring.check.AutoscalerSnapshot>> autoscaling) {
    MonitoringLog monitoringLog =
        new MonitoringLog() {
          @Override
          public void info(String message) {
            log.info("monitoring", message);
          }

          @Override
          public void warn(String message) {
            log.warn("monitoring", message);
          }
        };
    SenderSettings.Parsed parsed = SenderSettings.from(system);
    parsed.problems().forEach(problem -> monitoringLog.warn("system config: " + problem));
    EventDispatcher dispatcher = Senders.dispatcher(parsed.settings(), metrics, monitoringLog);
    MonitoringRunner runner =
        new MonitoringRunner(
            system.cluster(),
            new InstanceChecks(CheckSettings.DEFAULTS),
            event -> {
              dispatcher.offer(event);
              alsoTell.accept(event);
            },
            metrics,
            monitoringLog,
            clock,
            journal);
    monitoringLog.info(
        "events go to "
            + dispatcher.senders()
            + " (system config: monitoring_senders, sensu_host/sensu_port, event_webhook_url)");
    JobMonitoring jobChecks = new JobMonitoring(runner, jobs, jobConfigs, monitoringLog);
    ScheduledExecutorService jobTimer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "paasta-job-checks");
              thread.setDaemon(true);
              return thread;
            });
    long every = JobMonitoring.EVERY.toMillis();
    jobTimer.scheduleWithFixedDelay(
        () -> evaluateJobs(jobChecks, monitoringLog), every, every, TimeUnit.MILLISECONDS);
    return new Monitoring(
        dispatcher,
        new MonitoringParticipant(runner, smartstack, oomKills, requestPassAfter, autoscaling),
        jobChecks,
        jobTimer);
  }

  /** One run of the job checks; a failure is logged and the next run comes as planned. */
  private static void evaluateJobs(JobMonitoring jobChecks, MonitoringLog log) {
    try {
      jobChecks.evaluate();
    } catch (RuntimeException e) {
      log.warn("job checks failed: " + e);
    }
  }

  /** The checks of the scheduled jobs (run every minute by this monitoring). */
  public JobMonitoring jobChecks() {
    return jobChecks;
  }

  public MonitoringParticipant participant() {
    return participant;
  }

  /** The instance's checks as the status document lists them. */
  public List<Map<String, Object>> checks(InstanceRef ref) {
    return CheckStatesDocument.of(participant.states(ref));
  }

  @Override
  public void close() {
    jobTimer.shutdownNow();
    dispatcher.close();
  }
}
