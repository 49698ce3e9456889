package io.paasta.monitoring;

import io.paasta.model.InstanceRef;
import io.paasta.model.MonitoringConfig;
import io.paasta.monitoring.alert.AlertPolicies;
import io.paasta.monitoring.alert.AlertPolicy;
import io.paasta.monitoring.alert.AlertState;
import io.paasta.monitoring.alert.AlertStateMachine;
import io.paasta.monitoring.alert.Event;
import io.paasta.monitoring.alert.EventFactory;
import io.paasta.monitoring.alert.Transition;
import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.check.CheckResult;
import io.paasta.monitoring.check.CheckStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The alert state of every check of every instance, in memory and, for what a restart must know, in
 * the {@link AlertJournal}: a check this book has not evaluated yet starts from the state the
 * journal saved (read once, at construction), and a change that matters after a restart (a failure
 * starts or ends, an event is sent, an instance is forgotten) is written to it. Thread-safe:
 * updates of one instance are atomic, instances are independent.
 */
final class AlertBook {
  /**
   * One check as tracked: the policy it was last evaluated with and its alert state (stepped by
   * every evaluation; it also holds the latest result, which status shows).
   */
  private record Tracked(CheckKind kind, AlertPolicy policy, AlertState state) {}

  /**
   * The checks of one instance (a map never changed once stored), the monitoring config events were
   * last routed with, and the alert policies read from it.
   */
  private record InstanceAlerts(
      MonitoringConfig monitoring,
      Map<CheckKind, AlertPolicies.Resolved> policies,
      Map<String, Tracked> checks,
      List<String> problems) {}

  private final Map<InstanceRef, InstanceAlerts> instances = new ConcurrentHashMap<>();

  /** What the journal saved before this book started, for the checks not evaluated since. */
  private final Map<InstanceRef, Map<String, AlertState>> saved = new ConcurrentHashMap<>();

  private final EventFactory events;
  private final CheckMetrics metrics;
  private final Consumer<String> problemLog;
  private final AlertJournal journal;

  AlertBook(
      EventFactory events,
      CheckMetrics metrics,
      Consumer<String> problemLog,
      AlertJournal journal) {
    this.events = events;
    this.metrics = metrics;
    this.problemLog = problemLog;
    this.journal = journal;
    journal.load().forEach((ref, checks) -> saved.put(ref, new ConcurrentHashMap<>(checks)));
  }

  /** Steps each check's alert state by its result; adds the events to send to {@code out}. */
  void record(
      InstanceRef ref,
      MonitoringConfig monitoring,
      List<CheckResult> results,
      Instant now,
      List<Event> out) {
    List<Runnable> journalWrites = new ArrayList<>();
    instances.compute(
        ref,
        (key, old) -> {
          Map<String, Tracked> checks = old == null ? new HashMap<>() : new HashMap<>(old.checks());
          Map<CheckKind, AlertPolicies.Resolved> policies =
              old != null && old.monitoring().equals(monitoring)
                  ? old.policies()
                  : new EnumMap<>(CheckKind.class);
          for (CheckResult result : results) {
            AlertPolicy policy =
                policies
                    .computeIfAbsent(result.kind(), k -> AlertPolicies.resolve(monitoring, k))
                    .policy();
            Tracked before = checks.get(result.name());
            Optional<AlertState> prior =
                before == null ? savedState(ref, result.name()) : Optional.of(before.state());
            AlertStateMachine.Step step = AlertStateMachine.step(prior, result, policy, now);
            checks.put(result.name(), new Tracked(result.kind(), policy, step.state()));
            metrics.moved(before == null ? null : before.state(), step.state(), result.kind());
            journalWrite(ref, result.name(), prior, step).ifPresent(journalWrites::add);
            if (step.send().isPresent()) {
              route(ref, monitoring, policy, result, step.send().get(), now, out);
            }
          }
          List<String> problems = problems(policies);
          if (!problems.isEmpty() && (old == null || !old.problems().equals(problems))) {
            problemLog.accept(ref + ": monitoring config: " + String.join("; ", problems));
          }
          return new InstanceAlerts(monitoring, policies, checks, problems);
        });
    journalWrites.forEach(Runnable::run);
  }

  /** The state the journal saved for a check not evaluated since this book started (taken once). */
  private Optional<AlertState> savedState(InstanceRef ref, String check) {
    Map<String, AlertState> checks = saved.get(ref);
    if (checks == null) {
      return Optional.empty();
    }
    Optional<AlertState> state = Optional.ofNullable(checks.remove(check));
    saved.computeIfPresent(ref, (key, left) -> left.isEmpty() ? null : left);
    return state;
  }

