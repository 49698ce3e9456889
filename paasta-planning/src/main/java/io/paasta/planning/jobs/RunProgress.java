package io.paasta.planning.jobs;

import io.paasta.planning.jobs.JobAction.KillTask;
import io.paasta.planning.jobs.JobAction.StartAttempt;
import io.paasta.planning.jobs.JobAction.UpdateRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What becomes of a job's run in progress, from its current attempt's task: adopted, started again
 * after an interrupted start, retried after a non-zero exit, finished, or killed (job stopped,
 * disabled or removed). A task that vanished, or that the engine lost (its restart, the OOM
 * killer), fails the run at once with the reason: it is not retried, since the same cause would
 * likely strike again and the run's history says what happened.
 */
final class RunProgress {
  /**
   * @param busy the run is still in progress after these actions
   * @param succeeded the run as it succeeded in this pass
   */
  record Outcome(List<JobAction> actions, boolean busy, Optional<JobRun> succeeded) {}

  private RunProgress() {}

  static Outcome of(JobRun run, Optional<DesiredJob> desired, Optional<JobTask> task, Instant now) {
    Optional<String> kill = killReason(run, desired);
    if (task.isEmpty() && (run.attempts() == 0 || run.taskId().isEmpty())) {
      return notStarted(run, desired, kill, now);
    }
    if (task.isEmpty()) {
      return finished(
          run,
          RunState.FAILED,
          now,
          run.exitCode(),
          "attempt "
              + run.attempts()
              + "'s task "
              + run.taskId().get()
              + " vanished before it exited (removed outside the daemon?)");
    }
    JobTask current = task.get();
    if (current.running()) {
      return running(run, current, kill);
    }
    return exited(run, current, desired, kill, now);
  }

  /** A stopped or disabled job's scheduled and parent-triggered runs end; reruns run on. */
  private static Optional<String> killReason(JobRun run, Optional<DesiredJob> desired) {
    if (desired.isEmpty()) {
      return Optional.of("the job was removed from soa-configs");
    }
    boolean byItself = run.trigger() == RunTrigger.SCHEDULE || run.trigger() == RunTrigger.PARENTS;
    return desired.get().disabled().filter(d -> byItself).map(d -> "the job is " + d);
  }

  private static Outcome notStarted(
      JobRun run, Optional<DesiredJob> desired, Optional<String> kill, Instant now) {
    if (kill.isPresent()) {
      return finished(
          run, RunState.KILLED, now, run.exitCode(), kill.get() + " before its attempt started");
    }
    Optional<JobTemplate> template = desired.flatMap(DesiredJob::template);
    if (template.isEmpty()) {
      String why = desired.flatMap(DesiredJob::problem).orElse("no image is deployed for it");
      return finished(run, RunState.FAILED, now, run.exitCode(), "could not start: " + why);
    }
    int attempt = Math.max(run.attempts(), 1);
    String reason =
        run.attempts() == 0
            ? "starting attempt 1 of run " + run.runId()
            : "attempt " + attempt + " of run " + run.runId() + " has no task: starting it again";
    JobRun next = JobRuns.attempt(run, attempt, run.exitCode(), run.message());
    return new Outcome(
        List.of(new StartAttempt(next, template.get(), reason)), true, Optional.empty());
  }

  private static Outcome running(JobRun run, JobTask task, Optional<String> kill) {
    List<JobAction> actions = new ArrayList<>();
    if (!run.taskId().equals(Optional.of(task.taskId()))) {
      actions.add(
          new UpdateRun(
              JobRuns.withTask(run, task.taskId()),
              "adopted task " + task.taskId() + " of run " + run.runId()));
    }
    kill.ifPresent(
        why ->
            actions.add(
                new KillTask(run.job(), task.taskId(), "killing run " + run.runId() + ": " + why)));
    return new Outcome(actions, true, Optional.empty());
  }

  private static Outcome exited(
      JobRun run, JobTask task, Optional<DesiredJob> desired, Optional<String> kill, Instant now) {
    Instant end = task.finishedAt().filter(t -> t.isBefore(now)).orElse(now);
    OptionalInt code = task.exitCode();
    String attempt = "attempt " + run.attempts() + " of " + run.maxAttempts();
    if (task.lostReason().isPresent() || code.isEmpty()) {
      String why = task.lostReason().orElse("its task ended without an exit code");
      return finished(run, RunState.FAILED, end, code, attempt + ": " + why);
    }
    if (code.getAsInt() == 0) {
      return finished(run, RunState.SUCCEEDED, end, code, "");
    }
    if (kill.isPresent()) {
      return finished(
          run,
          RunState.KILLED,
          end,
          code,
          "killed: " + kill.get() + " (exit code " + code.getAsInt() + ")");
    }
    Optional<JobTemplate> template = desired.flatMap(DesiredJob::template);
    if (run.attempts() < run.maxAttempts() && template.isPresent()) {
      String message = attempt + " exited with code " + code.getAsInt() + "; retrying";
      JobRun next = JobRuns.attempt(run, run.attempts() + 1, code, message);
      return new Outcome(
          List.of(new StartAttempt(next, template.get(), "run " + run.runId() + ": " + message)),
          true,
          Optional.empty());
    }
    return finished(
        run, RunState.FAILED, end, code, attempt + " exited with code " + code.getAsInt());
  }

  private static Outcome finished(
      JobRun run, RunState state, Instant end, OptionalInt code, String message) {
    JobRun done = JobRuns.finished(run, state, end, code, message);
    String reason =
        "run "
            + run.runId()
            + " "
            + state.name().toLowerCase(java.util.Locale.ROOT)
            + (message.isEmpty() ? "" : ": " + message);
    return new Outcome(
        List.of(new UpdateRun(done, reason)),
        false,
        state == RunState.SUCCEEDED ? Optional.of(done) : Optional.empty());
  }
}
