package io.paasta.server.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The reconcile loop's work queue: keys (instances) due for a pass, each at most once in the queue
 * and never handed to two workers at once (one pass per instance at a time). A key asked for while
 * its pass runs is queued again when that pass ends. Thread-safe.
 */
public final class InstanceQueue<K> {
  private final Clock clock;
  private final Map<K, Instant> dueAt = new HashMap<>();
  private final PriorityQueue<Entry<K>> byTime = new PriorityQueue<>();
  private final Set<K> running = new HashSet<>();
  private final Map<K, Instant> dueAfterRun = new HashMap<>();
  private long sequence;

  private record Entry<K>(Instant at, long order, K key) implements Comparable<Entry<K>> {
    @Override
    public int compareTo(Entry<K> other) {
      int byAt = at.compareTo(other.at);
      return byAt != 0 ? byAt : Long.compare(order, other.order);
    }
  }

  public InstanceQueue(Clock clock) {
    this.clock = clock;
  }

  /** Asks for a pass of {@code key} now. */
  public void enqueue(K key) {
    enqueueAfter(key, Duration.ZERO);
  }

  /** Asks for a pass of {@code key} after {@code delay}; an earlier request wins. */
  public synchronized void enqueueAfter(K key, Duration delay) {
    Instant at = clock.instant().plus(delay);
    if (running.contains(key)) {
      dueAfterRun.merge(key, at, (a, b) -> a.isBefore(b) ? a : b);
      return;
    }
    Instant current = dueAt.get(key);
    if (current != null && !at.isBefore(current)) {
      return;
    }
    dueAt.put(key, at);
    byTime.add(new Entry<>(at, sequence++, key));
    notifyAll();
  }

  /**
   * Waits up to {@code maxWait} for a key that is due and not running, marks it running and returns
   * it.
   */
  public synchronized Optional<K> take(Duration maxWait) throws InterruptedException {
    Instant deadline = clock.instant().plus(maxWait);
    while (true) {
      Entry<K> head = byTime.peek();
      while (head != null && !head.at.equals(dueAt.get(head.key))) {
        byTime.poll(); // superseded by an earlier request
        head = byTime.peek();
      }
      Instant now = clock.instant();
      if (head != null && !head.at.isAfter(now)) {
        byTime.poll();
        dueAt.remove(head.key);
        running.add(head.key);
        return Optional.of(head.key);
      }
      Instant wakeAt = head == null || head.at.isAfter(deadline) ? deadline : head.at;
      long waitMs = Duration.between(now, wakeAt).toMillis();
      if (waitMs <= 0) {
        return Optional.empty();
      }
      wait(waitMs);
    }
  }

  /** Marks the pass of {@code key} finished; a request that came in meanwhile is queued now. */
  public synchronized void done(K key) {
    running.remove(key);
    Instant again = dueAfterRun.remove(key);
    if (again != null) {
      Instant now = clock.instant();
      enqueueAfter(key, again.isAfter(now) ? Duration.between(now, again) : Duration.ZERO);
    }
  }

  public synchronized int size() {
    return dueAt.size();
  }
}
