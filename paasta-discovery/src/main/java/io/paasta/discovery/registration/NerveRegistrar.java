package io.paasta.discovery.registration;

import io.paasta.model.InstanceRef;
import java.io.Closeable;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps nerve registrations in ZooKeeper: for each instance, exactly the set given to the last
 * {@link #sync} exists, as ephemeral nodes that come back by themselves after a lost session
 * (Curator's {@code PersistentNode} recipe in {@code EPHEMERAL} mode).
 *
 * <p>Thread-safe. Callers never wait for ZooKeeper: {@link #sync} and {@link #deregister} record
 * what is wanted and return; one background thread brings ZooKeeper in line with the latest wanted
 * set (level-triggered, so a burst of calls is applied once) and, while ZooKeeper is unreachable,
 * waits for it and then catches up.
 */
public final class NerveRegistrar implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(NerveRegistrar.class);

  private final Map<InstanceRef, Map<String, Registration>> wanted = new HashMap<>();
  private final AtomicReference<Map<String, Registration>> latest = new AtomicReference<>(Map.of());
  private final RegistrationNodes nodes;
  private final ExecutorService worker;
  private final Duration closeTimeout;
  private boolean closed;

  /**
   * @param client a started client; the registrar does not close it
   * @param closeTimeout how long {@link #close} waits for the nodes to be removed
   */
  public NerveRegistrar(CuratorFramework client, Duration closeTimeout) {
    this.nodes = new RegistrationNodes(client);
    this.closeTimeout = closeTimeout;
    this.worker =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "nerve-registrar");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Makes exactly these registrations exist for the instance: new ones are created, changed ones
   * rewritten, ones no longer given removed. An empty set removes all of the instance's nodes.
   */
  public synchronized void sync(InstanceRef instance, Set<Registration> registrations) {
    if (closed) {
      return;
    }
    Map<String, Registration> byPath = new LinkedHashMap<>();
    registrations.forEach(registration -> byPath.put(registration.path(), registration));
    if (byPath.isEmpty()) {
      wanted.remove(instance);
    } else {
      wanted.put(instance, byPath);
    }
    publish();
  }

  /**
   * Removes every registration of the task at this host and port (of any instance), e.g. when it
   * starts draining. A later {@link #sync} that lists it again registers it again.
   *
   * @return how many registrations were removed
   */
  public synchronized int deregister(String host, int port) {
    if (closed) {
      return 0;
    }
    int removed = 0;
    for (Map<String, Registration> byPath : wanted.values()) {
      int before = byPath.size();
      byPath
          .values()
          .removeIf(r -> r.endpoint().host().equals(host) && r.endpoint().port() == port);
      removed += before - byPath.size();
    }
    wanted.values().removeIf(Map::isEmpty);
    if (removed > 0) {
      publish();
    }
    return removed;
  }

  /** The registrations currently wanted for an instance (whether or not ZooKeeper has them yet). */
  public synchronized Set<Registration> registrations(InstanceRef instance) {
    return Set.copyOf(wanted.getOrDefault(instance, Map.of()).values());
  }

  /**
   * Removes every node (waiting at most the close timeout, e.g. while ZooKeeper is down; the nodes
   * are ephemeral, so closing the client's session removes them too) and stops the thread.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      wanted.clear();
      publish();
    }
    worker.shutdown();
    try {
      if (!worker.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "registrations not all removed within {}; ZooKeeper removes them when the session ends",
            closeTimeout);
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Hands the union of all wanted registrations to the background thread. */
  private void publish() {
    Map<String, Registration> all = new LinkedHashMap<>();
    wanted.values().forEach(byPath -> byPath.forEach(all::putIfAbsent));
    latest.set(Map.copyOf(all));
    worker.execute(this::apply);
  }

  private void apply() {
    Map<String, Registration> target = latest.get();
    try {
      nodes.reconcile(target);
    } catch (RuntimeException e) {
      LOG.error("could not apply nerve registrations; retrying with the next change", e);
    }
  }
}
