package io.paasta.bench;

import io.paasta.discovery.Endpoint;
import io.paasta.discovery.location.Location;
import io.paasta.discovery.registration.NervePaths;
import io.paasta.discovery.registration.NerveRegistrar;
import io.paasta.discovery.registration.Registration;
import io.paasta.discovery.watch.DiscoveryListener;
import io.paasta.discovery.watch.DiscoveryWatcher;
import io.paasta.discovery.watch.NamespaceDiscovery;
import io.paasta.discovery.zk.EmbeddedZooKeeper;
import io.paasta.discovery.zk.ZkClientSettings;
import io.paasta.discovery.zk.ZkClients;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.ServiceInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;

/**
 * Benchmark driver: time from {@link NerveRegistrar#sync} of a new registration (and of a removal)
 * to the {@link DiscoveryWatcher}'s snapshot showing it, through a real ZooKeeper server (the
 * embedded one). The registrar and the watcher use separate sessions, as two hosts would. One
 * change at a time; prints p50/p99/max in milliseconds. Asserts nothing about speed.
 *
 * <p>Arguments: {@code [registrations (100)] [warm-up registrations (20)]}.
 */
public final class RegistrationLatencyBench {
  private static final ServiceInstance NAMESPACE = new ServiceInstance("bench", "main");
  private static final Location REGION = new Location("region", "local");
  private static final InstanceRef INSTANCE =
      new InstanceRef("bench", "local", "main", InstanceKind.MARATHON);
  private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

  private RegistrationLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path data = Files.createTempDirectory("paasta-bench-zk");
    LatestSnapshot latest = new LatestSnapshot();
    try (EmbeddedZooKeeper server = EmbeddedZooKeeper.start(data, 0);
        CuratorFramework registrarClient = ZkClients.start(server, ZkClientSettings.DEFAULTS);
        CuratorFramework watcherClient = ZkClients.start(server, ZkClientSettings.DEFAULTS);
        NerveRegistrar registrar = new NerveRegistrar(registrarClient, Duration.ofSeconds(10));
        DiscoveryWatcher watcher = new DiscoveryWatcher(watcherClient, latest)) {
      registrarClient.blockUntilConnected(10, TimeUnit.SECONDS);
      watcherClient.blockUntilConnected(10, TimeUnit.SECONDS);
      watcher.watch(Set.of(new NamespaceDiscovery(NAMESPACE, REGION)));
      Set<Registration> wanted = new LinkedHashSet<>();
      measure(registrar, latest, wanted, 40000, warmup);
      Results results = measure(registrar, latest, wanted, 41000, count);
      System.out.printf(
          "ZooKeeper registration -> watcher snapshot, %d registrations one at a time (after %d"
              + " warm-up), embedded server on 127.0.0.1:%d, %d CPUs, Java %s%n",
          count,
          warmup,
          server.port(),
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"));
      System.out.println();
      System.out.println("| change | count | p50 ms | p99 ms | max ms |");
      System.out.println("| --- | ---: | ---: | ---: | ---: |");
      System.out.println(
          row("sync() of a new registration until the snapshot has it", results.added));
      System.out.println(row("sync() without it until the snapshot lacks it", results.removed));
    } finally {
      deleteRecursively(data);
    }
  }

  private record Results(List<Long> added, List<Long> removed) {}

  /** Registers {@code count} tasks one by one, then removes them one by one, timing each. */
  private static Results measure(
      NerveRegistrar registrar,
      LatestSnapshot latest,
      Set<Registration> wanted,
      int firstPort,
      int count)
      throws InterruptedException {
    List<Long> added = new ArrayList<>();
    List<Long> removed = new ArrayList<>();
    List<Registration> mine = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Registration registration = registration(firstPort + i);
      mine.add(registration);
      wanted.add(registration);
      long start = System.nanoTime();
      registrar.sync(INSTANCE, Set.copyOf(wanted));
      added.add(latest.awaitPresence(registration.endpoint(), true, start) - start);
    }
    for (Registration registration : mine) {
      wanted.remove(registration);
      long start = System.nanoTime();
      registrar.sync(INSTANCE, Set.copyOf(wanted));
      removed.add(latest.awaitPresence(registration.endpoint(), false, start) - start);
    }
    return new Results(added, removed);
  }

  private static Registration registration(int port) {
    String host = "127.0.0.1";
    return new Registration(
        NervePaths.nodePath(REGION, NAMESPACE, host, port),
        new Endpoint(host, port, NervePaths.nodeName(host, port), 10));
  }

  private static String row(String label, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format(
        "| %s | %d | %.1f | %.1f | %.1f |",
        label,
        sorted.size(),
        ms(percentile(sorted, 50)),
        ms(percentile(sorted, 99)),
        ms(sorted.get(sorted.size() - 1)));
  }

  /** Nearest-rank percentile of a sorted list. */
  private static long percentile(List<Long> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The watcher's latest snapshot, with the time it arrived; lets the driver wait for a change. */
  private static final class LatestSnapshot implements DiscoveryListener {
    private final AtomicReference<Map<String, List<Endpoint>>> snapshot =
        new AtomicReference<>(Map.of());
    private volatile long arrivedAt;

    @Override
    public synchronized void snapshot(Map<String, List<Endpoint>> endpoints) {
      arrivedAt = System.nanoTime();
      snapshot.set(endpoints);
      notifyAll();
    }

    /** Waits until the snapshot has (or lacks) the endpoint; returns when that snapshot arrived. */
    synchronized long awaitPresence(Endpoint endpoint, boolean present, long start)
        throws InterruptedException {
      while (snapshot.get().getOrDefault(NAMESPACE.toString(), List.of()).contains(endpoint)
          != present) {
        long left = TIMEOUT_NS - (System.nanoTime() - start);
        if (left <= 0) {
          throw new IllegalStateException(
              "the watcher did not see "
                  + endpoint
                  + (present ? " appear" : " go")
                  + " within 30 s");
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return arrivedAt;
    }
  }
}