  /**
   * What to write to the journal after a step: only when it sends an event, or when the check
   * starts or stops having something to keep (a failure, an alert); never for an evaluation that
   * leaves both as they were.
   */
  private Optional<Runnable> journalWrite(
      InstanceRef ref, String check, Optional<AlertState> prior, AlertStateMachine.Step step) {
    AlertState next = step.state();
    boolean keepNext = worthKeeping(next);
    boolean keptBefore = prior.map(AlertBook::worthKeeping).orElse(false);
    if (step.send().isEmpty() && keepNext == keptBefore) {
      return Optional.empty();
    }
    if (keepNext) {
      return Optional.of(() -> journal.save(ref, check, next));
    }
    return keptBefore ? Optional.of(() -> journal.clear(ref, check)) : Optional.empty();
  }

  /** A failure or an alert not yet resolved: what a restart must not lose. */
  private static boolean worthKeeping(AlertState state) {
    return state.alerted() || state.failingSince().isPresent();
  }

  private static List<String> problems(Map<CheckKind, AlertPolicies.Resolved> policies) {
    return policies.values().stream().flatMap(r -> r.problems().stream()).distinct().toList();
  }

  private void route(
      InstanceRef ref,
      MonitoringConfig monitoring,
      AlertPolicy policy,
      CheckResult result,
      Transition transition,
      Instant now,
      List<Event> out) {
    Optional<Event> event = events.build(ref, monitoring, policy, result, transition, now);
    if (event.isPresent()) {
      metrics.routed(result.kind(), transition);
      out.add(event.get());
    } else {
      metrics.unrouted(result.kind());
    }
  }

  /** Drops an instance's checks; each alerted failure is resolved with {@code reason}. */
  void forget(InstanceRef ref, String reason, Instant now, List<Event> out) {
    forget(ref, reason, Set.of(), now, out);
  }

  /**
   * Drops an instance's checks; each alerted failure, and every check of the {@code okAlways}
   * kinds, gets an OK with {@code reason}.
   */
  void forget(
      InstanceRef ref, String reason, Set<CheckKind> okAlways, Instant now, List<Event> out) {
    InstanceAlerts gone = instances.remove(ref);
    Map<String, AlertState> unseen = saved.remove(ref);
    if (gone != null || unseen != null) {
      journal.forget(ref);
    }
    if (unseen != null) {
      unseen.entrySet().stream()
          .filter(check -> check.getValue().alerted())
          .forEach(
              check ->
                  problemLog.accept(
                      ref
                          + ": the alert of "
                          + check.getKey()
                          + " (sent before the daemon restarted) is not resolved: the instance"
                          + " was forgotten before its monitoring config was read again"));
    }
    if (gone == null) {
      return;
    }
    gone.checks()
        .forEach(
            (name, tracked) -> {
              metrics.moved(tracked.state(), null, tracked.kind());
              if (tracked.state().alerted() || okAlways.contains(tracked.kind())) {
                CheckResult ok = new CheckResult(name, tracked.kind(), CheckStatus.OK, reason);
                route(ref, gone.monitoring(), tracked.policy(), ok, Transition.RESOLVE, now, out);
              }
            });
  }

  List<CheckState> states(InstanceRef ref) {
    InstanceAlerts alerts = instances.get(ref);
    if (alerts == null) {
      return List.of();
    }
    List<CheckState> states = new ArrayList<>();
    alerts
        .checks()
        .forEach(
            (name, tracked) -> {
              AlertState state = tracked.state();
              states.add(
                  new CheckState(
                      name,
                      tracked.kind(),
                      state.status(),
                      state.output(),
                      state.statusSince(),
                      state.lastEvaluated(),
                      state.alerted()));
            });
    states.sort(Comparator.comparing(CheckState::kind).thenComparing(CheckState::name));
    return states;
  }

  /**
   * When the instance's checks should next be evaluated for their alerts to come on time (the
   * earliest of its checks); empty when none is failing or alerted.
   */
  Optional<Instant> nextEvaluation(InstanceRef ref) {
    InstanceAlerts alerts = instances.get(ref);
    if (alerts == null) {
      return Optional.empty();
    }
    return alerts.checks().values().stream()
        .flatMap(t -> AlertStateMachine.nextEvaluation(t.state(), t.policy()).stream())
        .min(Comparator.naturalOrder());
  }

  /** The instances evaluated, and those the journal holds that were not evaluated since. */
  List<InstanceRef> refs() {
    Set<InstanceRef> refs = new HashSet<>(instances.keySet());
    refs.addAll(saved.keySet());
    return List.copyOf(refs);
  }
}
