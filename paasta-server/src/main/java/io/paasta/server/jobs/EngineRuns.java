package io.paasta.server.jobs;

import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.jobs.JobHistory;
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
import java.util.Optional;
import java.util.Set;

/**
 * The runs the engine starts by itself (a Kubernetes CronJob's Jobs: tasks observed with run id 0)
 * recorded in the run history as scheduled runs of one attempt (the engine retries inside the
 * attempt), so that status, checks and reruns see them as the scheduler's own. The store creates a
 * run once per job and execution date: a daemon stopped between recording a run and naming its task
 * records the same run again, not a second one.
 *
 * <p>Likewise the runs another daemon of the cluster started while it led (a new leader takes
 * over): a task still running for a run this history does not know is recorded as a run of this
 * history and named by it (attempt 1, with the attempts left), never started again nor killed as a
 * stray.
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
      DesiredJob job = desired.get(task.job());
      if (task.runId() != 0) {
        if (job == null
            || job.template().isEmpty()
            || !runner.takesOverRuns()
            || !anotherDaemons(task)) {
          named.add(task);
        } else {
          adopt(
              task,
              job,
              Math.max(1, job.maxAttempts() - task.attempt() + 1),
              "run "
                  + task.runId()
                  + " (attempt "
                  + task.attempt()
                  + ") of the daemon that led before",
              named);
        }
        continue;
      }
      if (job == null || job.template().isEmpty() || !byItself.contains(task.job())) {
        continue;
      }
      adopt(task, job, 1, "started by the engine's schedule (its CronJob)", named);
    }
    return named;
  }

  /**
   * Whether the task still runs for a run this history does not know (neither in progress nor among
   * its newest): another daemon started it while it led. An ended one is left to the planner
   * (removed as an old run's), so that the old tasks of this daemon's own runs are never taken for
   * new runs.
   */
  private boolean anotherDaemons(JobTask task) {
    if (!task.running()) {
      return false;
    }
    Optional<JobHistory> history = histories.of(task.job());
    return history.isEmpty()
        || (history.get().running().map(JobRun::runId).filter(id -> id == task.runId()).isEmpty()
            && !history.get().keptRunIds().contains(task.runId()));
  }

  /** Records the task's run in this history and names the task by it. */
  private void adopt(
      JobTask task, DesiredJob job, int maxAttempts, String how, List<JobTask> named) {
    try {
      JobRun run =
          store.create(
              JobRuns.withTask(
                  JobRuns.started(
                      task.job(),
                      task.executionDate(),
                      RunTrigger.SCHEDULE,
                      1,
                      maxAttempts,
                      job.template().get(),
                      task.startedAt().orElse(clock.instant()),
                      how),
                  task.taskId()));
      histories.record(run);
      runner.adopt(task.taskId(), run.runId());
      log.info(
          JobActionExecutor.SUBJECT,
          job.id()
              + ": run "
              + run.runId()
              + " recorded for task "
              + task.taskId()
              + ", "
              + how
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
