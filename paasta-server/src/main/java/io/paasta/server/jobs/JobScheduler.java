package io.paasta.server.jobs;

import io.paasta.config.schedule.TimeVariables;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.jobs.JobAction;
import io.paasta.planning.jobs.JobHistory;
import io.paasta.planning.jobs.JobPass;
import io.paasta.planning.jobs.JobPlanner;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobRunStore;
import io.paasta.planning.jobs.JobRuns;
import io.paasta.planning.jobs.JobStatus;
import io.paasta.planning.jobs.JobTask;
import io.paasta.planning.jobs.RunState;
import io.paasta.planning.jobs.RunTrigger;
import io.paasta.server.DaemonLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's scheduler of jobs ({@code chronos-<cluster>.yaml}): passes of the {@link JobPlanner}
 * on a thread of its own, carried out by a {@link JobActionExecutor}. A pass runs when the planner
 * said the next is due (a run time or an epsilon deadline), when a job task exits, when soa-configs
 * are reloaded, on a rerun, and at least every {@link #SAFETY_POLL}. Closing stops the passes and
 * leaves runs running: the next daemon adopts them.
 */
public final class JobScheduler implements JobsView, AutoCloseable {
  /** The longest wait between passes (a missed exit event, an engine that cannot tell). */
  public static final Duration SAFETY_POLL = Duration.ofSeconds(5);

  private static final Duration CLOSE_WAIT = Duration.ofSeconds(15);

  private final ClusterJobs jobs;
  private final Optional<JobRunner> runner;
  private final JobRunStore store;
  private final DaemonLog log;
  private final Clock clock;
  private final JobHistories histories = new JobHistories();
  private final Optional<JobActionExecutor> executor;
  private final Object passLock = new Object();
  private final Semaphore wake = new Semaphore(0);
  private final Optional<EngineRuns> engineRuns;
  private volatile Set<InstanceRef> byItself = Set.of();
  private volatile Map<InstanceRef, String> problems = Map.of();
  private final Map<InstanceRef, String> toldProblems = new HashMap<>();
  private volatile boolean running;
  private volatile boolean configsLoaded;

  /** Why this daemon's scheduler starts nothing (another daemon leads); null while it leads. */
  private volatile String follower;

  private Thread thread;

  /**
   * @param runner the backend's job runner; empty when the backend runs no jobs (each job then says
   *     so and nothing runs)
   */
  public JobScheduler(
      ClusterJobs jobs, Optional<JobRunner> runner, JobRunStore store, DaemonLog log, Clock clock) {
    this.jobs = jobs;
    this.runner = runner;
    this.store = store;
    this.log = log;
    this.clock = clock;
    this.executor = runner.map(r -> new JobActionExecutor(store, r, histories, log, clock));
    this.engineRuns = runner.map(r -> new EngineRuns(store, r, histories, log, clock));
  }

  /** Reads the run history, then starts the passes' thread; returns at once. */
  public void start() {
    load();
    jobs.onReload(
        () -> {
          configsLoaded = true; // before: every job would look removed
          wake();
        });
    runner.ifPresent(r -> r.onExit(task -> wake()));
    running = true;
    thread = new Thread(this::loop, "paasta-jobs");
    thread.setDaemon(true);
    thread.start();
  }

  /** Reads the run history from the store (what {@link #start} does first). */
  public void load() {
    histories.load(store);
  }

  /** Asks for a pass now. */
  public void wake() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  private void loop() {
    while (running) {
      Optional<Instant> next = Optional.empty();
      try {
        next = configsLoaded ? runPass() : Optional.empty();
      } catch (RuntimeException e) {
        log.error(JobActionExecutor.SUBJECT, "pass failed: " + e);
      }
      try {
        await(next);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void await(Optional<Instant> next) throws InterruptedException {
    long millis = SAFETY_POLL.toMillis();
    if (next.isPresent()) {
      millis = Math.min(millis, Duration.between(clock.instant(), next.get()).toMillis());
    }
    if (millis > 0) {
      wake.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }
    wake.drainPermits();
  }

  /**
   * One pass: observes the job tasks, plans, carries out the actions in order.
   *
   * @return when the next pass is due by the schedules
   */
  public Optional<Instant> runPass() {
    if (executor.isEmpty()) {
      return Optional.empty();
    }
    synchronized (passLock) {
      Optional<String> follows = runner.get().follower();
      if (follows.isPresent()) {
        follower(follows.get());
        return Optional.empty(); // the leader's scheduler runs the jobs; the safety poll rechecks
      }
      if (follower != null) {
        log.info(
            JobActionExecutor.SUBJECT,
            "this daemon leads now: it schedules and starts the jobs' runs, and adopts the runs"
                + " the engine shows");
        follower = null;
      }
      Map<InstanceRef, DesiredJob> desired = jobs.all();
      Map<InstanceRef, String> scheduleProblems = new HashMap<>();
      scheduleByItself(desired, scheduleProblems);
      List<JobTask> tasks;
      try {
        tasks = engineRuns.get().record(runner.get().observeJobTasks(), desired, byItself);
      } catch (BackendException e) {
        log.warn(
            JobActionExecutor.SUBJECT, "the engine's job tasks cannot be read: " + e.getMessage());
        return Optional.empty();
      }
      Instant now = clock.instant();
      JobPass pass =
          JobPlanner.plan(desired, histories.snapshot(), tasks, jobs.unknownServices(), now);
      pass.countFrom().forEach(histories::countFrom);
      pass.nothingDue().forEach(histories::remember);
      Map<InstanceRef, String> passProblems = new HashMap<>(scheduleProblems);
      passProblems.putAll(pass.problems());
      tellProblems(passProblems);
      for (JobAction action : pass.actions()) {
        if (!byItself.contains(action.job())
            || !(action instanceof JobAction.StartRun || action instanceof JobAction.RecordRun)) {
          executor.get().execute(action, desired);
        }
      }
      return pass.wakeAt();
    }
  }

  /**
   * Lets the engine schedule the jobs it can by itself (CronJobs); when it cannot be reached, the
   * jobs it scheduled before stay its own (none is started twice).
   */
  private void scheduleByItself(
      Map<InstanceRef, DesiredJob> desired, Map<InstanceRef, String> problems) {
    try {
      byItself =
          Set.copyOf(
              runner
                  .get()
                  .scheduleByItself(desired, jobs::config, jobs.unknownServices(), problems::put));
    } catch (BackendException e) {
      log.warn(
          JobActionExecutor.SUBJECT,
          "the engine's own schedules (CronJobs) cannot be brought in line: " + e.getMessage());
    }
  }

  /** A follower's pass: nothing is scheduled nor started; said once in the log. */
  private void follower(String why) {
    if (!why.equals(follower)) {
      log.info(
          JobActionExecutor.SUBJECT,
          "this daemon is " + why + ": it schedules and starts no run, the leader does");
    }
    follower = why;
  }

  /** Logs a job's problem once (and when it is gone). */
  private void tellProblems(Map<InstanceRef, String> now) {
    problems = now;
    now.forEach(
        (job, problem) -> {
          if (!problem.equals(toldProblems.put(job, problem))) {
            log.warn(JobActionExecutor.SUBJECT, JobRuns.id(job) + " does not run: " + problem);
          }
        });
    toldProblems.keySet().removeIf(job -> !now.containsKey(job));
  }

  @Override
  public Optional<JobStatus> status(InstanceRef ref) {
    InstanceRef job = jobs.jobRef(ref);
    DesiredJob desired = jobs.all().get(job);
    Optional<JobConfig> config = jobs.config(job);
    if (desired == null || config.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    JobHistory history = histories.of(job).orElse(JobHistory.firstSeen(now));
    List<JobRun> recent = store.recent(job, JobRunStore.DEFAULT_KEPT_RUNS);
    Optional<Instant> next = JobPlanner.nextRun(desired, history, now);
    Instant commandDate = next.orElse(recent.isEmpty() ? now : recent.get(0).executionDate());
    return Optional.of(
        new JobStatus(
            job,
            desired.disabled().isEmpty(),
            config.get().schedule(),
            config.get().scheduleTimeZone().orElse("UTC"),
            desired.epsilon(),
            desired.parents().stream().map(JobRuns::id).toList(),
            next,
            command(desired, commandDate),
            desired.maxAttempts(),
            desired.template().isPresent(),
            problem(desired),
            recent.stream().filter(r -> r.state() == RunState.RUNNING).findFirst(),
            recent));
  }

  private Optional<String> problem(DesiredJob job) {
    if (runner.isEmpty()) {
      return Optional.of("the cluster's backend runs no jobs");
    }
    String follows = follower;
    if (follows != null) {
      return Optional.of(
          "this daemon is "
              + follows
              + ": the leader's scheduler runs the job, and its run history is the leader's"
              + " (this daemon's is as of when it last led)");
    }
    return Optional.ofNullable(problems.get(job.ref())).or(job::problem);
  }

  private static String command(DesiredJob job, Instant executionDate) {
    try {
      return TimeVariables.fill(job.command(), executionDate.atZone(job.zone()));
    } catch (RuntimeException e) {
      return job.command();
    }
  }

  @Override
  public List<InstanceRef> jobs() {
    return List.copyOf(jobs.all().keySet());
  }

  @Override
  public List<JobRun> runs(InstanceRef ref, int limit) {
    return store.recent(jobs.jobRef(ref), limit);
  }

  @Override
  public List<String> output(JobRun run, int lines) {
    if (run.taskId().isEmpty() || runner.isEmpty() || lines <= 0) {
      return List.of();
    }
    try {
      return runner.get().output(run.taskId().get(), lines);
    } catch (BackendException e) {
      return List.of();
    }
  }

  @Override
  public List<JobRun> rerun(
      InstanceRef ref,
      Optional<Instant> executionDate,
      Optional<RerunType> rerunType,
      boolean forceDisabled) {
    if (runner.isEmpty()) {
      throw new RerunRefused("the cluster's backend runs no jobs");
    }
    Optional<String> follows = runner.get().follower();
    if (follows.isPresent()) {
      throw new RerunRefused(
          "this daemon is " + follows.get() + ": ask the leader's API (it runs the jobs)");
    }
    List<JobRun> created = new ArrayList<>();
    synchronized (passLock) {
      Instant now = clock.instant();
      List<DesiredJob> targets =
          RerunRules.targets(
              jobs.jobRef(ref), jobs.all(), histories::of, executionDate, rerunType, forceDisabled);
      for (DesiredJob target : targets) {
        JobRun run =
            store.create(
                JobRuns.started(
                    target.ref(),
                    executionDate.orElse(now),
                    RunTrigger.RERUN,
                    0,
                    target.maxAttempts(),
                    target.template().get(),
                    now,
                    ""));
        histories.record(run);
        created.add(run);
        log.info(
            JobActionExecutor.SUBJECT,
            target.id()
                + ": run "
                + run.runId()
                + " created by paasta rerun (execution date "
                + run.executionDate()
                + ")");
      }
    }
    wake();
    return created;
  }

  /** Stops the passes; runs in progress go on (the next daemon adopts them). */
  @Override
  public void close() {
    running = false;
    wake(); // not an interrupt: an attempt being started finishes starting and is recorded
    if (thread != null) {
      try {
        thread.join(CLOSE_WAIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
