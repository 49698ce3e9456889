package io.paasta.planning.adhoc;

import io.paasta.model.InstanceRef;
import io.paasta.planning.app.RunSpec;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code paasta remote-run} to start.
 *
 * @param runId the run's name, unique in the cluster (it names the task)
 * @param spec the instance's image, env and limits, with the command to run
 * @param deadline when the run is stopped if it still runs
 * @param by who asked
 * @param effective the adhoc instance's config after defaults, for the keys a backend reads of its
 *     own (Kubernetes: {@code namespace})
 */
public record AdhocLaunch(
    InstanceRef ref,
    String runId,
    RunSpec spec,
    Instant startedAt,
    Instant deadline,
    String by,
    Map<String, Object> effective) {
  /** A run with no config keys of a backend's own. */
  public AdhocLaunch(
      InstanceRef ref, String runId, RunSpec spec, Instant startedAt, Instant deadline, String by) {
    this(ref, runId, spec, startedAt, deadline, by, Map.of());
  }

  public AdhocLaunch {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(by, "by");
    effective = Collections.unmodifiableMap(new LinkedHashMap<>(effective));
  }
}
