package io.paasta.backend.kubernetes.bench;

import io.paasta.backend.kubernetes.InstanceRendering;
import io.paasta.backend.kubernetes.KubernetesBackend;
import io.paasta.backend.kubernetes.testing.MockCluster;
import io.paasta.model.KubernetesCluster;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import io.paasta.planning.testing.ConfigFixture;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes backend's passes on fabric8's mock API server (in this JVM, on loopback). Prints
 * figures, asserts nothing:
 *
 * <ol>
 *   <li>the first pass over {@code first} instances (10 per service): objects created, time;
 *   <li>a no-op pass over {@code noop} instances (created first, then planned once more: that pass
 *       diffs each instance again, since what it wrote has new resource versions; then {@value
 *       #NOOP_PASSES} passes timed): API requests during each (writes included; 0 expected), wall
 *       and CPU time of the planning thread;
 *   <li>the daemon's heap with {@code noop} instances watched: used heap after GC with the backend
 *       running, minus the same after it is closed (the mock server's own store stays in both).
 * </ol>
 *
 * Usage: {@code KubernetesBench [first] [noop]} (defaults 1000 and 10000).
 */
public final class KubernetesBench {
  /** Held, so that its level stays set (the log manager keeps loggers weakly). */
  private static final java.util.logging.Logger FABRIC8_LOG =
      java.util.logging.Logger.getLogger("io.fabric8");

  /** The cluster the instances run in (not BackendHarness's: that class needs the test clock). */
  private static final KubernetesCluster CLUSTER = MockCluster.CLUSTER;

  private KubernetesBench() {}

  public static void main(String[] args) throws Exception {
    int first = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int noop = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
    // the mock server logs every request at INFO: not part of what is measured
    FABRIC8_LOG.setLevel(java.util.logging.Level.WARNING);
    try (MockCluster mock = new MockCluster()) {
      KubernetesBackend backend = backend(mock);
      List<ConfigFixture> all = instances(noop);
      Pass created = pass(backend, all.subList(0, Math.min(first, noop)));
      System.out.printf(
          "first pass over %d instances: %d objects created in %d ms wall, %d ms CPU of the planning"
              + " thread (%.2f ms per instance)%n",
          created.instances,
          created.actions,
          created.millis,
          created.cpuMillis,
          created.millis / (double) created.instances);
      Pass rest = pass(backend, all.subList(Math.min(first, noop), noop));
      awaitCached(backend, 2 * noop + noop / 10);
      System.out.printf(
          "(created the other %d instances: %d objects in %d ms; %d objects cached)%n",
          rest.instances, rest.actions, rest.millis, backend.cachedObjects());
      int before = mock.server().getRequestCount();
      Pass settle = pass(backend, all);
      System.out.printf(
          "the pass after the writes over %d instances (each diffed again: the objects it wrote"
              + " have new resource versions): %d actions, %d API requests, %d ms wall, %d ms CPU%n",
          settle.instances,
          settle.actions,
          mock.server().getRequestCount() - before,
          settle.millis,
          settle.cpuMillis);
      List<Long> walls = new ArrayList<>();
      for (int i = 0; i < NOOP_PASSES; i++) {
        before = mock.server().getRequestCount();
        Pass idle = pass(backend, all);
        int requests = mock.server().getRequestCount() - before;
        walls.add(idle.millis);
        System.out.printf(
            "no-op pass %d over %d instances: %d actions, %d API requests (writes included),"
                + " %d ms wall, %d ms CPU%n",
            i + 1, idle.instances, idle.actions, requests, idle.millis, idle.cpuMillis);
      }
      System.out.printf(
          "no-op pass over %d instances: median %d ms wall of %d passes%n",
          noop, walls.stream().sorted().toList().get(walls.size() / 2), walls.size());
      long withBackend = usedHeap();
      backend.close();
      backend = null; // its informers' stores outlive close(): let them go
      long without = usedHeap();
      System.out.printf(
          "heap with %d instances watched: %d MB used after GC; %d MB of it the backend's"
              + " (informer caches, client); max heap %d MB%n",
          noop,
          withBackend >> 20,
          (withBackend - without) >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  /** How many no-op passes are timed after the pass that follows the writes. */
  private static final int NOOP_PASSES = 5;

  private record Pass(int instances, int actions, long millis, long cpuMillis) {}

  /** Plans every instance and executes what the plan says, one after the other. */
  private static Pass pass(KubernetesBackend backend, List<ConfigFixture> instances) {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    int actions = 0;
    int failed = 0;
    for (ConfigFixture fixture : instances) {
      ObservedInstance observed = backend.observe(fixture.ref());
      Plan plan =
          backend.plan(
              fixture.ref(),
              true,
              Optional.of(fixture.desired()),
              Optional.of(fixture.config()),
              observed,
              java.time.Instant.now());
      for (Action action : plan.actions()) {
        try {
          backend.execute(fixture.ref(), action);
          actions++;
        } catch (BackendException e) {
          // as in the daemon: that instance's next pass reads again and retries
          if (failed++ == 0) {
            System.out.println(
                "(first failed write, retried by the next pass: " + e.getMessage() + ")");
          }
        }
      }
    }
    if (failed > 0) {
      System.out.printf("(%d writes failed in this pass)%n", failed);
    }
    return new Pass(
        instances.size(),
        actions,
        Duration.ofNanos(System.nanoTime() - start).toMillis(),
        Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpu).toMillis());
  }

  private static List<ConfigFixture> instances(int count) {
    List<ConfigFixture> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ConfigFixture fixture = new ConfigFixture();
      fixture.cluster = CLUSTER.name();
      fixture.service = "svc" + (i / 10);
      fixture.instance = "main" + (i % 10);
      fixture.deployGroup = "bench.main";
      out.add(fixture);
    }
    return out;
  }

  private static KubernetesBackend backend(MockCluster mock) {
    return new KubernetesBackend(
            CLUSTER.name(),
            mock.client(),
            new InstanceRendering(CLUSTER, service -> Map.of()),
            Clock.systemUTC(),
            onChange -> Optional.empty())
        .start(Duration.ofSeconds(60));
  }

  private static void awaitCached(KubernetesBackend backend, int objects)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (backend.cachedObjects() < objects && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
