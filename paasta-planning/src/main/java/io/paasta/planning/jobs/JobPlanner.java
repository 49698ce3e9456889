package io.paasta.planning.jobs;

import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobAction.ForgetJob;
import io.paasta.planning.jobs.JobAction.KillTask;
import io.paasta.planning.jobs.JobAction.RecordRun;
import io.paasta.planning.jobs.JobAction.RemoveTask;
import io.paasta.planning.jobs.JobAction.StartRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides one pass of the job scheduler (SPEC section 6), purely: from every job's desired state,
 * its history summary, the job tasks the engine shows and {@code now}. In order:
 *
 * <ol>
 *   <li>each run in progress moves on ({@link RunProgress}): adopted, started, retried, finished or
 *       killed;
 *   <li>jobs with no run in progress start one when a scheduled time is due (within epsilon) or
 *       when each parent has succeeded since their last parent-triggered run; scheduled times it is
 *       too late for are recorded as one skipped run;
 *   <li>old runs' exited tasks are removed (the newest {@link JobHistory#KEPT_OUTPUTS} runs keep
 *       theirs), and jobs removed from soa-configs are cleaned up and forgotten.
 * </ol>
 *
 * <p>A job seen for the first time runs a scheduled time that was due within its epsilon before
 * now, as Chronos ran a new job's start time; older times are not caught up. Of several unhandled
 * times, only the newest within epsilon runs (runs never overlap nor queue up). Jobs of services
 * whose config never loaded are left alone.
 */
public final class JobPlanner {
  private final Map<InstanceRef, DesiredJob> desired;
  private final Map<InstanceRef, JobHistory> histories;
  private final Set<String> unknownServices;
  private final Instant now;
  private final Map<InstanceRef, List<JobTask>> tasks = new HashMap<>();
  private final List<JobAction> actions = new ArrayList<>();
  private final Map<InstanceRef, String> problems = new LinkedHashMap<>();
  private final Map<InstanceRef, Instant> countFrom = new HashMap<>();
  private final Map<InstanceRef, JobHistory.NothingDue> nothingDue = new HashMap<>();
  private final Map<InstanceRef, JobRun> succeeded = new HashMap<>();
  private final Set<InstanceRef> busy = new HashSet<>();
  private Optional<Instant> wakeAt = Optional.empty();

  private JobPlanner(
      Map<InstanceRef, DesiredJob> desired,
      Map<InstanceRef, JobHistory> histories,
      List<JobTask> observed,
      Set<String> unknownServices,
      Instant now) {
    this.desired = desired;
    this.histories = histories;
    this.unknownServices = unknownServices;
    this.now = now;
    for (JobTask task : observed) {
      tasks.computeIfAbsent(task.job(), j -> new ArrayList<>()).add(task);
    }
  }

  /**
   * The pass's actions, when the next is due, the jobs' problems and the jobs whose {@link
   * JobHistory#countFrom} moves.
   *
   * @param histories by job: every desired job's (a missing one is a job seen for the first time)
   *     and every job the store still has runs of
   * @param unknownServices services whose config never loaded: their jobs' runs and tasks are left
   *     alone
   */
  public static JobPass plan(
      Map<InstanceRef, DesiredJob> desired,
      Map<InstanceRef, JobHistory> histories,
      List<JobTask> tasks,
      Set<String> unknownServices,
      Instant now) {
    JobPlanner pass = new JobPlanner(desired, histories, tasks, unknownServices, now);
    pass.findProblems();
    pass.progressRuns();
    pass.startDueRuns();
    pass.cleanUp();
    return new JobPass(pass.actions, pass.wakeAt, pass.problems, pass.countFrom, pass.nothingDue);
  }

  /**
   * When the job's next run is due by its schedule (a due time waiting for a run in progress
   * included); empty for a job with parents, or one that cannot run, or a finished schedule.
   */
  public static Optional<Instant> nextRun(DesiredJob job, JobHistory history, Instant now) {
    if (!job.runnable() || job.times().isEmpty()) {
      return Optional.empty();
    }
    DueTimes due = DueTimes.of(job.times().get(), cursor(job, history, now), job.epsilon(), now);
    return due.due().or(due::next);
  }

