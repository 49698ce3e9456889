package io.paasta.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.MonitoringConfig;
import io.paasta.monitoring.MonitoringRunner;
import io.paasta.monitoring.check.CheckResult;
import io.paasta.monitoring.check.CheckSettings;
import io.paasta.monitoring.check.DeployProgress;
import io.paasta.monitoring.check.InstanceChecks;
import io.paasta.monitoring.check.InstanceSnapshot;
import io.paasta.monitoring.send.EventDispatcher;
import io.paasta.monitoring.send.LogSender;
import io.paasta.monitoring.send.MonitoringLog;
import io.paasta.monitoring.send.RetryPolicy;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Benchmark driver: evaluates every monitoring check (replication, deploy, crash loop, OOM, health
 * checks) for N instances, in memory. Half the instances are in SmartStack (two discover
 * locations), half use the task form; one in ten is under-replicated, one in a hundred was
 * OOM-killed. Prints two figures, each as first (cold) / median / best of R passes: the pure
 * evaluators alone, and a full runner pass (evaluators, alert state of every check, routing, events
 * handed to a dispatcher whose sender is the log). Each figure is given as wall time and as the CPU
 * time of the evaluating thread (steadier on a shared machine). Asserts nothing about speed.
 */
public final class MonitoringBench {
  private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

  private MonitoringBench() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<InstanceSnapshot> snapshots = snapshots(count);
    InstanceChecks checks = new InstanceChecks(CheckSettings.DEFAULTS);

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] pure = new long[runs + 1];
    long[] pureCpu = new long[runs + 1];
    int failing = 0;
    for (int run = 0; run <= runs; run++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      failing = evaluateAll(checks, snapshots);
      pure[run] = System.nanoTime() - start;
      pureCpu[run] = threads.getCurrentThreadCpuTime() - cpu;
    }

    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    StepClock clock = new StepClock(START);
    long[] full = new long[runs + 1];
    long[] fullCpu = new long[runs + 1];
    int events = 0;
    try (EventDispatcher dispatcher =
        new EventDispatcher(
                List.of(new LogSender(MonitoringLog.discard())),
                EventDispatcher.DEFAULT_QUEUE_CAPACITY,
                RetryPolicy.DEFAULT,
                registry,
                MonitoringLog.discard())
            .start()) {
      MonitoringRunner runner =
          new MonitoringRunner(
              "bench", checks, dispatcher::offer, registry, MonitoringLog.discard(), clock);
      for (int run = 0; run <= runs; run++) {
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        events += runner.evaluate(snapshots).size();
        full[run] = System.nanoTime() - start;
        fullCpu[run] = threads.getCurrentThreadCpuTime() - cpu;
        clock.step(Duration.ofMinutes(1));
      }
    }
    Runtime rt = Runtime.getRuntime();
    long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    System.out.printf(
        "monitoring checks for %d instances (%d checks, %d failing per pass), %d passes after the"
            + " first:%n",
        count, count * 5, failing, runs);
    System.out.println("  evaluators only,  wall: " + figures(pure));
    System.out.println("                    CPU:  " + figures(pureCpu));
    System.out.println("  full runner pass, wall: " + figures(full));
    System.out.println(
        "                    CPU:  " + figures(fullCpu) + " (" + events + " events)");
    System.out.printf("  heap in use %d MiB%n", usedMb);
  }

  private static int evaluateAll(InstanceChecks checks, List<InstanceSnapshot> snapshots) {
    int failing = 0;
    for (InstanceSnapshot snapshot : snapshots) {
      for (CheckResult result : checks.evaluate(snapshot, START)) {
        if (result.status().failing()) {
          failing++;
        }
      }
    }
    return failing;
  }

  private static String figures(long[] nanos) {
    long[] rest = Arrays.copyOfRange(nanos, 1, nanos.length);
    Arrays.sort(rest);
    return String.format(
        "first %.1f ms, median %.1f ms, best %.1f ms",
        nanos[0] / 1e6, rest[rest.length / 2] / 1e6, rest[0] / 1e6);
  }

  private static List<InstanceSnapshot> snapshots(int count) {
    MonitoringConfig monitoring =
        new MonitoringConfig(
            Optional.of("bench"),
            Optional.empty(),
            false,
            Optional.of("y/rb"),
            Optional.empty(),
            false,
            Optional.empty(),
            List.of(),
            List.of("#bench"),
            Optional.of("2m"),
            Optional.of("-1"),
            Optional.of("1m"),
            Optional.empty(),
            List.of(),
            Map.of());
    List<InstanceSnapshot> snapshots = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      InstanceRef ref = new InstanceRef("svc" + i, "bench", "main", InstanceKind.MARATHON);
      boolean under = i % 10 == 0;
      List<ObservedTask> tasks = new ArrayList<>();
      for (int t = 0; t < (under ? 1 : 3); t++) {
        tasks.add(task(ref.service() + "-" + t, TaskState.RUNNING, START.minusSeconds(3600)));
      }
      tasks.add(task(ref.service() + "-exited", TaskState.EXITED, START.minusSeconds(120)));
      Optional<Map<String, Integer>> smartstack =
          i % 2 == 0
              ? Optional.of(Map.of("region:a", under ? 0 : 2, "region:b", under ? 1 : 2))
              : Optional.empty();
      List<Instant> ooms = i % 100 == 0 ? List.of(START.minusSeconds(30)) : List.of();
      snapshots.add(
          new InstanceSnapshot(
              ref,
              monitoring,
              3,
              50,
              tasks,
              smartstack,
              DeployProgress.steady("running " + (under ? 1 : 3) + "/3"),
              ooms));
    }
    return snapshots;
  }

  private static ObservedTask task(String id, TaskState state, Instant started) {
    boolean exited = state == TaskState.EXITED;
    return new ObservedTask(
        id,
        id + ".git0123abcd.config01234567",
        state,
        Optional.of(started),
        exited ? Optional.of(started.plusSeconds(5)) : Optional.empty(),
        exited ? OptionalInt.of(137) : OptionalInt.empty(),
        OptionalInt.of(31000),
        exited ? HealthState.UNKNOWN : HealthState.HEALTHY,
        DrainState.NOT_DRAINING,
        false);
  }

  /** A clock the driver moves one check interval per pass, so that every check is due. */
  private static final class StepClock extends Clock {
    private Instant now;

    StepClock(Instant start) {
      this.now = start;
    }

    void step(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
