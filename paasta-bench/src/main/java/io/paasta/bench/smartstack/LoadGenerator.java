package io.paasta.bench.smartstack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Steady, bounded load through the proxy port: {@code workers} threads each send HTTP/1.0 GETs on
 * fresh connections at a fixed pace, together {@code rate} requests per second, until stopped, the
 * time limit passes or {@code maxRequests} were sent. A worker that falls behind does not catch up
 * in a burst. Every request is kept as a {@link Sample}.
 */
final class LoadGenerator {
  /**
   * One request.
   *
   * @param startNanos when it was sent ({@link System#nanoTime})
   * @param latencyNanos until its response was read (or it failed)
   * @param failure why it failed (no response, or a status other than 200), or null
   */
  record Sample(long startNanos, long latencyNanos, String failure) {}

  private final int port;
  private final String path;
  private final int rate;
  private final int workers;
  private final long maxNanos;
  private final long maxRequests;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicBoolean bounded = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  private final List<List<Sample>> samples = new ArrayList<>();

  LoadGenerator(int port, String path, int rate, int workers, long maxSeconds, long maxRequests) {
    if (rate < 1 || workers < 1) {
      throw new IllegalArgumentException("rate and workers must be at least 1");
    }
    this.port = port;
    this.path = path;
    this.rate = rate;
    this.workers = workers;
    this.maxNanos = TimeUnit.SECONDS.toNanos(maxSeconds);
    this.maxRequests = maxRequests;
  }

  void start() {
    running.set(true);
    long begin = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(workers) / rate;
    for (int w = 0; w < workers; w++) {
      List<Sample> mine = new ArrayList<>();
      samples.add(mine);
      long first = begin + w * interval / workers;
      Thread t = new Thread(() -> work(first, interval, begin + maxNanos, mine), "load-" + w);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void work(long next, long interval, long deadline, List<Sample> mine) {
    while (running.get() && System.nanoTime() < deadline && sent.incrementAndGet() <= maxRequests) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      long start = System.nanoTime();
      Http10.Reply reply = Http10.get(port, path, 1000, 3000);
      long latency = System.nanoTime() - start;
      mine.add(new Sample(start, latency, reply.ok() ? null : reply.describe()));
      next = Math.max(next + interval, System.nanoTime());
    }
    if (running.get()) {
      bounded.set(true);
    }
  }

  /** Stops the workers and returns every request, in no particular order. */
  List<Sample> stop() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join();
    }
    List<Sample> all = new ArrayList<>();
    samples.forEach(all::addAll);
    return all;
  }

  /** Whether a bound stopped the load before {@link #stop()} (the figures then cover less). */
  boolean boundReached() {
    return bounded.get();
  }
}
