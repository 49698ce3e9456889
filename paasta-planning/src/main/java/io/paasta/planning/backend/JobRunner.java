package io.paasta.planning.backend;

import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobTask;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

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

  /**
   * Asks to be told, as a line for the daemon's log, of what the runner did on its own (a
   * Kubernetes CronJob edited by hand and set back). Runners that do nothing on their own ignore
   * this.
   */
  default void onNotice(Consumer<String> listener) {}

  /**
   * Brings the objects of the jobs the engine schedules by itself (a Kubernetes CronJob, for a
   * schedule cron can express) in line with soa-configs: created, updated, suspended when disabled,
   * deleted when gone (the jobs of {@code leftAlone} services are left alone). The scheduler starts
   * no scheduled run of the jobs returned; it records the runs the engine starts for them (tasks
   * with run id 0, see {@link #adopt}) and still starts their reruns. Runners that schedule nothing
   * return none (the default).
   *
   * @param configs a job's config as soa-configs has it
   * @param problems told, by job, why its schedule could not be brought in line (a refused write):
   *     a job whose engine object could not be created is not returned, so the scheduler runs it
   * @return the jobs the engine schedules by itself
   * @throws BackendException when the engine cannot be reached at all (the scheduler then keeps the
   *     jobs it returned last)
   */
  default Set<InstanceRef> scheduleByItself(
      Map<InstanceRef, DesiredJob> desired,
      Function<InstanceRef, Optional<JobConfig>> configs,
      Set<String> leftAlone,
      BiConsumer<InstanceRef, String> problems) {
    return Set.of();
  }

  /**
   * Names a task the engine started by itself (observed with run id 0) as attempt 1 of the run the
   * scheduler recorded for it, so that it is observed with that run id from now on.
   *
   * @throws BackendException when it cannot be named (the next pass tries again)
   */
  default void adopt(String taskId, long runId) {}

  /**
   * Empty when this daemon may schedule and start runs now; else why not (another daemon of the
   * cluster leads: its scheduler runs the jobs, this one only reads and answers). Runners of an
   * engine with one daemon always lead (the default).
   */
  default Optional<String> follower() {
    return Optional.empty();
  }

  /**
   * Whether several daemons may run the cluster's jobs in turn ({@link #follower} says who leads),
   * each with its own run history: a new leader then records the runs of tasks named by runs it
   * does not know, and names them anew ({@link #adopt}). False by default (one daemon).
   */
  default boolean takesOverRuns() {
    return false;
  }
}
