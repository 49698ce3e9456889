package io.paasta.planning.jobs;

import io.paasta.model.InstanceRef;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One run of a scheduled job, as the run history keeps it (SPEC section 6): its execution date, why
 * it ran, where it is, and what it ran. A run has one or more attempts ({@code retries} + 1 at
 * most); each attempt is one container.
 *
 * @param runId assigned by the {@link JobRunStore} when the run is created (0 before)
 * @param executionDate the scheduled time (or a rerun's {@code --execution_date}); the cmd's time
 *     variables are filled from it
 * @param start when its first attempt started; empty for a skipped run or one not started yet
 * @param end when it finished; empty while running
 * @param exitCode the last attempt's exit code; empty when none exited
 * @param attempts attempts started so far
 * @param maxAttempts {@code retries + 1} of the config it started with
 * @param gitSha the sha of the image it ran
 * @param configHash the job's config hash when it started (graceful changes: a run keeps it)
 * @param taskId the container of its current or last attempt; empty when none started
 * @param message a line for people: why it failed, was skipped or killed; empty otherwise
 */
public record JobRun(
    long runId,
    InstanceRef job,
    Instant executionDate,
    RunTrigger trigger,
    RunState state,
    Optional<Instant> start,
    Optional<Instant> end,
    OptionalInt exitCode,
    int attempts,
    int maxAttempts,
    String gitSha,
    String configHash,
    Optional<String> taskId,
    String message) {

  public JobRun withRunId(long id) {
    return new JobRun(
        id,
        job,
        executionDate,
        trigger,
        state,
        start,
        end,
        exitCode,
        attempts,
        maxAttempts,
        gitSha,
        configHash,
        taskId,
        message);
  }
}
