package io.paasta.planning.jobs;

import io.paasta.model.schedule.RunTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the {@link JobPlanner} needs of one job's run history: a summary the scheduler keeps in
 * memory (read from the {@link JobRunStore} once, then {@link #record folded} with every run it
 * writes), so that a pass reads no store.
 *
 * @param countFrom schedule times before {@code countFrom - epsilon} are not run nor recorded as
 *     skipped: set when the scheduler first sees a job with no history, and while it is disabled or
 *     cannot run (no catch-up of times the job was not meant to run); empty for a job read from the
 *     store
 * @param running its run in progress
 * @param lastScheduled the newest execution date of its schedule's runs (skipped ones included):
 *     scheduled times up to it are handled
 * @param lastSuccess its newest successful run (by end), whatever started it
 * @param lastParentsRun when its newest run started by its parents started: parents' successes up
 *     to then are consumed
 * @param keptRunIds its newest runs' ids ({@link #KEPT_OUTPUTS} at most, newest first): their
 *     finished tasks are kept for their output, older ones' are removed
 * @param nothingDue what the planner learnt of its schedule with this history: nothing is due
 *     before a time (so that a pass reads no schedule of a job that has nothing to do); forgotten
 *     with any change of the history
 */
public record JobHistory(
    Optional<Instant> countFrom,
    Optional<JobRun> running,
    Optional<Instant> lastScheduled,
    Optional<JobRun> lastSuccess,
    Optional<Instant> lastParentsRun,
    List<Long> keptRunIds,
    Optional<NothingDue> nothingDue) {

  /**
   * With these run times and epsilon (the very objects of the job's desired state: a config change
   * makes new ones), no scheduled time is due before {@code until}.
   */
  public record NothingDue(RunTimes times, Duration epsilon, Instant until) {
    boolean holds(DesiredJob job, Instant now) {
      return job.times().isPresent()
          && job.times().get() == times
          && job.epsilon().equals(epsilon)
          && now.isBefore(until);
    }
  }

  /** How many runs of a job keep their (exited) containers, for {@code paasta status -vv}. */
  public static final int KEPT_OUTPUTS = 3;

  public JobHistory {
    keptRunIds = List.copyOf(keptRunIds);
  }

  private static final JobHistory NONE =
      new JobHistory(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          Optional.empty());

  /** A job the scheduler sees for the first time, with no run stored. */
  public static JobHistory firstSeen(Instant now) {
    return NONE.countingFrom(now);
  }

  /** The summary of stored runs (any order). */
  public static JobHistory of(List<JobRun> runs) {
    JobHistory history = NONE;
    List<JobRun> oldestFirst = new ArrayList<>(runs);
    oldestFirst.sort(Comparator.comparingLong(JobRun::runId));
    for (JobRun run : oldestFirst) {
      history = history.record(run);
    }
    return history;
  }

  /** Schedule times before {@code t - epsilon} are no longer run. */
  public JobHistory countingFrom(Instant t) {
    return new JobHistory(
        Optional.of(t),
        running,
        lastScheduled,
        lastSuccess,
        lastParentsRun,
        keptRunIds,
        Optional.empty());
  }

  /** The same history, with what the planner learnt of its schedule. */
  public JobHistory knowing(NothingDue due) {
    return new JobHistory(
        countFrom,
        running,
        lastScheduled,
        lastSuccess,
        lastParentsRun,
        keptRunIds,
        Optional.of(due));
  }

  /** The summary after {@code run} was created or changed. */
  public JobHistory record(JobRun run) {
    Optional<JobRun> nowRunning = running;
    if (run.state() == RunState.RUNNING) {
      nowRunning = Optional.of(run);
    } else if (running.isPresent() && running.get().runId() == run.runId()) {
      nowRunning = Optional.empty();
    }
    Optional<Instant> scheduled = lastScheduled;
    if (run.trigger() == RunTrigger.SCHEDULE) {
      scheduled = Optional.of(later(lastScheduled, run.executionDate()));
    }
    Optional<JobRun> success = lastSuccess;
    if (run.state() == RunState.SUCCEEDED && newerEnd(run, lastSuccess)) {
      success = Optional.of(run);
    }
    Optional<Instant> parentsRun = lastParentsRun;
    if (run.trigger() == RunTrigger.PARENTS && run.start().isPresent()) {
      parentsRun = Optional.of(later(lastParentsRun, run.start().get()));
    }
    return new JobHistory(
        countFrom,
        nowRunning,
        scheduled,
        success,
        parentsRun,
        kept(keptRunIds, run.runId()),
        Optional.empty());
  }

  private static boolean newerEnd(JobRun run, Optional<JobRun> than) {
    Instant end = run.end().orElse(run.executionDate());
    return than.isEmpty() || !end.isBefore(than.get().end().orElse(Instant.MIN));
  }

  private static Instant later(Optional<Instant> a, Instant b) {
    return a.filter(x -> x.isAfter(b)).orElse(b);
  }

  private static List<Long> kept(List<Long> ids, long id) {
    if (id <= 0 || ids.contains(id)) {
      return ids;
    }
    List<Long> out = new ArrayList<>(ids);
    out.add(id);
    out.sort(Comparator.reverseOrder());
    return out.size() > KEPT_OUTPUTS ? out.subList(0, KEPT_OUTPUTS) : out;
  }
}
