package io.paasta.planning.jobs;

import io.paasta.model.InstanceRef;
import java.util.List;
import java.util.Set;

/**
 * The run history of scheduled jobs, kept where it survives a SIGKILL of the daemon (the daemon's
 * implementation: SQLite in its state directory). Every call is durable when it returns: a run the
 * store created is never created twice for the same job and execution date, even after a crash (the
 * scheduler asks {@link #recent} before it creates one). The store keeps the newest {@link
 * #DEFAULT_KEPT_RUNS} runs per job and drops older ones.
 */
public interface JobRunStore {
  int DEFAULT_KEPT_RUNS = 50;

  /** Records a new run; returns it with the id the store gave it. */
  JobRun create(JobRun run);

  /** Replaces the run with the same id (state, attempts, end, ...). */
  void update(JobRun run);

  /** The job's newest runs, newest first (by execution date, then id); at most {@code limit}. */
  List<JobRun> recent(InstanceRef job, int limit);

  /** Every run still {@link RunState#RUNNING}, of every job (to adopt after a restart). */
  List<JobRun> running();

  /** The jobs with any stored run. */
  Set<InstanceRef> jobs();

  /** Forgets a job's runs (the job was removed from soa-configs). */
  void forget(InstanceRef job);
}
