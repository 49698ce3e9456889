package io.paasta.planning.jobs;

import io.paasta.model.InstanceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code paasta status}, the API's {@code chronos} object and {@code check_chronos_jobs} know
 * of one job (SPEC section 6), as the daemon's scheduler sees it now.
 *
 * @param scheduled false when disabled by config or by {@code paasta stop} ("Disabled")
 * @param schedule as written; empty for a job with parents
 * @param timeZone {@code schedule_time_zone} (UTC when unset)
 * @param parents {@code service.instance} of each parent; empty for a scheduled job
 * @param nextRun the next scheduled time; empty for a job with parents, a disabled job or a
 *     finished {@code Rn} schedule
 * @param command the cmd as it would run at the next (or last) execution date, time variables
 *     filled in
 * @param deployed false when no image is deployed for the job's deploy group ({@code
 *     setup_chronos_job} is then CRITICAL)
 * @param problem why the scheduler cannot run the job (image missing, parent unknown, ...); empty
 *     when none
 * @param running the run in progress, if any
 * @param recent newest first, the running one included
 */
public record JobStatus(
    InstanceRef job,
    boolean scheduled,
    Optional<String> schedule,
    String timeZone,
    Duration epsilon,
    List<String> parents,
    Optional<Instant> nextRun,
    String command,
    int maxAttempts,
    boolean deployed,
    Optional<String> problem,
    Optional<JobRun> running,
    List<JobRun> recent) {

  /** Last-run state of SPEC section 6: OK, Failed or New. */
  public enum LastResult {
    OK,
    FAILED,
    NEW
  }

  public JobStatus {
    parents = List.copyOf(parents);
    recent = List.copyOf(recent);
  }

  /**
   * The newer of the last success and the last failure (a tie goes to success); {@link
   * LastResult#NEW} when neither exists. Skipped and killed runs do not count.
   */
  public LastResult lastResult() {
    return lastFinished()
        .map(r -> r.state() == RunState.SUCCEEDED ? LastResult.OK : LastResult.FAILED)
        .orElse(LastResult.NEW);
  }

  /** The run that decides {@link #lastResult}: newest by end time, success winning ties. */
  public Optional<JobRun> lastFinished() {
    JobRun best = null;
    for (JobRun run : recent) {
      if (run.state() != RunState.SUCCEEDED && run.state() != RunState.FAILED) {
        continue;
      }
      Instant end = run.end().orElse(run.executionDate());
      if (best == null) {
        best = run;
        continue;
      }
      Instant bestEnd = best.end().orElse(best.executionDate());
      if (end.isAfter(bestEnd) || (end.equals(bestEnd) && run.state() == RunState.SUCCEEDED)) {
        best = run;
      }
    }
    return Optional.ofNullable(best);
  }
}
