package io.paasta.server.jobs;

import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobRunStore;
import io.paasta.planning.jobs.JobRuns;
import io.paasta.planning.jobs.JobTask;
import io.paasta.planning.jobs.RunTrigger;
import io.paasta.server.DaemonLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runs the engine starts by itself (a Kubernetes CronJob's Jobs: tasks observed with run id 0)
 * recorded in the run history as scheduled runs of one attempt (the engine retries inside the
 * attempt), so that status, checks and reruns see them as the scheduler's own. The store creates a
 * run once per job and execution date: a daemon stopped between recording a run and naming its task
 * records the same run again, not a second one.
 */
final class EngineRuns {
  private final JobRunStore store;
  private final JobRunner runner;
  private final JobHistories histories;
  private final DaemonLog log;
  private final Clock clock;

  EngineRuns(
      JobRunStore store, JobRunner runner, JobHistories histories, DaemonLog log, Clock clock) {
    this.store = store;
    this.runner = runner;
    this.histories = histories;
    this.log = log;
    this.clock = clock;
  }

  /**
   * The tasks with each engine-started one of {@code byItself}'s jobs named by its recorded run;
   * engine-started tasks of other jobs, or not yet named, are left out (they are no strays to
   * kill).
   */
  List<JobTask> record(
      List<JobTask> tasks, Map<InstanceRef, DesiredJob> desired, Set<InstanceRef> byItself) {
    List<JobTask> named = new ArrayList<>();
    for (JobTask task : tasks) {
      if (task.runId() != 0) {
        named.add(task);
        continue;
      }
      DesiredJob job = desired.get(task.job());
      if (job == null || job.template().isEmpty() || !byItself.contains(task.job())) {
        continue;
      }
      try {
        JobRun run =
            store.create(
                JobRuns.withTask(
                    JobRuns.started(
                        task.job(),
                        task.executionDate(),
                        RunTrigger.SCHEDULE,
                        1,
                        1,
                        job.template().get(),
                        task.startedAt().orElse(clock.instant()),
                        "started by the engine's schedule (its CronJob)"),
                    task.taskId()));
        histories.record(run);
        runner.adopt(task.taskId(), run.runId());
        log.info(
            JobActionExecutor.SUBJECT,
            job.id()
                + ": run "
                + run.runId()
                + " started by its CronJob as task "
                + task.taskId()
                + " (execution date "
                + run.executionDate()
                + ")");
        named.add(withRun(task, run.runId()));
      } catch (BackendException e) {
        log.warn(
            JobActionExecutor.SUBJECT,
            job.id() + ": task " + task.taskId() + " cannot be named: " + e.getMessage());
      }
    }
    return named;
  }

  private static JobTask withRun(JobTask task, long runId) {
    return new JobTask(
        task.taskId(),
        task.job(),
        runId,
        1,
        task.executionDate(),
        task.gitSha(),
        task.configHash(),
        task.running(),
        task.startedAt(),
        task.finishedAt(),
        task.exitCode(),
        task.lostReason());
  }
}