  /** Scheduled times up to the cursor are handled (run, skipped, or not to be run). */
  private static Instant cursor(DesiredJob job, JobHistory history, Instant now) {
    Optional<Instant> from = history.countFrom().map(t -> t.minus(job.epsilon()));
    Optional<Instant> last = history.lastScheduled();
    if (from.isPresent() && last.isPresent()) {
      return from.get().isAfter(last.get()) ? from.get() : last.get();
    }
    return last.or(() -> from).orElse(now.minus(job.epsilon()));
  }

  private void findProblems() {
    for (DesiredJob job : desired.values()) {
      job.problem().ifPresent(p -> problems.put(job.ref(), p));
    }
    JobGraph.of(desired).problems().forEach(problems::putIfAbsent);
  }

  private boolean leftAlone(InstanceRef job) {
    return unknownServices.contains(job.service());
  }

  /** Step 1: every run in progress, with its current attempt's task. */
  private void progressRuns() {
    for (Map.Entry<InstanceRef, JobHistory> entry : histories.entrySet()) {
      Optional<JobRun> running = entry.getValue().running();
      if (running.isEmpty() || leftAlone(entry.getKey())) {
        continue;
      }
      JobRun run = running.get();
      Optional<JobTask> task =
          tasks.getOrDefault(run.job(), List.of()).stream()
              .filter(t -> t.runId() == run.runId() && t.attempt() == run.attempts())
              .findFirst();
      RunProgress.Outcome outcome =
          RunProgress.of(run, Optional.ofNullable(desired.get(run.job())), task, now);
      actions.addAll(outcome.actions());
      if (outcome.busy()) {
        busy.add(run.job());
      }
      outcome.succeeded().ifPresent(s -> succeeded.put(s.job(), s));
    }
  }

  /** Step 2: runs of scheduled times and of parents' successes. */
  private void startDueRuns() {
    for (DesiredJob job : desired.values()) {
      JobHistory history = histories.get(job.ref());
      if (history == null) {
        history = JobHistory.firstSeen(now);
        countFrom.put(job.ref(), now);
      }
      if (!job.runnable() || problems.containsKey(job.ref())) {
        countFrom.put(job.ref(), now);
        continue;
      }
      if (job.times().isPresent()) {
        schedule(job, history);
      } else if (!busy.contains(job.ref())) {
        afterParents(job, history);
      }
    }
  }

  private void schedule(DesiredJob job, JobHistory history) {
    Optional<JobHistory.NothingDue> known = history.nothingDue().filter(n -> n.holds(job, now));
    if (known.isPresent()) {
      wake(known.get().until());
      return;
    }
    if (history.countFrom().isEmpty() && history.lastScheduled().isEmpty()) {
      countFrom.put(job.ref(), now);
    }
    DueTimes due = DueTimes.of(job.times().get(), cursor(job, history, now), job.epsilon(), now);
    if (due.due().isEmpty() && due.missed().isEmpty() && due.next().isPresent()) {
      nothingDue.put(
          job.ref(), new JobHistory.NothingDue(job.times().get(), job.epsilon(), due.next().get()));
    }
    boolean running = busy.contains(job.ref());
    due.missed().ifPresent(t -> recordSkipped(job, history, due, t, running));
    if (due.due().isPresent() && running) {
      wake(due.due().get().plus(job.epsilon()).plusMillis(1));
    } else if (due.due().isPresent()) {
      JobRun run =
          JobRuns.started(
              job.ref(),
              due.due().get(),
              RunTrigger.SCHEDULE,
              1,
              job.maxAttempts(),
              job.template().get(),
              now,
              "");
      actions.add(new StartRun(run, job.template().get(), "scheduled time " + due.due().get()));
    }
    due.next().ifPresent(this::wake);
  }

