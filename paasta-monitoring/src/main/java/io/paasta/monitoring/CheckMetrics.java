package io.paasta.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paasta.monitoring.alert.AlertState;
import io.paasta.monitoring.alert.Transition;
import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.check.CheckStatus;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of the checks: gauges {@code paasta.monitoring.checks} (tags {@code check}, {@code
 * status}: how many checks are in each status) and {@code paasta.monitoring.checks.alerting} (tag
 * {@code check}: failures alerted and not yet resolved), counters {@code paasta.monitoring.alerts}
 * (tags {@code check}, {@code transition}: alert or resolve) and {@code
 * paasta.monitoring.alerts.unrouted} (no team), and the timer {@code paasta.monitoring.evaluation}
 * (one call of the runner). Low cardinality: no service or instance tags.
 */
final class CheckMetrics {
  private final MeterRegistry registry;
  private final Map<CheckKind, AtomicInteger[]> byStatus = new EnumMap<>(CheckKind.class);
  private final Map<CheckKind, AtomicInteger> alerting = new EnumMap<>(CheckKind.class);
  private final Map<CheckKind, Counter[]> routed = new EnumMap<>(CheckKind.class);
  private final Map<CheckKind, Counter> unrouted = new EnumMap<>(CheckKind.class);
  private final Timer evaluation;

  CheckMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (CheckKind kind : CheckKind.values()) {
      AtomicInteger[] counts = new AtomicInteger[CheckStatus.values().length];
      for (CheckStatus status : CheckStatus.values()) {
        counts[status.ordinal()] = new AtomicInteger();
        Gauge.builder("paasta.monitoring.checks", counts[status.ordinal()], AtomicInteger::get)
            .tag("check", kind.tag())
            .tag("status", status.name().toLowerCase(Locale.ROOT))
            .description("checks in each status")
            .register(registry);
      }
      byStatus.put(kind, counts);
      registerCounters(kind);
      AtomicInteger alerted = new AtomicInteger();
      alerting.put(kind, alerted);
      Gauge.builder("paasta.monitoring.checks.alerting", alerted, AtomicInteger::get)
          .tag("check", kind.tag())
          .description("failures alerted and not yet resolved")
          .register(registry);
    }
    this.evaluation =
        Timer.builder("paasta.monitoring.evaluation")
            .description("one evaluation of the checks of the instances given")
            .register(registry);
  }

  /** Moves a check from its previous state (if any) to its new one (if any). */
  void moved(AlertState before, AlertState after, CheckKind kind) {
    if (before != null) {
      byStatus.get(kind)[before.status().ordinal()].decrementAndGet();
      if (before.alerted()) {
        alerting.get(kind).decrementAndGet();
      }
    }
    if (after != null) {
      byStatus.get(kind)[after.status().ordinal()].incrementAndGet();
      if (after.alerted()) {
        alerting.get(kind).incrementAndGet();
      }
    }
  }

  private void registerCounters(CheckKind kind) {
    Counter[] byTransition = new Counter[Transition.values().length];
    for (Transition transition : Transition.values()) {
      byTransition[transition.ordinal()] =
          Counter.builder("paasta.monitoring.alerts")
              .tag("check", kind.tag())
              .tag("transition", transition.name().toLowerCase(Locale.ROOT))
              .description("alerts and resolutions handed to the senders")
              .register(registry);
    }
    routed.put(kind, byTransition);
    unrouted.put(
        kind,
        Counter.builder("paasta.monitoring.alerts.unrouted")
            .tag("check", kind.tag())
            .description("alerts not sent because the instance's monitoring config has no team")
            .register(registry));
  }

  void routed(CheckKind kind, Transition transition) {
    routed.get(kind)[transition.ordinal()].increment();
  }

  void unrouted(CheckKind kind) {
    unrouted.get(kind).increment();
  }

  Timer evaluation() {
    return evaluation;
  }
}
