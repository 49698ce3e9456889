package io.paasta.monitoring.send;

import io.micrometer.core.instrument.MeterRegistry;
import io.paasta.monitoring.alert.Event;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands events to every configured sender, each with its own bounded queue and thread (see {@link
 * SenderQueue}): a sender that is down or slow delays only itself, and {@link #offer} never blocks
 * the daemon. Memory is bounded by {@code queueCapacity} events per sender.
 */
public final class EventDispatcher implements AutoCloseable {
  /** The queue size per sender unless configured. */
  public static final int DEFAULT_QUEUE_CAPACITY = 1000;

  private final List<SenderQueue> queues;
  private final Duration closeGrace;

  public EventDispatcher(
      List<EventSender> senders,
      int queueCapacity,
      RetryPolicy retry,
      MeterRegistry registry,
      MonitoringLog log) {
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queue capacity must be at least 1: " + queueCapacity);
    }
    DispatchMetrics metrics = new DispatchMetrics(registry);
    this.queues =
        senders.stream()
            .map(sender -> new SenderQueue(sender, queueCapacity, retry, metrics, log))
            .toList();
    this.closeGrace = Duration.ofSeconds(5);
  }

  /** Starts one thread per sender. */
  public EventDispatcher start() {
    queues.forEach(SenderQueue::start);
    return this;
  }

  /** Queues the event for every sender; returns at once. */
  public void offer(Event event) {
    for (SenderQueue queue : queues) {
      queue.offer(event);
    }
  }

  /** Events waiting, per sender name. */
  public Map<String, Integer> queued() {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    queues.forEach(queue -> sizes.put(queue.name(), queue.size()));
    return sizes;
  }

  /** The names of the senders, in order. */
  public List<String> senders() {
    return queues.stream().map(SenderQueue::name).toList();
  }

  /** Stops every sender thread; events not yet delivered are counted as dropped. */
  @Override
  public void close() {
    queues.forEach(queue -> queue.close(closeGrace));
  }
}
