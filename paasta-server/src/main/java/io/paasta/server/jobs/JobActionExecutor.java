package io.paasta.server.jobs;

import io.paasta.config.schedule.TimeVariables;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.RunSpec;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.jobs.JobAction;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobRunStore;
import io.paasta.planning.jobs.JobRuns;
import io.paasta.planning.jobs.JobTemplate;
import io.paasta.planning.jobs.RunState;
import io.paasta.server.DaemonLog;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out a pass's {@link JobAction}s through the {@link JobRunStore} and the backend's {@link
 * JobRunner}, keeping the {@link JobHistories} in step. A run's row is written before its attempt's
 * container starts and updated after, so a SIGKILL at any moment neither runs a scheduled time
 * twice nor loses a running run. An attempt that cannot start (image not in the registry, engine
 * away) fails its run with the runner's message; other jobs go on.
 */
final class JobActionExecutor {
  static final String SUBJECT = "jobs";

  private final JobRunStore store;
  private final JobRunner runner;
  private final JobHistories histories;
  private final DaemonLog log;
  private final Clock clock;

  JobActionExecutor(
      JobRunStore store, JobRunner runner, JobHistories histories, DaemonLog log, Clock clock) {
    this.store = store;
    this.runner = runner;
    this.histories = histories;
    this.log = log;
    this.clock = clock;
  }

  /** Carries out one action; a failure is logged and leaves the others to run. */
  void execute(JobAction action, Map<InstanceRef, DesiredJob> desired) {
    try {
      if (action instanceof JobAction.StartRun start) {
        JobRun created = store.create(start.run());
        histories.record(created);
        log.info(SUBJECT, line(created, "run " + created.runId() + " created: " + start.reason()));
        startAttempt(created, start.template(), desired);
      } else if (action instanceof JobAction.StartAttempt attempt) {
        store.update(attempt.run());
        histories.record(attempt.run());
        log.info(SUBJECT, line(attempt.run(), attempt.reason()));
        startAttempt(attempt.run(), attempt.template(), desired);
      } else if (action instanceof JobAction.RecordRun record) {
        JobRun created = store.create(record.run());
        histories.record(created);
        log.warn(SUBJECT, line(created, "run " + created.runId() + " " + record.reason()));
      } else if (action instanceof JobAction.UpdateRun update) {
        store.update(update.run());
        histories.record(update.run());
        logUpdate(update);
      } else if (action instanceof JobAction.KillTask kill) {
        log.info(SUBJECT, JobRuns.id(kill.job()) + ": " + kill.reason());
        runner.kill(kill.taskId());
      } else if (action instanceof JobAction.RemoveTask remove) {
        runner.remove(remove.taskId());
      } else if (action instanceof JobAction.ForgetJob forget) {
        store.forget(forget.job());
        histories.forget(forget.job());
        log.info(SUBJECT, JobRuns.id(forget.job()) + ": " + forget.reason());
      }
    } catch (RuntimeException e) {
      log.error(
          SUBJECT,
          JobRuns.id(action.job())
              + ": "
              + action.getClass().getSimpleName()
              + " failed ("
              + action.reason()
              + "): "
              + e);
    }
  }

  private static String line(JobRun run, String what) {
    return JobRuns.id(run.job()) + ": " + what;
  }

  private void logUpdate(JobAction.UpdateRun update) {
    String line = line(update.run(), update.reason());
    if (update.run().state() == RunState.FAILED) {
      log.warn(SUBJECT, line);
    } else {
      log.info(SUBJECT, line);
    }
  }

  /** Starts the run's current attempt; records its task, or the run's failure to start. */
  private void startAttempt(
      JobRun run, JobTemplate template, Map<InstanceRef, DesiredJob> desired) {
    ZoneId zone =
        Optional.ofNullable(desired.get(run.job())).map(DesiredJob::zone).orElse(ZoneOffset.UTC);
    JobRun done;
    try {
      JobLaunch launch =
          new JobLaunch(
              run.job(),
              run.runId(),
              run.attempts(),
              run.executionDate(),
              filled(template.spec(), run, zone));
      String taskId = runner.start(launch);
      done = JobRuns.withTask(run, taskId);
      log.info(
          SUBJECT,
          JobRuns.id(run.job())
              + ": run "
              + run.runId()
              + " attempt "
              + run.attempts()
              + " of "
              + run.maxAttempts()
              + " started as task "
              + taskId
              + " (execution date "
              + run.executionDate()
              + ")");
    } catch (BackendException | IllegalArgumentException e) {
      done =
          JobRuns.finished(
              run,
              RunState.FAILED,
              clock.instant(),
              run.exitCode(),
              "attempt " + run.attempts() + " could not start: " + e.getMessage());
      log.warn(
          SUBJECT, JobRuns.id(run.job()) + ": run " + run.runId() + " failed: " + done.message());
    }
    store.update(done);
    histories.record(done);
  }

  /** The spec with the cmd's time variables filled from the run's execution date. */
  static RunSpec filled(RunSpec spec, JobRun run, ZoneId zone) {
    Optional<String> cmd =
        spec.cmd().map(c -> TimeVariables.fill(c, run.executionDate().atZone(zone)));
    return new RunSpec(
        spec.image(),
        cmd,
        spec.args(),
        spec.env(),
        spec.cpus(),
        spec.memMb(),
        spec.diskMb(),
        spec.cpuPeriodUs(),
        spec.cpuQuotaUs(),
        spec.memSwapMb(),
        spec.volumes(),
        spec.ulimits(),
        spec.capAdd(),
        spec.extraDockerArgs(),
        spec.healthcheck(),
        spec.portCount(),
        spec.labels());
  }
}
