package io.paasta.backend.docker.health;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.engine.EngineErrors;
import io.paasta.model.Healthcheck;
import io.paasta.planning.app.Labels;
import io.paasta.planning.observed.HealthState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the health of every running task in the background, on a small scheduled pool. It finds
 * the tasks itself: every {@code discoveryInterval} it lists the running managed containers of its
 * cluster, starts checking new ones (each by the health check in its {@code paasta_healthcheck}
 * label, every {@code interval_seconds}, the first at once) and forgets those that are gone. So
 * checks go on whether or not the reconcile loop is observing, and start again by themselves after
 * a daemon restart (with fresh counts: a restart forgets recent results, never more).
 *
 * <p>A task without a health check (mode none, or no label) is HEALTHY once running. A task not
 * checked yet, or failing within its grace period before its first pass, is UNKNOWN.
 */
public final class HealthChecker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HealthChecker.class);

  private final Supplier<List<ManagedContainer>> runningTasks;
  private final HealthProbe probes;
  private final Clock clock;
  private final Duration discoveryInterval;
  private final ScheduledExecutorService pool;
  private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();

  /**
   * @param runningTasks lists the running managed containers of the daemon's cluster
   * @param threads how many checks may run at once
   */
  public HealthChecker(
      Supplier<List<ManagedContainer>> runningTasks,
      HealthProbe probes,
      Clock clock,
      Duration discoveryInterval,
      int threads) {
    this.runningTasks = runningTasks;
    this.probes = probes;
    this.clock = clock;
    this.discoveryInterval = discoveryInterval;
    this.pool = Executors.newScheduledThreadPool(threads, daemonThreads());
  }

  /** One task being checked. */
  private record Tracked(
      String id,
      ManagedContainer task,
      Healthcheck check,
      Instant startedAt,
      OptionalInt port0,
      AtomicReference<HealthRecord> record,
      AtomicReference<ScheduledFuture<?>> schedule,
      Map<HealthState, Integer> reached) {}

  /**
   * A change of a task's health state.
   *
   * @param at when the check that changed it ended
   * @param consecutiveFailures the failed checks in a row then
   * @param times how many times the task has reached {@code after} since this checker tracks it
   */
  public record Transition(
      ManagedContainer task,
      HealthState before,
      HealthState after,
      Instant at,
      int consecutiveFailures,
      int times) {}

  private final List<Consumer<Transition>> transitions = new CopyOnWriteArrayList<>();

  /**
   * Tells {@code listener} of every change of a task's health state, with the states (for its
   * {@code task_lifecycle} lines). Called on the checker's threads.
   */
  public void onTransition(Consumer<Transition> listener) {
    transitions.add(listener);
  }

  private final List<Consumer<ManagedContainer>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Tells {@code listener} of every change of a task's health state (so that a pass can follow at
   * once, rather than at the next periodic one; the dashboard's change feed). Every listener is
   * told. Called on the checker's threads.
   */
  public void onStateChange(Consumer<ManagedContainer> listener) {
    listeners.add(listener);
  }

  /**
   * Starts checking a task the backend has just started, without waiting for the next discovery
   * (which would find it too).
   */
  public void watch(ManagedContainer task) {
    if (task.isRunning() && !tracked.containsKey(task.id())) {
      track(task);
    }
  }

  /** Starts discovering tasks (at once, then every discovery interval). */
  public void start() {
    pool.scheduleWithFixedDelay(
        this::discoverQuietly, 0, discoveryInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Tasks checked at least once since this checker started. */
  private final Set<String> probedOnce = ConcurrentHashMap.newKeySet();

  private final java.util.concurrent.CountDownLatch discoveredOnce =
      new java.util.concurrent.CountDownLatch(1);

  /**
   * Waits, at most {@code max}, until the first discovery has run and every task it tracks has been
   * checked once: a checker just started knows no health yet, and would call every checked task
   * UNKNOWN.
   */
  public void awaitFirstChecks(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    try {
      if (!discoveredOnce.await(max.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
      while (!probedOnce.containsAll(tracked.keySet()) && System.nanoTime() < deadline) {
        Thread.sleep(FIRST_PASS_POLL_MIN.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The task's health as last seen: HEALTHY without a health check, UNKNOWN unless running. */
  public HealthState healthOf(ManagedContainer task) {
    if (!task.isRunning()) {
      return HealthState.UNKNOWN;
    }
    Healthcheck check;
    try {
      check = TaskHealthcheck.of(task);
    } catch (IllegalArgumentException e) {
      return HealthState.UNKNOWN; // logged when discovered
    }
    if (!check.enabled()) {
      return HealthState.HEALTHY;
    }
    Tracked t = tracked.get(task.id());
    return t == null ? HealthState.UNKNOWN : t.record().get().state();
  }

  /** Stops checking a task (killed). */
  public void forget(String id) {
    probedOnce.remove(id);
    Tracked t = tracked.remove(id);
    if (t != null && t.schedule().get() != null) {
      t.schedule().get().cancel(false);
    }
  }

  /** Lists the running tasks once: checks new ones, forgets the gone. */
  void discover() {
    List<ManagedContainer> running = runningTasks.get();
    Set<String> ids = new HashSet<>();
    for (ManagedContainer task : running) {
      if (task.isRunning()) {
        ids.add(task.id());
        if (!tracked.containsKey(task.id())) {
          track(task);
        }
      }
    }
    for (String id : Set.copyOf(tracked.keySet())) {
      if (!ids.contains(id)) {
        forget(id);
      }
    }
  }

  private void track(ManagedContainer task) {
    Healthcheck check;
    try {
      check = TaskHealthcheck.of(task);
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "task {} has an unusable {} label: {}", task.name(), Labels.HEALTHCHECK, e.getMessage());
      return;
    }
    if (!check.enabled()) {
      return;
    }
    Tracked t =
        new Tracked(
            task.id(),
            task,
            check,
            task.startedAt().orElse(clock.instant()),
            task.port0(),
            new AtomicReference<>(HealthRecord.initial()),
            new AtomicReference<>(),
            new ConcurrentHashMap<>());
    tracked.put(task.id(), t);
    scheduleCheck(t, 0);
  }

  /**
   * Until a task first passes (within its grace period) it is checked more often than its interval:
   * every {@link #FIRST_PASS_POLL_MIN} at first, slowing to {@link #FIRST_PASS_POLL_MAX} as it ages
   * (a tenth of its age), so a new task counts as healthy moments after it answers without
   * hammering one that takes long to start. Then every interval.
   */
  static final Duration FIRST_PASS_POLL_MIN = Duration.ofMillis(10);

  static final Duration FIRST_PASS_POLL_MAX = Duration.ofMillis(50);

  static long firstPassPollMs(Duration age) {
    return Math.max(
        FIRST_PASS_POLL_MIN.toMillis(),
        Math.min(FIRST_PASS_POLL_MAX.toMillis(), age.toMillis() / 10));
  }

  private void scheduleCheck(Tracked t, long delayMs) {
    t.schedule()
        .set(
            pool.schedule(
                () -> {
                  check(t);
                  if (tracked.get(t.id()) == t && t.record().get().state() != HealthState.FAILED) {
                    scheduleCheck(t, nextDelayMs(t));
                  }
                },
                delayMs,
                TimeUnit.MILLISECONDS));
  }

  private long nextDelayMs(Tracked t) {
    long interval = HealthProbeClient.seconds(t.check().intervalSeconds()).toMillis();
    boolean waitingForFirstPass =
        t.record().get().state() == HealthState.UNKNOWN
            && clock
                .instant()
                .isBefore(
                    t.startedAt().plus(HealthProbeClient.seconds(t.check().gracePeriodSeconds())));
    return waitingForFirstPass
        ? Math.min(interval, firstPassPollMs(Duration.between(t.startedAt(), clock.instant())))
        : interval;
  }

  private void check(Tracked t) {
    try {
      if (t.record().get().state() == HealthState.FAILED || tracked.get(t.id()) != t) {
        return;
      }
      ProbeResult result = probes.probe(t.id(), t.check(), t.port0());
      if (result == ProbeResult.SKIP) {
        probedOnce.add(t.id());
        return;
      }
      Instant now = clock.instant();
      boolean inGrace =
          now.isBefore(
              t.startedAt().plus(HealthProbeClient.seconds(t.check().gracePeriodSeconds())));
      HealthState before = t.record().get().state();
      HealthRecord next =
          t.record()
              .updateAndGet(
                  r ->
                      result == ProbeResult.PASS
                          ? r.afterPass()
                          : r.afterFailure(inGrace, t.check().maxConsecutiveFailures()));
      // only once its result is recorded: awaitFirstChecks then knows the task's health
      probedOnce.add(t.id());
      if (next.state() == HealthState.FAILED) {
        LOG.info("task {} failed {} health checks in a row", t.id(), next.consecutiveFailures());
      }
      if (next.state() != before) {
        listeners.forEach(listener -> listener.accept(t.task()));
        int times = t.reached().merge(next.state(), 1, Integer::sum);
        Transition transition =
            new Transition(t.task(), before, next.state(), now, next.consecutiveFailures(), times);
        transitions.forEach(listener -> listener.accept(transition));
      }
    } catch (RuntimeException e) {
      LOG.warn("health check of {} broke: {}", t.id(), e.toString());
    }
  }

  private void discoverQuietly() {
    try {
      discover();
    } catch (RuntimeException e) {
      // the engine is down: keep what is known, try again next time
      LOG.debug("health checker could not list tasks: {}", EngineErrors.rootMessage(e));
    } finally {
      discoveredOnce.countDown();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "paasta-health-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
