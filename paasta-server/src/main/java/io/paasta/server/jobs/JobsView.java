package io.paasta.server.jobs;

import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the API, status and monitoring read of the daemon's scheduled jobs, and the one thing they
 * ask of it (a rerun). The scheduler implements it.
 */
public interface JobsView {
  /** The job's status now; empty when {@code ref} is no job of this cluster's soa-configs. */
  Optional<JobStatus> status(InstanceRef ref);

  /** Every job of the cluster's soa-configs. */
  List<InstanceRef> jobs();

  /** The job's newest runs, newest first, at most {@code limit}. */
  List<JobRun> runs(InstanceRef ref, int limit);

  /** The last {@code lines} lines of a run's current or last attempt; none when gone. */
  List<String> output(JobRun run, int lines);

  /**
   * {@code paasta rerun}: runs the job once now (without changing its schedule).
   *
   * @param executionDate the date its cmd's time variables are filled from; empty: now (refused
   *     when the cmd uses time variables)
   * @param graph true: the job's whole connected dependency graph, parents first; false: only it
   *     (refused, listing parents and children, when it has either and {@code rerunType} is empty)
   * @param forceDisabled runs even when disabled (else refused)
   * @return the runs it created, the asked job's first
   * @throws RerunRefused with the message of SPEC section 6 for a request it refuses
   */
  List<JobRun> rerun(
      InstanceRef ref,
      Optional<Instant> executionDate,
      Optional<RerunType> rerunType,
      boolean forceDisabled);

  enum RerunType {
    INSTANCE,
    GRAPH
  }

  /** A rerun the job's config or state does not allow; the message is for the user. */
  final class RerunRefused extends RuntimeException {
    public RerunRefused(String message) {
      super(message);
    }
  }
}
