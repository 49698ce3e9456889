package io.paasta.planning.jobs;

import io.paasta.model.InstanceRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A {@link JobRunStore} in memory: for a daemon without a state directory and for tests. Its
 * history does not survive the process. Thread-safe.
 */
public final class MemoryJobRunStore implements JobRunStore {
  /** Newest first: by execution date, then id. */
  private static final Comparator<JobRun> NEWEST_FIRST =
      Comparator.comparing(JobRun::executionDate).thenComparingLong(JobRun::runId).reversed();

  private final int kept;
  private final Map<InstanceRef, List<JobRun>> runs = new HashMap<>();
  private long lastId;

  public MemoryJobRunStore() {
    this(DEFAULT_KEPT_RUNS);
  }

  /** Keeps the newest {@code kept} runs per job. */
  public MemoryJobRunStore(int kept) {
    this.kept = kept;
  }

  @Override
  public synchronized JobRun create(JobRun run) {
    JobRun created = run.withRunId(++lastId);
    List<JobRun> jobRuns = runs.computeIfAbsent(run.job(), j -> new ArrayList<>());
    jobRuns.add(created);
    jobRuns.sort(NEWEST_FIRST);
    while (jobRuns.size() > kept) {
      jobRuns.remove(jobRuns.size() - 1);
    }
    return created;
  }

  @Override
  public synchronized void update(JobRun run) {
    List<JobRun> jobRuns = runs.getOrDefault(run.job(), List.of());
    for (int i = 0; i < jobRuns.size(); i++) {
      if (jobRuns.get(i).runId() == run.runId()) {
        jobRuns.set(i, run);
        return;
      }
    }
    throw new NoSuchElementException("no run " + run.runId() + " of " + run.job());
  }

  @Override
  public synchronized List<JobRun> recent(InstanceRef job, int limit) {
    List<JobRun> jobRuns = runs.getOrDefault(job, List.of());
    return List.copyOf(jobRuns.subList(0, Math.min(limit, jobRuns.size())));
  }

  @Override
  public synchronized List<JobRun> running() {
    return runs.values().stream()
        .flatMap(List::stream)
        .filter(r -> r.state() == RunState.RUNNING)
        .toList();
  }

  @Override
  public synchronized Set<InstanceRef> jobs() {
    return Set.copyOf(runs.keySet());
  }

  @Override
  public synchronized void forget(InstanceRef job) {
    runs.remove(job);
  }
}
