package io.paasta.planning.backend;

import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobTask;
import java.util.List;
import java.util.function.Consumer;

/**
 * The part of a backend that runs scheduled jobs' attempts: one container (or Kubernetes Job) per
 * attempt, named by labels (job, run id, attempt, execution date) so that a restarted daemon finds
 * and adopts what runs. A job task is never one of the service tasks {@link Backend#observeAll}
 * returns.
 */
public interface JobRunner {
  /**
   * Starts one attempt; returns its task id at once (it does not wait for the task to end).
   *
   * @throws BackendException when it cannot start (the image is not in the registry, the engine is
   *     away): the message says why, for the run's history and the job's check
   */
  String start(JobLaunch launch);

  /** Every job task the engine knows, running or exited (until {@link #remove}d). */
  List<JobTask> observeJobTasks();

  /** Stops a running attempt (a stop, a removed job); its exit is then observed as usual. */
  void kill(String taskId);

  /** Deletes an exited task (older runs' containers); a task already gone is no error. */
  void remove(String taskId);

  /** The last {@code lines} lines the task wrote, oldest first; none when it is gone. */
  List<String> output(String taskId, int lines);

  /**
   * Asks to be told at once when a job task exits (so that a retry or a dependent job starts
   * without waiting for a poll). Runners that cannot tell ignore this; the scheduler also polls.
   */
  default void onExit(Consumer<JobTask> listener) {}
}
