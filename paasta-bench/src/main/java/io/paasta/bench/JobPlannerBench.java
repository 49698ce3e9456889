package io.paasta.bench;

import io.paasta.config.schedule.ScheduleTimes;
import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.schedule.RunTimes;
import io.paasta.planning.app.RunSpec;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.planning.jobs.JobHistory;
import io.paasta.planning.jobs.JobPass;
import io.paasta.planning.jobs.JobPlanner;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobRuns;
import io.paasta.planning.jobs.JobTask;
import io.paasta.planning.jobs.JobTemplate;
import io.paasta.planning.jobs.RunState;
import io.paasta.planning.jobs.RunTrigger;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Benchmark driver (issue 14, figure c): one pass of the job planner over N jobs in memory (pure
 * planning: no store, no engine). Of the jobs, 45% run hourly by an ISO 8601 repeating interval,
 * 45% by a cron line ({@code M * * * *}, staggered minutes, in Europe/Amsterdam), 10% after a
 * parent; every job has handled its last scheduled time, one in twenty has a run in progress with a
 * running task, and each has its last run's exited task. The pass falls where 1/60 of the cron jobs
 * are due. Prints the first (cold) pass, then the median and best of warm passes, wall and CPU
 * time, twice: with every schedule read (as after a restart, when no job's history knows when its
 * next time is), and steady (each job's history keeps when nothing is due before, as the scheduler
 * does), the actions planned, the heap the inputs hold and the bytes one pass allocates. Asserts
 * nothing about speed.
 */
public final class JobPlannerBench {
  private static final Instant NOW = Instant.parse("2026-11-25T12:07:00Z");
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  private JobPlannerBench() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    long heapBefore = usedHeap();
    Map<InstanceRef, DesiredJob> desired = new LinkedHashMap<>();
    Map<InstanceRef, JobHistory> histories = new HashMap<>();
    List<JobTask> tasks = new ArrayList<>();
    build(count, desired, histories, tasks);
    long inputs = usedHeap() - heapBefore;

