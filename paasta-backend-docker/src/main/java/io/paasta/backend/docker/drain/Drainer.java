package io.paasta.backend.docker.drain;

import io.paasta.backend.docker.ObservedStateMapper;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.engine.TaskEnvironment;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import io.paasta.planning.backend.DiscoveryDrain;
import io.paasta.planning.observed.DrainState;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes tasks out of service by the drain method of their labels and says when each is safe to kill
 * (SPEC section 5): {@code noop} at once; {@code hacheck} takes the task out of service discovery
 * (through the {@link DiscoveryDrain} it is given) and is safe {@code delay} seconds later, once
 * the proxies have no request in flight to it (at most {@link #BUSY_WAIT_MAX} more); {@code test}
 * {@code delay} seconds after the drain call; {@code http} once its is_safe_to_kill URL answers
 * with a success code (polled in the background after its drain URL succeeded). A drain that fails
 * (the URL errs, the params are unusable, the task is not running) makes the task safe to kill at
 * once, as PaaSTA did.
 *
 * <p>When each drain started is kept in memory only: after a daemon restart a task that was being
 * drained is NOT_DRAINING again, the planner drains it again and its wait starts over. That is safe
 * (a task is never killed early), only slower.
 */
public final class Drainer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Drainer.class);

  private final HttpDrainClient http;
  private final DiscoveryDrain discovery;
  private final Clock clock;
  private final Duration pollInterval;
  private final ScheduledExecutorService poller;
  private final Map<String, Draining> draining = new ConcurrentHashMap<>();

  /** Without service discovery: hacheck only waits its delay. */
  public Drainer(HttpDrainClient http, Clock clock, Duration pollInterval) {
    this(http, clock, pollInterval, DiscoveryDrain.NONE);
  }

  /**
   * @param discovery where {@code hacheck} takes tasks out of service discovery (the daemon's
   *     SmartStack)
   */
  public Drainer(
      HttpDrainClient http, Clock clock, Duration pollInterval, DiscoveryDrain discovery) {
    this.http = http;
    this.discovery = discovery;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "paasta-drain-poller");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * How long past its delay a hacheck drain waits for the proxies' requests in flight to the task
   * to end before it is killed all the same (a long-lived TCP connection must not hold a bounce).
   */
  static final Duration BUSY_WAIT_MAX = Duration.ofSeconds(10);

  /**
   * One task being drained: since when, how, (http) whether it said it is safe, and (hacheck)
   * whether the proxies still have requests in flight to it.
   */
  private record Draining(
      Instant since,
      DrainSettings settings,
      AtomicReference<Boolean> safe,
      AtomicReference<ScheduledFuture<?>> poll,
      BooleanSupplier busy) {

    Draining(
        Instant since,
        DrainSettings settings,
        AtomicReference<Boolean> safe,
        AtomicReference<ScheduledFuture<?>> poll) {
      this(since, settings, safe, poll, () -> false);
    }

    DrainState stateAt(Instant now) {
      DrainState state = byDelay(now);
      if (state == DrainState.SAFE_TO_KILL
          && settings instanceof DrainSettings.Hacheck hacheck
          && now.isBefore(since.plus(hacheck.delay()).plus(BUSY_WAIT_MAX))
          && busy.getAsBoolean()) {
        return DrainState.DRAINING; // never kill a task while the proxy still waits on it
      }
      return state;
    }

    private DrainState byDelay(Instant now) {
      if (Boolean.TRUE.equals(safe.get())) {
        return DrainState.SAFE_TO_KILL;
      }
      Optional<Duration> delay =
          settings instanceof DrainSettings.Test test
              ? Optional.of(test.delay())
              : settings instanceof DrainSettings.Hacheck hacheck
                  ? Optional.of(hacheck.delay())
                  : Optional.empty();
      if (delay.isPresent()) {
        return now.isBefore(since.plus(delay.get()))
            ? DrainState.DRAINING
            : DrainState.SAFE_TO_KILL;
      }
      return DrainState.DRAINING;
    }
  }

  /** Starts draining a task; a task already draining keeps its start. */
  public void drain(ManagedContainer task) {
    if (draining.containsKey(task.id())) {
      return;
    }
    Instant now = clock.instant();
    DrainSettings settings;
    try {
      settings = DrainLabels.settingsOf(task.labels());
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "task {}: unusable drain method ({}) - safe to kill at once",
          task.name(),
          e.getMessage());
      draining.put(task.id(), safe(now, new DrainSettings.Noop("invalid")));
      return;
    }
    if (settings instanceof DrainSettings.Http httpSettings && task.isRunning()) {
      startHttpDrain(task, httpSettings, now);
    } else if (settings instanceof DrainSettings.Hacheck && task.isRunning()) {
      startHacheckDrain(task, settings, now);
    } else if (settings instanceof DrainSettings.Test && task.isRunning()) {
      draining.put(task.id(), notYetSafe(now, settings));
    } else {
      draining.put(task.id(), safe(now, settings));
    }
  }

  /** NOT_DRAINING unless {@link #drain} was called for the task (since the daemon started). */
  public DrainState stateOf(String taskId) {
    Draining d = draining.get(taskId);
    return d == null ? DrainState.NOT_DRAINING : d.stateAt(clock.instant());
  }

  /** Forgets a task (killed). */
  public void forget(String taskId) {
    Draining d = draining.remove(taskId);
    if (d != null && d.poll().get() != null) {
      d.poll().get().cancel(false);
    }
  }

  /** Forgets every task but these (the ones that still exist). */
  public void retainOnly(Set<String> taskIds) {
    for (String id : Set.copyOf(draining.keySet())) {
      if (!taskIds.contains(id)) {
        forget(id);
      }
    }
  }

  private void startHacheckDrain(ManagedContainer task, DrainSettings settings, Instant now) {
    BooleanSupplier busy = () -> false;
    try {
      Optional<InstanceRef> ref = ObservedStateMapper.refOf(task, "");
      if (ref.isPresent() && task.port0().isPresent()) {
        DiscoveryDrain taken = discovery;
        int port = task.port0().getAsInt();
        taken.takeOut(ref.get(), TaskEnvironment.HOST, port);
        busy = () -> busyQuietly(taken, ref.get(), port);
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "task {}: taking it out of discovery failed ({}) - safe to kill at once",
          task.name(),
          e.getMessage());
      draining.put(task.id(), safe(now, settings));
      return;
    }
    draining.put(
        task.id(),
        new Draining(now, settings, new AtomicReference<>(false), new AtomicReference<>(), busy));
  }

  private static boolean busyQuietly(DiscoveryDrain discovery, InstanceRef ref, int port) {
    try {
      return discovery.busy(ref, TaskEnvironment.HOST, port);
    } catch (RuntimeException e) {
      return false; // unknown: the delay alone decides
    }
  }

  private void startHttpDrain(ManagedContainer task, DrainSettings.Http settings, Instant now) {
    Map<String, String> fields = fields(task);
    try {
      if (!http.call(settings.drain(), fields)) {
        throw new IOException("the drain URL answered with a code outside its success_codes");
      }
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("task {}: drain failed ({}) - safe to kill at once", task.name(), e.getMessage());
      draining.put(task.id(), safe(now, settings));
      return;
    }
    Draining d = notYetSafe(now, settings);
    draining.put(task.id(), d);
    d.poll()
        .set(
            poller.scheduleWithFixedDelay(
                () -> pollSafeToKill(task.id(), d, settings, fields),
                0,
                pollInterval.toMillis(),
                TimeUnit.MILLISECONDS));
  }

  private void pollSafeToKill(
      String id, Draining d, DrainSettings.Http settings, Map<String, String> fields) {
    try {
      if (Boolean.TRUE.equals(d.safe().get()) || http.call(settings.isSafeToKill(), fields)) {
        d.safe().set(true);
        ScheduledFuture<?> poll = d.poll().get();
        if (poll != null) {
          poll.cancel(false);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not safe yet: never kill early
      LOG.debug("task {}: is_safe_to_kill did not answer: {}", id, e.getMessage());
    }
  }

  private static Map<String, String> fields(ManagedContainer task) {
    return Map.of(
        "host",
        TaskEnvironment.HOST,
        "port",
        task.port0().isPresent() ? String.valueOf(task.port0().getAsInt()) : "",
        "service",
        task.label(Labels.SERVICE).orElse(""),
        "instance",
        task.label(Labels.INSTANCE).orElse(""));
  }

  private static Draining safe(Instant now, DrainSettings settings) {
    return new Draining(now, settings, new AtomicReference<>(true), new AtomicReference<>());
  }

  private static Draining notYetSafe(Instant now, DrainSettings settings) {
    return new Draining(now, settings, new AtomicReference<>(false), new AtomicReference<>());
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
