package io.paasta.server.api;

import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobStatus;
import io.paasta.server.jobs.JobsView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scheduler's view for the API's tests: the statuses and runs it is given, each run's output
 * named by its id, and reruns recorded (refused with {@link #refuseWith} when set).
 */
final class InMemoryJobs implements JobsView {
  final Map<InstanceRef, JobStatus> statuses = new HashMap<>();
  final Map<InstanceRef, List<JobRun>> runs = new HashMap<>();
  final List<String> reruns = new ArrayList<>();
  Optional<String> refuseWith = Optional.empty();
  List<JobRun> rerunCreates = List.of();

  @Override
  public Optional<JobStatus> status(InstanceRef ref) {
    return Optional.ofNullable(statuses.get(ref));
  }

  @Override
  public List<InstanceRef> jobs() {
    return List.copyOf(statuses.keySet());
  }

  @Override
  public List<JobRun> runs(InstanceRef ref, int limit) {
    List<JobRun> all = runs.getOrDefault(ref, List.of());
    return all.subList(0, Math.min(limit, all.size()));
  }

  @Override
  public List<String> output(JobRun run, int lines) {
    List<String> output = new ArrayList<>();
    for (int i = 1; i <= lines; i++) {
      output.add("run " + run.runId() + " line " + i);
    }
    return output;
  }

  @Override
  public List<JobRun> rerun(
      InstanceRef ref,
      Optional<Instant> executionDate,
      Optional<RerunType> rerunType,
      boolean forceDisabled) {
    reruns.add(ref.instance() + " " + executionDate + " " + rerunType + " " + forceDisabled);
    if (refuseWith.isPresent()) {
      throw new RerunRefused(refuseWith.get());
    }
    return rerunCreates;
  }
}
