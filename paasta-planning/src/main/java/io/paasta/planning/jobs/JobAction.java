package io.paasta.planning.jobs;

import io.paasta.model.InstanceRef;

/**
 * One step of a scheduler pass, decided by the {@link JobPlanner} and carried out by the daemon's
 * scheduler in order. Each says why, for the daemon's log.
 */
public sealed interface JobAction {
  InstanceRef job();

  String reason();

  /**
   * Creates {@code run} (RUNNING, attempt 1, no task yet) in the store, then starts its first
   * attempt: the row exists before the container, so a crash never runs a scheduled time twice.
   */
  record StartRun(JobRun run, JobTemplate template, String reason) implements JobAction {
    @Override
    public InstanceRef job() {
      return run.job();
    }
  }

  /**
   * Stores {@code run} (its attempt count raised, no task yet), then starts that attempt: a retry,
   * the first attempt of a rerun, or an attempt whose start a crash interrupted (its container has
   * a deterministic name, so the start finds one that was created).
   */
  record StartAttempt(JobRun run, JobTemplate template, String reason) implements JobAction {
    @Override
    public InstanceRef job() {
      return run.job();
    }
  }

  /** Creates a run that never ran (SKIPPED). */
  record RecordRun(JobRun run, String reason) implements JobAction {
    @Override
    public InstanceRef job() {
      return run.job();
    }
  }

  /** Stores a run's change: it finished, or its task was adopted. */
  record UpdateRun(JobRun run, String reason) implements JobAction {
    @Override
    public InstanceRef job() {
      return run.job();
    }
  }

  /** Stops a running attempt's task; its exit is observed by a later pass. */
  record KillTask(InstanceRef job, String taskId, String reason) implements JobAction {}

  /** Deletes an exited task (an old run's, or a removed job's). */
  record RemoveTask(InstanceRef job, String taskId, String reason) implements JobAction {}

  /** Forgets the runs of a job removed from soa-configs (nothing of it runs any more). */
  record ForgetJob(InstanceRef job, String reason) implements JobAction {}
}