    Map<InstanceRef, JobHistory> full = Map.copyOf(histories);
    int readingRuns = Math.min(runs, 10); // each reads 4,500 cron lines: slow, and warm enough
    Figures reading = passes(desired, full, tasks, readingRuns, false);
    Figures steady = passes(desired, histories, tasks, runs, true);
    System.out.printf(
        "job planner pass over %d jobs (%d tasks), %d actions planned per pass; first (cold) pass"
            + " %.1f ms%n",
        count, tasks.size(), steady.actions, reading.first);
    reading.print("every schedule read (a pass after each job's history changed)", readingRuns);
    steady.print(
        "steady (schedules read only when something may be due, as the daemon runs)", runs);
    System.out.printf(
        "memory: inputs (desired jobs, history summaries, tasks) %.1f MiB of heap%n",
        inputs / 1048576.0);
  }

  private record Figures(
      double first,
      double median,
      double best,
      double cpuMedian,
      double allocatedMib,
      int actions) {
    void print(String what, int runs) {
      System.out.printf(
          "  %s: median %.1f ms, best %.1f ms of %d warm passes (CPU time of the pass: median"
              + " %.1f ms); a pass allocates %.1f MiB%n",
          what, median, best, runs, cpuMedian, allocatedMib);
    }
  }

  /**
   * {@code runs} warm passes after a first one; with {@code remember}, what each pass learnt of the
   * schedules is kept in the histories, as the scheduler does.
   */
  private static Figures passes(
      Map<InstanceRef, DesiredJob> desired,
      Map<InstanceRef, JobHistory> histories,
      List<JobTask> tasks,
      int runs,
      boolean remember) {
    com.sun.management.ThreadMXBean allocation =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] wall = new long[runs + 1];
    long[] cpu = new long[runs + 1];
    long allocated = 0;
    int actions = 0;
    for (int run = 0; run <= runs; run++) {
      long bytes = allocation.getCurrentThreadAllocatedBytes();
      long cpuStart = allocation.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      JobPass pass = JobPlanner.plan(desired, histories, tasks, Set.of(), NOW);
      wall[run] = System.nanoTime() - start;
      cpu[run] = allocation.getCurrentThreadCpuTime() - cpuStart;
      allocated = allocation.getCurrentThreadAllocatedBytes() - bytes;
      actions = pass.actions().size();
      if (remember) {
        pass.nothingDue()
            .forEach((job, due) -> histories.computeIfPresent(job, (r, h) -> h.knowing(due)));
      }
    }
    long[] warm = Arrays.copyOfRange(wall, 1, wall.length);
    Arrays.sort(warm);
    long[] warmCpu = Arrays.copyOfRange(cpu, 1, cpu.length);
    Arrays.sort(warmCpu);
    return new Figures(
        ms(wall[0]),
        ms(warm[warm.length / 2]),
        ms(warm[0]),
        ms(warmCpu[warmCpu.length / 2]),
        allocated / 1048576.0,
        actions);
  }

  private static void build(
      int count,
      Map<InstanceRef, DesiredJob> desired,
      Map<InstanceRef, JobHistory> histories,
      List<JobTask> tasks) {
    JobTemplate template = new JobTemplate(SHA, "0123abcd".repeat(4), spec());
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    for (int i = 0; i < count; i++) {
      InstanceRef ref =
          new InstanceRef("svc" + (i / 10), "local", "job" + (i % 10), InstanceKind.CHRONOS);
      int kind = i % 20;
      Optional<RunTimes> times = Optional.empty();
      List<InstanceRef> parents = List.of();
      if (kind < 9) {
        times = ScheduleTimes.of("R/2026-01-01T00:" + two(i % 60) + ":00Z/PT1H", ZoneOffset.UTC);
      } else if (kind < 18) {
        times = ScheduleTimes.of((i % 60) + " * * * *", amsterdam);
      } else {
        parents = List.of(new InstanceRef(ref.service(), "local", "job0", InstanceKind.CHRONOS));
      }
      DesiredJob job =
          new DesiredJob(
              ref,
              times,
              parents,
              Duration.ofMinutes(1),
              3,
              Optional.empty(),
              "echo report %(shortdate)s",
              ZoneOffset.UTC,
              Optional.of(template),
              Optional.empty());
      desired.put(ref, job);
      history(job, i, template, histories, tasks);
    }
  }

  /** The job's last run (handled its last scheduled time), and a run in progress for 1 in 20. */
  private static void history(
      DesiredJob job,
      int i,
      JobTemplate template,
      Map<InstanceRef, JobHistory> histories,
      List<JobTask> tasks) {
    Instant last =
        job.times().flatMap(t -> t.atOrBefore(NOW.minusSeconds(61))).orElse(NOW.minusSeconds(3600));
    long id = 2L * i + 1;
    JobRun previous =
        JobRuns.finished(
            JobRuns.started(job.ref(), last, RunTrigger.SCHEDULE, 1, 3, template, last, "")
                .withRunId(id),
            RunState.SUCCEEDED,
            last.plusSeconds(5),
            OptionalInt.of(0),
            "");
    List<JobRun> runs = new ArrayList<>(List.of(previous));
    tasks.add(task(previous, false));
    if (i % 20 == 7) {
      JobRun running =
          JobRuns.withTask(
              JobRuns.started(job.ref(), last, RunTrigger.RERUN, 1, 3, template, last, "")
                  .withRunId(id + 1),
              "task-" + (id + 1) + "-1");
      runs.add(running);
      tasks.add(task(running, true));
    }
    histories.put(job.ref(), JobHistory.of(runs));
  }

  private static JobTask task(JobRun run, boolean running) {
    return new JobTask(
        "task-" + run.runId() + "-1",
        run.job(),
        run.runId(),
        1,
        run.executionDate(),
        SHA,
        run.configHash(),
        running,
        run.start(),
        running ? Optional.empty() : run.end(),
        running ? OptionalInt.empty() : OptionalInt.of(0),
        Optional.empty());
  }

  private static RunSpec spec() {
    return new RunSpec(
        "127.0.0.1:5000/services-svc:paasta-" + SHA,
        Optional.of("echo report %(shortdate)s"),
        List.of(),
        Map.of("PAASTA_SERVICE", "svc"),
        0.1,
        64,
        128,
        100_000,
        100_000,
        128,
        List.of(),
        Map.of(),
        List.of(),
        Map.of(),
        new Healthcheck(HealthcheckMode.NONE, "/status", Optional.empty(), 0, 0, 0, 0),
        0,
        Map.of());
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
