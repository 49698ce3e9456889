package io.paasta.planning.jobs;

import io.paasta.model.InstanceRef;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** The changes a run goes through, each a new {@link JobRun}. */
public final class JobRuns {
  private JobRuns() {}

  /** {@code service.instance} of a job. */
  public static String id(InstanceRef job) {
    return job.service() + "." + job.instance();
  }

  /** A run to create (id 0 until the store gives it one), its first attempt about to start. */
  public static JobRun started(
      InstanceRef job,
      Instant executionDate,
      RunTrigger trigger,
      int attempts,
      int maxAttempts,
      JobTemplate template,
      Instant now,
      String message) {
    return new JobRun(
        0,
        job,
        executionDate,
        trigger,
        RunState.RUNNING,
        Optional.of(now),
        Optional.empty(),
        OptionalInt.empty(),
        attempts,
        maxAttempts,
        template.gitSha(),
        template.configHash(),
        Optional.empty(),
        message);
  }

  /** A scheduled time that never ran: past its epsilon before it could start. */
  public static JobRun skipped(
      InstanceRef job, Instant executionDate, int maxAttempts, Instant now, String message) {
    return new JobRun(
        0,
        job,
        executionDate,
        RunTrigger.SCHEDULE,
        RunState.SKIPPED,
        Optional.empty(),
        Optional.of(now),
        OptionalInt.empty(),
        0,
        maxAttempts,
        "",
        "",
        Optional.empty(),
        message);
  }

  /** The run's attempt {@code attempt} about to start: no task known for it yet. */
  public static JobRun attempt(JobRun run, int attempt, OptionalInt exitCode, String message) {
    return new JobRun(
        run.runId(),
        run.job(),
        run.executionDate(),
        run.trigger(),
        RunState.RUNNING,
        run.start(),
        Optional.empty(),
        exitCode,
        attempt,
        run.maxAttempts(),
        run.gitSha(),
        run.configHash(),
        Optional.empty(),
        message);
  }

  /** The run with the task of its current attempt (started, or adopted after a restart). */
  public static JobRun withTask(JobRun run, String taskId) {
    return new JobRun(
        run.runId(),
        run.job(),
        run.executionDate(),
        run.trigger(),
        run.state(),
        run.start(),
        run.end(),
        run.exitCode(),
        run.attempts(),
        run.maxAttempts(),
        run.gitSha(),
        run.configHash(),
        Optional.of(taskId),
        run.message());
  }

  /** The run ended in {@code state} (not {@link RunState#RUNNING}). */
  public static JobRun finished(
      JobRun run, RunState state, Instant end, OptionalInt exitCode, String message) {
    if (state == RunState.RUNNING) {
      throw new IllegalArgumentException("a finished run is not RUNNING");
    }
    return new JobRun(
        run.runId(),
        run.job(),
        run.executionDate(),
        run.trigger(),
        state,
        run.start(),
        Optional.of(end),
        exitCode,
        run.attempts(),
        run.maxAttempts(),
        run.gitSha(),
        run.configHash(),
        run.taskId(),
        message);
  }
}
