package io.paasta.server.status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.paasta.model.InstanceRef;
import io.paasta.planning.HappinessRule;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.ObservedInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reconcile loop's meters: how long passes take, and per instance (tags {@code service}, {@code
 * instance}) the expected, running and healthy tasks of its desired app and whether a bounce is in
 * progress, as of its last pass. Thread-safe.
 */
public final class PassMetrics {
  private final MeterRegistry registry;
  private final Timer passes;
  private final Map<InstanceRef, Gauges> gauges = new ConcurrentHashMap<>();

  public PassMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.passes =
        Timer.builder("paasta.reconcile.pass")
            .description("How long one reconcile pass of one instance takes")
            .register(registry);
  }

  /** Records a pass: its duration, and the instance's counts as the pass saw them. */
  public void passDone(
      InstanceRef ref,
      Optional<DesiredInstance> desired,
      ObservedInstance observed,
      Duration took,
      Instant now) {
    passes.record(took);
    TaskCounts counts =
        desired
            .map(d -> TaskCounts.of(observed.tasks(), d.appId(), HappinessRule.of(d), now))
            .orElseGet(() -> TaskCounts.withoutDesiredApp(observed.tasks()));
    Gauges instance = gauges.computeIfAbsent(ref, this::register);
    instance.expected.set(desired.map(DesiredInstance::instances).orElse(0));
    instance.running.set(counts.running());
    instance.healthy.set(counts.healthy());
    instance.bouncing.set(counts.bouncing() ? 1 : 0);
  }

  /** Removes the meters of an instance the daemon no longer has. */
  public void forget(InstanceRef ref) {
    Gauges removed = gauges.remove(ref);
    if (removed != null) {
      removed.meters.forEach(registry::remove);
    }
  }

  private record Gauges(
      AtomicInteger expected,
      AtomicInteger running,
      AtomicInteger healthy,
      AtomicInteger bouncing,
      List<Meter> meters) {}

  private Gauges register(InstanceRef ref) {
    Tags tags = Tags.of("service", ref.service(), "instance", ref.instance());
    AtomicInteger expected = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger healthy = new AtomicInteger();
    AtomicInteger bouncing = new AtomicInteger();
    List<Meter> meters =
        List.of(
            gauge(
                "paasta.instance.expected.tasks", "Tasks the instance should run", tags, expected),
            gauge(
                "paasta.instance.running.tasks", "Running tasks of the desired app", tags, running),
            gauge("paasta.instance.healthy.tasks", "Happy tasks of the desired app", tags, healthy),
            gauge(
                "paasta.instance.bounce.in.progress",
                "1 while old apps have tasks",
                tags,
                bouncing));
    return new Gauges(expected, running, healthy, bouncing, meters);
  }

  private Meter gauge(String name, String description, Tags tags, AtomicInteger value) {
    return Gauge.builder(name, value, AtomicInteger::get)
        .description(description)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }
}
