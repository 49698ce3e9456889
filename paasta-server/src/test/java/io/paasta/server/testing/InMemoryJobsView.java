package io.paasta.server.testing;

import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobStatus;
import io.paasta.server.jobs.JobsView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scheduler's view held in memory, for the tests of what reads it (API, monitoring): the statuses
 * it is given (in the order given), their recent runs (unless {@link #runs} says otherwise), each
 * run's output named by its id, and reruns recorded (refused with {@link #refuseWith} when set).
 * The status of a job in {@link #unreadable} throws, as a scheduler's bug would.
 */
public final class InMemoryJobsView implements JobsView {
  public final Map<InstanceRef, JobStatus> statuses =
      java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
  public final Map<InstanceRef, List<JobRun>> runs = new ConcurrentHashMap<>();
  public final Set<InstanceRef> unreadable = ConcurrentHashMap.newKeySet();
  public final List<String> reruns = new CopyOnWriteArrayList<>();
  public volatile Optional<String> refuseWith = Optional.empty();
  public volatile List<JobRun> rerunCreates = List.of();

  @Override
  public Optional<JobStatus> status(InstanceRef ref) {
    if (unreadable.contains(ref)) {
      throw new IllegalStateException("the status of " + ref + " cannot be read");
    }
    return Optional.ofNullable(statuses.get(ref));
  }

  @Override
  public List<InstanceRef> jobs() {
    synchronized (statuses) {
      return List.copyOf(statuses.keySet());
    }
  }

  @Override
  public List<JobRun> runs(InstanceRef ref, int limit) {
    List<JobRun> all =
        runs.getOrDefault(
            ref, Optional.ofNullable(statuses.get(ref)).map(JobStatus::recent).orElse(List.of()));
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
