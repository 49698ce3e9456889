package io.paasta.planning.adhoc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What is to be done now about the cluster's remote-runs: those running at or past their deadline
 * are stopped; those exited longer ago than they are kept are removed (with their output). Pure.
 *
 * @param overdue runs to stop now for their time limit
 * @param expired exited runs to remove
 */
public record AdhocChores(List<AdhocRun> overdue, List<AdhocRun> expired) {
  public AdhocChores {
    overdue = List.copyOf(overdue);
    expired = List.copyOf(expired);
  }

  /**
   * @param kept how long an exited run stays (its exit code and output readable)
   */
  public static AdhocChores of(List<AdhocRun> runs, Instant now, Duration kept) {
    return new AdhocChores(
        runs.stream().filter(r -> r.overdue(now)).toList(),
        runs.stream()
            .filter(r -> !r.running())
            .filter(r -> r.finishedAt().map(f -> !now.isBefore(f.plus(kept))).orElse(false))
            .toList());
  }

  public boolean isEmpty() {
    return overdue.isEmpty() && expired.isEmpty();
  }
}
