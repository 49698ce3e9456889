package io.paasta.bench;

import io.paasta.model.BounceMethod;
import io.paasta.model.DrainMethod;
import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.InstancePlanner;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.app.RunSpec;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import io.paasta.planning.plan.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Benchmark driver: one no-op reconcile pass (planning only, no I/O) over N instances whose
 * observed state (3 happy tasks each, in memory) already matches the desired state. Prints the pass
 * time of the first (cold) and the best of several passes, and the heap in use.
 */
public final class NoOpPassBench {
  private NoOpPassBench() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Instant now = Instant.parse("2026-11-25T12:00:00Z");
    List<DesiredInstance> desired = new ArrayList<>(count);
    List<ObservedInstance> observed = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      InstanceRef ref = new InstanceRef("svc" + i, "local", "main", InstanceKind.MARATHON);
      DesiredInstance instance = desired(ref, i);
      desired.add(instance);
      List<ObservedTask> tasks = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        tasks.add(happy(ref.service() + "-" + t, instance.appId(), now, 31000 + t));
      }
      observed.add(new ObservedInstance(ref, tasks));
    }
    long cold = pass(desired, observed, now);
    long best = Long.MAX_VALUE;
    for (int run = 0; run < 5; run++) {
      best = Math.min(best, pass(desired, observed, now));
    }
    Runtime rt = Runtime.getRuntime();
    long usedMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    System.out.printf(
        "no-op pass over %d instances: first %d ms, best of 5 %d ms; heap in use %d MiB%n",
        count, cold, best, usedMb);
  }

  private static long pass(
      List<DesiredInstance> desired, List<ObservedInstance> observed, Instant now) {
    long start = System.nanoTime();
    int actions = 0;
    for (int i = 0; i < desired.size(); i++) {
      Plan plan = InstancePlanner.plan(Optional.of(desired.get(i)), observed.get(i), now);
      actions += plan.actions().size();
    }
    if (actions != 0) {
      throw new IllegalStateException("a no-op pass planned " + actions + " actions");
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static DesiredInstance desired(InstanceRef ref, int i) {
    String appId = ref.service() + ".main.git0123abcd.config" + String.format("%08x", i);
    Healthcheck check =
        new Healthcheck(HealthcheckMode.HTTP, "/status", Optional.empty(), 60, 10, 10, 30);
    RunSpec run =
        new RunSpec(
            "127.0.0.1:5000/services-" + ref.service() + ":paasta-0123abcd",
            Optional.of("httpd -f -p 127.0.0.1:$PORT0 -h /www"),
            List.of(),
            Map.of("PAASTA_SERVICE", ref.service()),
            0.1,
            64,
            1024,
            100_000,
            100_000,
            128,
            List.of(),
            Map.of(),
            List.of(),
            Map.of(),
            check,
            1,
            Map.of());
    return new DesiredInstance(
        ref,
        appId,
        "0123abcd".repeat(5),
        String.format("%032x", i),
        run,
        3,
        BounceMethod.CROSSOVER,
        1.0,
        DrainMethod.NOOP,
        Map.of(),
        Optional.empty(),
        false,
        2,
        Duration.ofSeconds(300));
  }

  private static ObservedTask happy(String id, String appId, Instant now, int port) {
    return new ObservedTask(
        id,
        appId,
        TaskState.RUNNING,
        Optional.of(now.minusSeconds(3600)),
        Optional.empty(),
        OptionalInt.empty(),
        OptionalInt.of(port),
        HealthState.HEALTHY,
        DrainState.NOT_DRAINING,
        false);
  }
}
