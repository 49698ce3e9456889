package io.paasta.planning.jobs;

import io.paasta.model.InstanceRef;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A job attempt's task as the engine shows it (read from its labels and state).
 *
 * @param exitCode set once it exited
 * @param lostReason set when it did not exit by itself: the engine restarted under it, it vanished,
 *     the OOM killer killed it; the run then counts as failed with this message
 */
public record JobTask(
    String taskId,
    InstanceRef job,
    long runId,
    int attempt,
    Instant executionDate,
    String gitSha,
    String configHash,
    boolean running,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    OptionalInt exitCode,
    Optional<String> lostReason) {}
