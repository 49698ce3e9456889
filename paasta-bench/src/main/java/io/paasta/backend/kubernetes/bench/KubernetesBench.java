package io.paasta.backend.kubernetes.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.paasta.backend.kubernetes.InstanceRendering;
import io.paasta.backend.kubernetes.KubernetesBackend;
import io.paasta.backend.kubernetes.testing.MockCluster;
import io.paasta.model.KubernetesCluster;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import io.paasta.planning.testing.ConfigFixture;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The Kubernetes backend's passes on fabric8's mock API server (in this JVM, on loopback), the
 * instances planned in parallel by {@code workers} threads as the daemon's workers do ({@code
 * paasta server --workers}, 4 by default). Prints figures, asserts nothing:
 *
 * <ol>
 *   <li>(a) the first pass over {@code first} instances (10 per service) on an empty API server,
 *       every object created through the API: objects created, wall time, CPU;
 *   <li>the other {@code noop - first} instances' objects, as that first pass plans them, and for
 *       every Deployment the ReplicaSet and pods its rollout leaves (running and ready: the mock
 *       runs no controllers; {@link Replicas}) put in the mock's store directly ({@link
 *       BenchApiServer#store}: the mock answers each create by scanning every object it holds,
 *       which is what made creating them through the API take 40 minutes); then a new backend
 *       starts on that store, as a restarted daemon would: its informers list every object once;
 *   <li>(b) the pass after the start (each instance rendered and diffed once: the backend has not
 *       seen it yet), then {@value #NOOP_PASSES} no-op passes over {@code noop} instances: API
 *       requests during each (writes included; 0 expected), wall time from the first instance taken
 *       to the last one planned, CPU of the planning threads and of the whole JVM;
 *   <li>(c) the heap with {@code noop} instances watched, after GC: before the mock starts, once
 *       its store is filled (before the second backend starts), and with that backend running after
 *       the passes; the store's share and the backend's are the differences.
 * </ol>
 *
 * Usage: {@code KubernetesBench [first] [noop] [workers]} (defaults 1000, 10000 and 4).
 */
public final class KubernetesBench {
  /** Held, so that its level stays set (the log manager keeps loggers weakly). */
  private static final java.util.logging.Logger FABRIC8_LOG =
      java.util.logging.Logger.getLogger("io.fabric8");

  /** The cluster the instances run in (the tests' mock cluster). */
  private static final KubernetesCluster CLUSTER = MockCluster.CLUSTER;

  /** How many no-op passes are timed after the pass that follows the start. */
  private static final int NOOP_PASSES = 7;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private KubernetesBench() {}

  public static void main(String[] args) throws Exception {
    int first = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int noop = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    first = Math.min(first, noop);
    // the mock server logs every request at INFO: not part of what is measured
    FABRIC8_LOG.setLevel(java.util.logging.Level.WARNING);
    List<Thread> poolThreads = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            task -> {
              Thread thread = new Thread(task, "bench-worker-" + poolThreads.size());
              thread.setDaemon(true);
              poolThreads.add(thread);
              return thread;
            });
    Workers planners = new Workers(pool, poolThreads);
    List<ConfigFixture> all = instances(noop);
    long baseline = usedHeap();
    BenchApiServer api = new BenchApiServer();
    KubernetesBackend writer = backend(api, Duration.ofSeconds(60));
    Pass created = planners.pass(writer, api, all.subList(0, first));
    System.out.printf(
        "(a) first pass over %d instances through the API (%d workers): %d create actions (%d"
            + " objects in the API server after it), %d API requests, %s; load %s%n",
        created.instances,
        workers,
        created.actions,
        api.objects(),
        created.requests,
        created.times(),
        load());

    long fillStart = System.nanoTime();
    int stored = 0;
    List<Deployment> deployments = new ArrayList<>();
    try (KubernetesClient client = api.client()) {
      deployments.addAll(client.apps().deployments().inAnyNamespace().list().getItems());
    }
    for (ConfigFixture fixture : all.subList(first, noop)) {
      for (Action action : plan(writer, fixture).actions()) {
        if (action instanceof Action.ChangeObject change
            && change.verb() == Action.ObjectVerb.CREATE) {
          HasMetadata object = Serialization.unmarshal(change.body());
          if (api.store(object)) {
            stored++;
          }
          if (object instanceof Deployment deployment) {
            deployments.add(deployment);
          }
        }
      }
    }
    writer.close();
    int replicas = 0;
    Instant started = Instant.now().minusSeconds(3600);
    for (Deployment deployment : deployments) {
      for (HasMetadata object : Replicas.of(deployment, started)) {
        api.store(object);
        replicas++;
      }
    }
    System.out.printf(
        "(the other %d instances: %d objects as their first pass plans them, and %d ReplicaSets"
            + " and pods of the %d Deployments, running and ready, put in the mock's store"
            + " directly in %d ms)%n",
        noop - first, stored, replicas, deployments.size(), millisSince(fillStart));

    writer = null;
    deployments = null;
    awaitQuiet();
    long storeOnly = usedHeap(); // the mock's store and the bench's instances: no backend yet
    histogram("before the backend");

    long startAt = System.nanoTime();
    int before = api.requests();
    KubernetesBackend daemon = backend(api, Duration.ofMinutes(5));
    System.out.printf(
        "a new backend's informers listed %d objects in %d ms (%d API requests)%n",
        daemon.cachedObjects(), millisSince(startAt), api.requests() - before);
    System.out.printf(
        "then waited %d ms for the JVM to be quiet (the mock's watches send every object they"
            + " match as ADDED when they open, which the client reads and drops; a real API server"
            + " sends only newer changes)%n",
        awaitQuiet());
    Pass settle = planners.pass(daemon, api, all);
    System.out.printf(
        "the first pass of that backend over %d instances (each rendered and diffed once):"
            + " %d actions, %d API requests, %s%n",
        settle.instances, settle.actions, settle.requests, settle.times());
    List<Pass> idle = new ArrayList<>();
    for (int i = 0; i < NOOP_PASSES; i++) {
      Pass pass = planners.pass(daemon, api, all);
      idle.add(pass);
      System.out.printf(
          "(b) no-op pass %d over %d instances: %d actions, %d API requests (writes included),"
              + " %s%n",
          i + 1, pass.instances, pass.actions, pass.requests, pass.times());
    }
    Pass desiredOnly = planners.desired(all);
    System.out.printf(
        "of which the desired state alone (DesiredInstanceFactory, as the daemon computes it at"
            + " each pass; not the backend's): %s%n",
        desiredOnly.times());
    Pass median =
        idle.stream()
            .sorted((x, y) -> Long.compare(x.millis, y.millis))
            .toList()
            .get(idle.size() / 2);
    System.out.printf(
        "(b) no-op pass over %d instances: median of %d passes %s; load %s%n",
        noop, idle.size(), median.times(), load());

    int cachedObjects = daemon.cachedObjects();
    awaitQuiet();
    long withBackend = usedHeap();
    histogram("with the backend");
    System.out.printf(
        "(c) heap after GC with %d instances watched (%d objects cached): %d MB in all; the"
            + " backend's %d MB (informer caches, plan memo, client: the heap with it minus before"
            + " it started), the mock server's store %d MB (the heap before the backend started"
            + " minus before the mock did), the rest %d MB (the bench's instances, classes); max"
            + " heap %d MB%n",
        noop,
        cachedObjects,
        withBackend >> 20,
        (withBackend - storeOnly) >> 20,
        (storeOnly - baseline) >> 20,
        baseline >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    daemon.close();
    api.close();
    pool.shutdownNow();
    System.exit(0); // the mock server's threads outlive destroy()
  }

  /** A timed pass: wall, CPU of the planning threads, CPU of the whole JVM. */
  private record Pass(
      int instances, int actions, int requests, long millis, long cpuMillis, long jvmCpuMillis) {
    String times() {
      return String.format(
          "%d ms wall, %d ms CPU of the %s, %d ms CPU of the JVM",
          millis, cpuMillis, "planning threads", jvmCpuMillis);
    }
  }

  /** The daemon's workers, as a pool that plans and executes every instance once per pass. */
  private record Workers(ExecutorService pool, List<Thread> threads) {
    Pass pass(KubernetesBackend backend, BenchApiServer api, List<ConfigFixture> instances)
        throws Exception {
      int requests = api.requests();
      AtomicInteger actions = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      Pass pass =
          timed(
              instances,
              fixture -> {
                for (Action action : plan(backend, fixture).actions()) {
                  try {
                    backend.execute(fixture.ref(), action);
                    actions.incrementAndGet();
                  } catch (BackendException e) {
                    // as in the daemon: that instance's next pass reads again and retries
                    if (failed.getAndIncrement() == 0) {
                      System.out.println(
                          "(first failed write, retried by the next pass: " + e.getMessage() + ")");
                    }
                  }
                }
              });
      if (failed.get() > 0) {
        System.out.printf("(%d writes failed in this pass)%n", failed.get());
      }
      return new Pass(
          pass.instances,
          actions.get(),
          api.requests() - requests,
          pass.millis,
          pass.cpuMillis,
          pass.jvmCpuMillis);
    }

    /** Only the desired state of each instance, as {@link #pass} computes it. */
    Pass desired(List<ConfigFixture> instances) throws Exception {
      return timed(instances, ConfigFixture::desired);
    }

    /** Runs {@code each} on every instance, spread over the workers, and times it. */
    private Pass timed(List<ConfigFixture> instances, Consumer<ConfigFixture> each)
        throws Exception {
      long cpu = threadsCpu();
      long jvm = jvmCpu();
      long start = System.nanoTime();
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < ((ThreadPoolExecutor) pool).getCorePoolSize(); w++) {
        running.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < instances.size();
                      i = next.getAndIncrement()) {
                    each.accept(instances.get(i));
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      return new Pass(
          instances.size(),
          0,
          0,
          millisSince(start),
          (threadsCpu() - cpu) / 1_000_000,
          (jvmCpu() - jvm) / 1_000_000);
    }

    private long threadsCpu() {
      long sum = 0;
      for (Thread thread : List.copyOf(threads)) {
        long cpu = THREADS.getThreadCpuTime(thread.getId());
        sum += Math.max(0, cpu);
      }
      return sum;
    }
  }

  /** One instance's plan, as the daemon's pass makes it (the desired state computed afresh). */
  private static Plan plan(KubernetesBackend backend, ConfigFixture fixture) {
    ObservedInstance observed = backend.observe(fixture.ref());
    return backend.plan(
        fixture.ref(),
        true,
        Optional.of(fixture.desired()),
        Optional.of(fixture.config()),
        observed,
        Instant.now());
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

  private static KubernetesBackend backend(BenchApiServer api, Duration max) {
    return new KubernetesBackend(
            CLUSTER.name(),
            api.client(),
            new InstanceRendering(CLUSTER, service -> Map.of()),
            Clock.systemUTC(),
            onChange -> Optional.empty())
        .start(max);
  }

  /**
   * Waits until the JVM has used less than a tenth of a core for 3 s (at most 10 minutes): the
   * mock's watches send every object they match as ADDED when they open (a real API server sends
   * only newer changes), and the client reads and drops them for a while after the informers have
   * listed.
   *
   * @return how long it waited, in ms
   */
  private static long awaitQuiet() throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + Duration.ofMinutes(10).toNanos();
    long quietSince = start;
    long cpu = jvmCpu();
    while (System.nanoTime() < deadline
        && System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
      long before = System.nanoTime();
      Thread.sleep(500);
      long now = jvmCpu();
      if (now - cpu > (System.nanoTime() - before) / 10) {
        quietSince = System.nanoTime();
      }
      cpu = now;
    }
    return millisSince(start);
  }

  private static long jvmCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long millisSince(long start) {
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  private static String load() {
    try {
      String[] parts =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** The heap's largest classes, when {@code -Dbench.histogram=N} asks for the first N lines. */
  private static void histogram(String when) {
    int lines = Integer.getInteger("bench.histogram", 0);
    if (lines <= 0) {
      return;
    }
    try {
      Object text =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "gcClassHistogram",
                  new Object[] {new String[0]},
                  new String[] {String[].class.getName()});
      System.out.println("class histogram " + when + ":");
      String[] all = String.valueOf(text).split("\n");
      for (int i = 0; i < Math.min(lines + 2, all.length); i++) {
        System.out.println(all[i]);
      }
    } catch (javax.management.JMException e) {
      System.out.println("(no class histogram: " + e + ")");
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
