package io.paasta.monitoring.send;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Queue;

/**
 * The meters of event delivery, per sender (tag {@code sender}): {@code
 * paasta.monitoring.events.sent}, {@code .failed} (given up: retries exhausted or rejected), {@code
 * .dropped} (pushed out of a full queue, or still queued at shutdown), {@code .retried}, and the
 * gauge {@code paasta.monitoring.events.queued}.
 */
public final class DispatchMetrics {
  private final MeterRegistry registry;

  public DispatchMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** The counters of one sender. */
  public record SenderCounters(Counter sent, Counter failed, Counter dropped, Counter retried) {}

  public SenderCounters counters(String sender) {
    return new SenderCounters(
        counter("paasta.monitoring.events.sent", sender, "events the sender delivered"),
        counter(
            "paasta.monitoring.events.failed", sender, "events given up after retries or rejected"),
        counter("paasta.monitoring.events.dropped", sender, "events dropped from a full queue"),
        counter("paasta.monitoring.events.retried", sender, "delivery attempts retried"));
  }

  public void queueGauge(String sender, Queue<?> queue) {
    Gauge.builder("paasta.monitoring.events.queued", queue, Queue::size)
        .tag("sender", sender)
        .description("events waiting for the sender")
        .register(registry);
  }

  private Counter counter(String name, String sender, String description) {
    return Counter.builder(name).tag("sender", sender).description(description).register(registry);
  }
}
