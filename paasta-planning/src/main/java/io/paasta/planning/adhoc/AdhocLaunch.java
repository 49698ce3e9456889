package io.paasta.planning.adhoc;

import io.paasta.model.InstanceRef;
import io.paasta.planning.app.RunSpec;
import java.time.Instant;
import java.util.Objects;

/**
 * One {@code paasta remote-run} to start.
 *
 * @param runId the run's name, unique in the cluster (it names the task)
 * @param spec the instance's image, env and limits, with the command to run
 * @param deadline when the run is stopped if it still runs
 * @param by who asked
 */
public record AdhocLaunch(
    InstanceRef ref, String runId, RunSpec spec, Instant startedAt, Instant deadline, String by) {
  public AdhocLaunch {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(by, "by");
  }
}
