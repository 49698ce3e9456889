package io.paasta.planning.backend;

import io.paasta.planning.adhoc.AdhocLaunch;
import io.paasta.planning.adhoc.AdhocRun;
import java.util.List;
import java.util.Optional;

/**
 * The part of a backend that runs {@code paasta remote-run}'s one-off tasks of adhoc instances: one
 * task per run, labelled as an adhoc run (never a service task nor a job's attempt, so neither the
 * reconcile loop nor the job scheduler touches it), carrying its deadline so that a restarted
 * daemon finds it and still stops it in time.
 */
public interface AdhocRunner {
  /**
   * Starts the run; returns it at once (it does not wait for the task to end).
   *
   * @throws BackendException when it cannot start (the image is not in the registry, the engine is
   *     away)
   */
  AdhocRun start(AdhocLaunch launch);

  /** Every adhoc run of the cluster the engine knows, running or exited (until removed). */
  List<AdhocRun> list();

  /** One run of the cluster; empty when the engine does not know it. */
  Optional<AdhocRun> find(String runId);

  /** Stops a running run (its stop signal, then SIGKILL); one already exited is no error. */
  void stop(String runId);

  /** Deletes an exited run's task; one already gone is no error. */
  void remove(String runId);

  /** The last {@code lines} lines the run wrote, oldest first; none when it is gone. */
  List<String> output(String runId, int lines);
}
