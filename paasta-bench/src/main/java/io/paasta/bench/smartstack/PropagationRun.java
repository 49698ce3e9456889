package io.paasta.bench.smartstack;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Phase (1): propagation latency over repeated bounces of a one-task instance. Each round changes
 * the instance's config (a bounce), learns the new task's port from its announcement, then times,
 * from the first answer of {@code /status} on the task's own port (polled directly about every
 * millisecond) to the first request through {@code 127.0.0.1:proxy_port} that the new task serves
 * (its {@code /id} is its port; polled through the proxy about every millisecond meanwhile). The
 * path timed is the daemon's: health check passes, a pass registers the task in ZooKeeper, the
 * watcher sees it, HAProxy gets it through the runtime API. Each round then waits for the bounce to
 * end (old task drained and killed) before the next.
 */
final class PropagationRun {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(60);
  private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

  /** What phase (1) measured. */
  record Result(
      Latencies latencies,
      Latencies toRegistered,
      Latencies registeredToServed,
      int lateAnnouncements,
      int reloads,
      long proxyRequests) {}

  /** One round's times, in nanoseconds. */
  private record Round(long healthyToServed, long healthyToRegistered, long registeredToServed) {}

  private final InstanceFile instance;
  private final Announcements tasks;
  private final ProxyView proxy;
  private final RegistrationWatch registrations;
  private final int proxyPort;
  private int current;

  PropagationRun(
      InstanceFile instance,
      Announcements tasks,
      ProxyView proxy,
      RegistrationWatch registrations,
      int proxyPort,
      int current) {
    this.instance = instance;
    this.tasks = tasks;
    this.proxy = proxy;
    this.registrations = registrations;
    this.proxyPort = proxyPort;
    this.current = current;
  }

  /** The port of the one task running after the last round. */
  int current() {
    return current;
  }

  Result run(int warmup, int rounds) throws Exception {
    for (int i = 0; i < warmup; i++) {
      round(new Tally());
    }
    int reloadsBefore = proxy.reloads();
    Tally tally = new Tally();
    long[] nanos = new long[rounds];
    long[] toRegistered = new long[rounds];
    long[] registeredToServed = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      Round round = round(tally);
      nanos[i] = round.healthyToServed();
      toRegistered[i] = round.healthyToRegistered();
      registeredToServed[i] = round.registeredToServed();
      if ((i + 1) % 10 == 0) {
        Progress.say("propagation: %d of %d rounds", i + 1, rounds);
      }
    }
    return new Result(
        new Latencies(nanos),
        new Latencies(toRegistered),
        new Latencies(registeredToServed),
        tally.late,
        proxy.reloads() - reloadsBefore,
        tally.requests.get());
  }

  private static final class Tally {
    int late;
    final AtomicLong requests = new AtomicLong();
  }

  private Round round(Tally tally) throws Exception {
    instance.bounce();
    int port = tasks.await(1, START_TIMEOUT).get(0);
    registrations.forget(port);
    String id = Integer.toString(port);
    AtomicLong servedAt = new AtomicLong();
    Thread through = new Thread(() -> pollProxy(id, servedAt, tally.requests), "through-proxy");
    through.start();
    long healthyAt = firstAnswer(port, tally);
    through.join(ROUTE_TIMEOUT.toMillis());
    if (servedAt.get() == 0) {
      through.interrupt();
      throw new IllegalStateException(
          "the task on port "
              + port
              + " served no request through HAProxy within "
              + ROUTE_TIMEOUT);
    }
    long registeredAt = registeredAt(port);
    new Convergence(proxy).await(Set.of(port), List.of(current), ROUTE_TIMEOUT);
    current = port;
    return new Round(
        Math.max(0, servedAt.get() - healthyAt),
        Math.max(0, registeredAt - healthyAt),
        Math.max(0, servedAt.get() - registeredAt));
  }

  /** When our own watch first saw the port registered (it may lag the daemon's a little). */
  private long registeredAt(int port) {
    long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
    while (registrations.firstSeen(port).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the task on port " + port + " was never seen registered");
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    return registrations.firstSeen(port).getAsLong();
  }

  /** When the task's own port first answered /status with 200. */
  private static long firstAnswer(int port, Tally tally) {
    long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
    boolean first = true;
    while (System.nanoTime() < deadline) {
      if (Http10.get(port, "/status", 200, 1000).ok()) {
        if (first) {
          tally.late++; // already answering when first asked: the start is later than true
        }
        return System.nanoTime();
      }
      first = false;
      LockSupport.parkNanos(POLL_NANOS);
    }
    throw new IllegalStateException("the task on port " + port + " never answered /status");
  }

  private void pollProxy(String id, AtomicLong servedAt, AtomicLong requests) {
    long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
      Http10.Reply reply = Http10.get(proxyPort, "/id", 1000, 2000);
      long at = System.nanoTime();
      requests.incrementAndGet();
      if (reply.ok() && reply.body().equals(id)) {
        servedAt.set(at);
        return;
      }
      LockSupport.parkNanos(POLL_NANOS * 2);
    }
  }
}
