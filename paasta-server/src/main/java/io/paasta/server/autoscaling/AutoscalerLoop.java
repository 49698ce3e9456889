package io.paasta.server.autoscaling;

import io.paasta.model.DesiredState;
import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.app.DesiredInstanceFactory;
import io.paasta.planning.autoscaling.AutoscalingDecision;
import io.paasta.planning.autoscaling.AutoscalingInput;
import io.paasta.planning.autoscaling.AutoscalingParams;
import io.paasta.planning.autoscaling.AutoscalingParams.DecisionPolicy;
import io.paasta.planning.autoscaling.AutoscalingPlanner;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.server.DaemonLog;
import io.paasta.server.desired.ClusterDesiredState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The autoscaler in the daemon: every {@code autoscaling_interval}, for each deployed, started
 * instance with {@code max_instances}, measures its utilization, decides ({@link
 * AutoscalingPlanner}), stores the count, history and decision together, logs a change as {@code
 * Scaling from X to Y instances (...)} (daemon log and the service's {@code deploy} lines) and asks
 * for a pass of the instance, which then scales it (the count is not part of the app id: no
 * bounce). Nothing changes while the cluster-wide pause lasts. One instance's failure (bad params,
 * engine error) is logged and never stops the others.
 */
public final class AutoscalerLoop implements AutoCloseable {
  /** PaaSTA decided once a minute. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

  private final ClusterDesiredState desired;
  private final Backend backend;
  private final UtilizationMeter meter;
  private final AutoscalerHistory store;
  private final AutoscalerPause pause;
  private final Consumer<InstanceRef> passes;
  private final DaemonLog log;
  private final Clock clock;
  private final Duration interval;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "paasta-autoscaler");
            t.setDaemon(true);
            return t;
          });

  /** The last problem told per instance, so that a standing problem is logged once. */
  private final Map<InstanceRef, String> told = new ConcurrentHashMap<>();

  private volatile Optional<Instant> toldPause = Optional.empty();

  public AutoscalerLoop(
      ClusterDesiredState desired,
      Backend backend,
      UtilizationMeter meter,
      AutoscalerHistory store,
      AutoscalerPause pause,
      Consumer<InstanceRef> passes,
      DaemonLog log,
      Clock clock,
      Duration interval) {
    this.desired = desired;
    this.backend = backend;
    this.meter = meter;
    this.store = store;
    this.pause = pause;
    this.passes = passes;
    this.log = log;
    this.clock = clock;
    this.interval = interval;
  }

  /** Decides every interval, the first time one interval from now. */
  public void start() {
    long ms = interval.toMillis();
    timer.scheduleWithFixedDelay(this::passSafely, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void passSafely() {
    try {
      pass();
    } catch (RuntimeException e) {
      log.error("autoscaler", "the decision pass failed: " + e);
    }
  }

  /** One decision for each autoscaled instance (unless paused). */
  public void pass() {
    Instant now = clock.instant();
    Optional<Instant> paused = pause.pausedUntil().filter(until -> until.isAfter(now));
    if (paused.isPresent()) {
      if (!paused.equals(toldPause)) {
        log.info("autoscaler", "paused until " + paused.get() + ": no count changes");
        toldPause = paused;
      }
      return;
    }
    if (toldPause.isPresent()) {
      log.info("autoscaler", "the pause is over: deciding again");
      toldPause = Optional.empty();
    }
    Set<String> running = new HashSet<>();
    for (Map.Entry<InstanceRef, Optional<DesiredInstance>> entry : desired.all().entrySet()) {
      Optional<LongRunningConfig> config = desired.config(entry.getKey());
      if (config.isEmpty() || !config.get().autoscaled() || entry.getValue().isEmpty()) {
        continue;
      }
      DesiredInstance instance = entry.getValue().get();
      if (instance.instances() == 0) {
        continue; // stopped
      }
      try {
        decide(config.get(), instance, running);
      } catch (RuntimeException e) {
        tell(entry.getKey(), "no autoscaling decision: " + e.getMessage());
      }
    }
    meter.retainTasks(running);
  }

  private void decide(LongRunningConfig config, DesiredInstance instance, Set<String> running) {
    InstanceRef ref = config.ref();
    AutoscalingParams params;
    try {
      params = AutoscalingParams.from(config.autoscaling());
    } catch (IllegalArgumentException e) {
      tell(
          ref,
          "not autoscaled: "
              + e.getMessage()
              + " in "
              + ref.kind().fileName(ref.cluster())
              + " (paasta validate names them)");
      return;
    }
    AutoscalingInput input = input(config, instance, params, running);
    AutoscalingDecision decision = AutoscalingPlanner.decide(input);
    if (decision.outcome() == AutoscalingDecision.Outcome.NONE) {
      // nothing measured (or bespoke): the last decision and the history stay as they are
      if (params.policy() != DecisionPolicy.BESPOKE) {
        tell(ref, decision.message());
      }
      return;
    }
    store.record(
        ref,
        status(params, decision),
        decision.history(),
        decision.changesCount() ? OptionalInt.of(decision.desired()) : OptionalInt.empty());
    told.remove(ref);
    if (decision.changesCount()) {
      log.info(subject(ref), decision.message());
      passes.accept(ref);
    }
  }

  private AutoscalingInput input(
      LongRunningConfig config,
      DesiredInstance instance,
      AutoscalingParams params,
      Set<String> running) {
    InstanceRef ref = config.ref();
    int min = DesiredInstanceFactory.desiredCount(config, DesiredState.START, OptionalInt.of(0));
    int max =
        DesiredInstanceFactory.desiredCount(
            config, DesiredState.START, OptionalInt.of(Integer.MAX_VALUE));
    Instant now = clock.instant();
    if (params.policy() == DecisionPolicy.BESPOKE) {
      return new AutoscalingInput(
          params,
          instance.instances(),
          min,
          max,
          java.util.OptionalDouble.empty(),
          Optional.empty(),
          0,
          store.history(ref),
          now);
    }
    ObservedInstance observed = backend.observe(ref);
    observed.tasks().forEach(t -> running.add(t.id()));
    Measurement measured = meter.measure(params, config, observed);
    measured.warnings().forEach(w -> log.warn(subject(ref), "autoscaling metrics: " + w));
    return new AutoscalingInput(
        params,
        instance.instances(),
        min,
        max,
        measured.utilization(),
        measured.none(),
        measured.healthy(),
        store.history(ref),
        now);
  }

  private static AutoscalerStatus status(AutoscalingParams params, AutoscalingDecision decision) {
    return new AutoscalerStatus(
        decision.at(),
        params.provider().wireName(),
        params.policy().wireName(),
        decision.outcome().name(),
        decision.current(),
        decision.desired(),
        decision.utilization(),
        decision.setpoint(),
        decision.message());
  }

  /** Logs a standing problem of an instance once (again when it changes). */
  private void tell(InstanceRef ref, String message) {
    if (!message.equals(told.put(ref, message))) {
      log.warn(subject(ref), message);
    }
  }

  private static String subject(InstanceRef ref) {
    return ref.service() + "." + ref.instance();
  }

  @Override
  public void close() {
    timer.shutdownNow();
    meter.close();
  }
}
