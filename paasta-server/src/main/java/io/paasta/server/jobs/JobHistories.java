package io.paasta.server.jobs;

import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobHistory;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobRunStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheduler's summary of every job's history ({@link JobHistory}), read from the store once at
 * the start and then kept in step with every run the scheduler writes: a pass reads no store.
 */
final class JobHistories {
  private final Map<InstanceRef, JobHistory> histories = new ConcurrentHashMap<>();

  /** Reads every job's newest runs, and every run in progress, from the store. */
  void load(JobRunStore store) {
    histories.clear();
    for (InstanceRef job : store.jobs()) {
      List<JobRun> runs = new ArrayList<>(store.recent(job, JobRunStore.DEFAULT_KEPT_RUNS));
      histories.put(job, JobHistory.of(runs));
    }
    for (JobRun run : store.running()) {
      histories.merge(run.job(), JobHistory.of(List.of(run)), (had, added) -> had.record(run));
    }
  }

  /** A snapshot for one pass. */
  Map<InstanceRef, JobHistory> snapshot() {
    return Map.copyOf(histories);
  }

  Optional<JobHistory> of(InstanceRef job) {
    return Optional.ofNullable(histories.get(job));
  }

  /** Folds a run the scheduler created or changed into its job's summary. */
  void record(JobRun run) {
    histories.merge(run.job(), JobHistory.of(List.of(run)), (had, added) -> had.record(run));
  }

  /** Schedule times before {@code t - epsilon} are not run for {@code job}. */
  void countFrom(InstanceRef job, Instant t) {
    histories.merge(job, JobHistory.firstSeen(t), (had, added) -> had.countingFrom(t));
  }

  /** What the planner learnt of the job's schedule with its history as it is. */
  void remember(InstanceRef job, JobHistory.NothingDue due) {
    histories.computeIfPresent(job, (ref, had) -> had.knowing(due));
  }

  void forget(InstanceRef job) {
    histories.remove(job);
  }
}
