package io.paasta.planning.adhoc;

import io.paasta.model.InstanceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@code paasta remote-run} as the engine knows it.
 *
 * @param taskId the task (container) running it
 * @param command what it runs ({@code sh -c} text), as asked
 * @param running whether it still runs
 * @param exitCode its exit code once it exited
 */
public record AdhocRun(
    InstanceRef ref,
    String runId,
    String taskId,
    String command,
    String by,
    Instant startedAt,
    Instant deadline,
    boolean running,
    Optional<Instant> finishedAt,
    Optional<Integer> exitCode) {

  /** Whether it still runs at or past its deadline: it is to be stopped now. */
  public boolean overdue(Instant now) {
    return running && !now.isBefore(deadline);
  }

  /** Whether it exited at or past its deadline: it was stopped for its time limit. */
  public boolean stoppedForTimeLimit() {
    return !running && finishedAt.map(f -> !f.isBefore(deadline)).orElse(false);
  }

  /** Its time limit, from start to deadline. */
  public Duration limit() {
    return Duration.between(startedAt, deadline);
  }
}