  private void recordSkipped(
      DesiredJob job, JobHistory history, DueTimes due, Instant missed, boolean running) {
    String why;
    if (running) {
      JobRun run = history.running().get();
      why =
          "run "
              + run.runId()
              + " (execution date "
              + run.executionDate()
              + ") was still running when its epsilon "
              + job.epsilon()
              + " ran out";
    } else if (due.due().isPresent()) {
      why = "the later scheduled time " + due.due().get() + " runs instead (runs never queue up)";
    } else {
      why =
          "it could not start within its epsilon "
              + job.epsilon()
              + " of its scheduled time (was the daemon down?)";
    }
    String count =
        due.missedCount() > 1
            ? " ("
                + (due.missedCount() >= DueTimes.COUNTED ? "at least " : "")
                + due.missedCount()
                + " scheduled times missed, up to this one)"
            : "";
    String message = "skipped: " + why + count;
    actions.add(
        new RecordRun(
            JobRuns.skipped(job.ref(), missed, job.maxAttempts(), now, message),
            "scheduled time " + missed + " " + message));
  }

  /** Runs once each parent has succeeded since the job's last parent-triggered run. */
  private void afterParents(DesiredJob job, JobHistory history) {
    Optional<Instant> since = history.lastParentsRun().or(history::countFrom);
    if (since.isEmpty()) {
      countFrom.put(job.ref(), now);
      return;
    }
    Instant executionDate = Instant.MIN;
    List<String> consumed = new ArrayList<>();
    for (InstanceRef parent : job.parents()) {
      Optional<JobRun> success =
          Optional.ofNullable(succeeded.get(parent))
              .or(() -> Optional.ofNullable(histories.get(parent)).flatMap(JobHistory::lastSuccess))
              .filter(s -> s.end().orElse(s.executionDate()).isAfter(since.get()));
      if (success.isEmpty()) {
        return;
      }
      consumed.add(JobRuns.id(parent) + " (run " + success.get().runId() + ")");
      executionDate =
          success.get().executionDate().isAfter(executionDate)
              ? success.get().executionDate()
              : executionDate;
    }
    JobRun run =
        JobRuns.started(
            job.ref(),
            executionDate,
            RunTrigger.PARENTS,
            1,
            job.maxAttempts(),
            job.template().get(),
            now,
            "");
    actions.add(
        new StartRun(
            run, job.template().get(), "its parents succeeded: " + String.join(", ", consumed)));
  }

  /** Step 3: tasks no run in progress owns, and jobs gone from soa-configs. */
  private void cleanUp() {
    Set<InstanceRef> withRunningTasks = new HashSet<>();
    for (Map.Entry<InstanceRef, List<JobTask>> entry : tasks.entrySet()) {
      InstanceRef job = entry.getKey();
      if (leftAlone(job)) {
        continue;
      }
      JobHistory history = histories.get(job);
      long runningId = history == null ? -1 : history.running().map(JobRun::runId).orElse(-1L);
      for (JobTask task : entry.getValue()) {
        if (task.runId() == runningId && busy.contains(job)) {
          continue; // its run's (the current attempt's was handled above)
        }
        if (task.running()) {
          withRunningTasks.add(job);
          actions.add(new KillTask(job, task.taskId(), strayReason(job, task)));
        } else if (!desired.containsKey(job)
            || history == null
            || !history.keptRunIds().contains(task.runId())) {
          actions.add(new RemoveTask(job, task.taskId(), oldReason(job, task)));
        }
      }
    }
    for (InstanceRef job : histories.keySet()) {
      if (!desired.containsKey(job)
          && !leftAlone(job)
          && !busy.contains(job)
          && !withRunningTasks.contains(job)) {
        actions.add(new ForgetJob(job, "removed from soa-configs: its run history is forgotten"));
      }
    }
  }

  private String strayReason(InstanceRef job, JobTask task) {
    return desired.containsKey(job)
        ? "task "
            + task.taskId()
            + " of run "
            + task.runId()
            + " runs, but the history has that run finished"
        : "task " + task.taskId() + " runs for a job removed from soa-configs";
  }

  private String oldReason(InstanceRef job, JobTask task) {
    return desired.containsKey(job)
        ? "task "
            + task.taskId()
            + " of run "
            + task.runId()
            + ": only the newest "
            + JobHistory.KEPT_OUTPUTS
            + " runs keep their output"
        : "task " + task.taskId() + " of a job removed from soa-configs";
  }

  private void wake(Instant at) {
    if (wakeAt.isEmpty() || at.isBefore(wakeAt.get())) {
      wakeAt = Optional.of(at);
    }
  }
}
