package io.paasta.server;

import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobStatus;
import io.paasta.server.jobs.JobsView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The jobs of a daemon that runs no scheduler: it knows no job and refuses every rerun, saying so.
 * For the API tests of a daemon without a scheduler (the daemon itself always runs one).
 */
public final class NoScheduler implements JobsView {
  public static final String MESSAGE = "this daemon runs no scheduler: scheduled jobs do not run";

  @Override
  public Optional<JobStatus> status(InstanceRef ref) {
    return Optional.empty();
  }

  @Override
  public List<InstanceRef> jobs() {
    return List.of();
  }

  @Override
  public List<JobRun> runs(InstanceRef ref, int limit) {
    return List.of();
  }

  @Override
  public List<String> output(JobRun run, int lines) {
    return List.of();
  }

  @Override
  public List<JobRun> rerun(
      InstanceRef ref,
      Optional<Instant> executionDate,
      Optional<RerunType> rerunType,
      boolean forceDisabled) {
    throw new RerunRefused(MESSAGE);
  }
}
