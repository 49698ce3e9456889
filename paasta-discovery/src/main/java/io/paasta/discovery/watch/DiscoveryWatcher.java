package io.paasta.discovery.watch;

import io.paasta.discovery.Endpoint;
import java.io.Closeable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the nerve registrations of a set of namespaces, each at this host's discover location,
 * and tells a {@link DiscoveryListener} the registered endpoints after every change.
 *
 * <p>Each namespace is one Curator {@code CuratorCache} (a persistent recursive watch: a change
 * reaches the watcher in one round trip). While ZooKeeper is unreachable the caches keep what they
 * last read, so no snapshot is published for a lost connection; on reconnecting they re-read and
 * the watcher publishes what changed meanwhile. Thread-safe; the listener is called on the
 * watcher's own thread.
 */
public final class DiscoveryWatcher implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryWatcher.class);

  private final CuratorFramework client;
  private final DiscoveryListener listener;
  private final Map<String, NamespaceCache> caches = new HashMap<>();
  private final ExecutorService publisher;
  private final AtomicBoolean rebuildPending = new AtomicBoolean();
  private Map<String, List<Endpoint>> published = Map.of();
  private Map<String, String> reportedGarbage = Map.of();
  private boolean closed;

  /**
   * @param client a started client; the watcher does not close it
   */
  public DiscoveryWatcher(CuratorFramework client, DiscoveryListener listener) {
    this.client = client;
    this.listener = listener;
    this.publisher =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "discovery-watcher");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Watches exactly these namespaces from now on: starts watching new ones (or ones whose location
   * changed) and stops watching the others.
   *
   * @throws IllegalArgumentException when a namespace is given twice
   */
  public synchronized void watch(Set<NamespaceDiscovery> namespaces) {
    if (closed) {
      return;
    }
    Map<String, NamespaceDiscovery> byName = new HashMap<>();
    for (NamespaceDiscovery discovery : namespaces) {
      NamespaceDiscovery other = byName.put(discovery.namespace().toString(), discovery);
      if (other != null) {
        throw new IllegalArgumentException(
            "namespace "
                + discovery.namespace()
                + " given twice: at "
                + other.location()
                + " and at "
                + discovery.location());
      }
    }
    for (String name : new HashSet<>(caches.keySet())) {
      NamespaceCache cache = caches.get(name);
      if (!cache.discovery().equals(byName.get(name))) {
        caches.remove(name).close();
      }
    }
    byName.forEach(
        (name, discovery) ->
            caches.computeIfAbsent(
                name, n -> NamespaceCache.start(client, discovery, this::scheduleRebuild)));
    scheduleRebuild();
  }

  /** The namespaces watched now. */
  public synchronized Set<NamespaceDiscovery> watched() {
    Set<NamespaceDiscovery> result = new HashSet<>();
    caches.values().forEach(cache -> result.add(cache.discovery()));
    return Set.copyOf(result);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      caches.values().forEach(NamespaceCache::close);
      caches.clear();
    }
    publisher.shutdownNow();
  }

  /** Coalesces bursts of cache events into one rebuild on the publisher thread. */
  private void scheduleRebuild() {
    if (rebuildPending.compareAndSet(false, true)) {
      try {
        publisher.execute(this::rebuild);
      } catch (RejectedExecutionException e) {
        rebuildPending.set(false); // closed
      }
    }
  }

  private void rebuild() {
    rebuildPending.set(false);
    EndpointSnapshot snapshot = EndpointSnapshot.of(read());
    reportGarbage(snapshot.garbage());
    if (!snapshot.endpoints().equals(published)) {
      published = snapshot.endpoints();
      try {
        listener.snapshot(published);
      } catch (RuntimeException e) {
        LOG.error("discovery listener failed on a snapshot", e);
      }
    }
  }

  private synchronized Map<String, EndpointSnapshot.NamespaceNodes> read() {
    Map<String, EndpointSnapshot.NamespaceNodes> result = new HashMap<>();
    caches.forEach((name, cache) -> cache.nodes().ifPresent(nodes -> result.put(name, nodes)));
    return result;
  }

  private void reportGarbage(Map<String, String> garbage) {
    garbage.forEach(
        (path, problem) -> {
          if (!problem.equals(reportedGarbage.get(path))) {
            LOG.warn("ignoring registration node {}: {}", path, problem);
            try {
              listener.garbage(path, problem);
            } catch (RuntimeException e) {
              LOG.error("discovery listener failed on a garbage node", e);
            }
          }
        });
    reportedGarbage = garbage;
  }
}
