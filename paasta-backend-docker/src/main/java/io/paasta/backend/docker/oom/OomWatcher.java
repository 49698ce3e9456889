package io.paasta.backend.docker.oom;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.paasta.backend.docker.engine.EngineErrors;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the OOM kills of the daemon's cluster: it follows the engine's event stream of {@code oom}
 * events of managed containers (on a thread of its own), and is told of exited containers the
 * engine marks {@code OOMKilled} (kills the stream missed while the daemon or the engine was down).
 * Kills go to an {@link OomKillHistory}; each new one is reported once to the listener.
 *
 * <p>When the stream ends (the engine stopped or restarted) it subscribes again every {@code
 * retryDelay} until the engine answers, asking the engine to replay what happened since the stream
 * ended (the engine keeps its last events in memory; repeats are counted once). The first
 * subscription asks for the history's whole retention, so kills shortly before a daemon restart are
 * found too while the engine still remembers them.
 */
public final class OomWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OomWatcher.class);

  /** How far back a subscription after a dropped stream starts, before the drop was noticed. */
  private static final Duration REPLAY_SLACK = Duration.ofSeconds(2);

  private final DockerClient docker;
  private final String cluster;
  private final OomKillHistory history;
  private final Clock clock;
  private final Duration firstReplay;
  private final Duration retryDelay;
  private final Thread thread;
  private final AtomicInteger subscriptions = new AtomicInteger();
  private volatile boolean closed;
  private volatile Closeable stream;
  private volatile Consumer<OomKillReport> listener =
      report -> LOG.warn("oom: {}", report.describe());

  /**
   * @param firstReplay how far back the first subscription asks the engine to replay
   * @param retryDelay how long to wait before subscribing again when the engine does not answer
   */
  public OomWatcher(
      DockerClient docker,
      String cluster,
      OomKillHistory history,
      Clock clock,
      Duration firstReplay,
      Duration retryDelay) {
    this.docker = docker;
    this.cluster = cluster;
    this.history = history;
    this.clock = clock;
    this.firstReplay = firstReplay;
    this.retryDelay = retryDelay;
    this.thread = new Thread(this::follow, "paasta-oom-events");
    thread.setDaemon(true);
  }

  /** Starts following the engine's events. */
  public void start() {
    thread.start();
  }

  /**
   * Tells {@code listener} of every new kill, once (called on the watcher's or caller's thread).
   */
  public void onKill(Consumer<OomKillReport> listener) {
    this.listener = listener;
  }

  /** When the instance's tasks were OOM-killed within the history's retention, oldest first. */
  public List<Instant> oomKills(InstanceRef ref) {
    return history.times(ref);
  }

  /** Counts the exited containers marked {@code OOMKilled} (each container once). */
  public void observeExited(Collection<ManagedContainer> containers) {
    for (ManagedContainer container : containers) {
      OomEvents.fromExited(container, cluster).ifPresent(this::record);
    }
  }

  /** How many times the event stream was opened (1 once following; more after reconnects). */
  public int subscriptions() {
    return subscriptions.get();
  }

  private void follow() {
    Instant since = clock.instant().minus(firstReplay);
    while (!closed) {
      boolean opened = false;
      try {
        opened = followOnce(since);
      } catch (InterruptedException e) {
        return; // closed
      } catch (RuntimeException e) {
        LOG.debug("oom event stream: {}", EngineErrors.rootMessage(e));
      }
      if (opened) {
        since = clock.instant().minus(REPLAY_SLACK);
      }
      if (!closed && !pause()) {
        return;
      }
    }
  }

  /**
   * Follows one subscription until it ends.
   *
   * @return whether the stream was open at some point (else the engine did not answer)
   */
  private boolean followOnce(Instant since) throws InterruptedException {
    AtomicInteger started = new AtomicInteger();
    ResultCallback.Adapter<Event> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onStart(Closeable closeable) {
            super.onStart(closeable);
            started.incrementAndGet();
            subscriptions.incrementAndGet();
          }

          @Override
          public void onNext(Event event) {
            handle(event);
          }
        };
    stream = callback;
    try {
      docker
          .eventsCmd()
          .withSince(OomEvents.engineTime(since))
          .withEventTypeFilter(EventType.CONTAINER)
          .withEventFilter(OomEvents.OOM_ACTION)
          .withLabelFilter(Map.of(Labels.MANAGED, "true"))
          .exec(callback);
      if (closed) {
        closeQuietly(callback);
      }
      callback.awaitCompletion();
    } finally {
      closeQuietly(callback);
    }
    return started.get() > 0;
  }

  private void handle(Event event) {
    try {
      OomEvents.fromEvent(event, cluster).ifPresent(this::record);
    } catch (RuntimeException e) {
      LOG.warn("could not read the engine's oom event {}: {}", event, e.toString());
    }
  }

  private void record(OomKill kill) {
    if (!history.add(kill)) {
      return;
    }
    OomKillReport report = new OomKillReport(kill, memoryLimitOf(kill.containerId()));
    try {
      listener.accept(report);
    } catch (RuntimeException e) {
      LOG.warn("reporting {} broke: {}", report.describe(), e.toString());
    }
  }

  /** The container's memory limit in bytes (0: none); empty when it cannot be inspected. */
  private OptionalLong memoryLimitOf(String containerId) {
    try {
      InspectContainerResponse inspect = docker.inspectContainerCmd(containerId).exec();
      Long memory = inspect.getHostConfig() == null ? null : inspect.getHostConfig().getMemory();
      return memory == null ? OptionalLong.of(0) : OptionalLong.of(memory);
    } catch (RuntimeException e) {
      return OptionalLong.empty(); // removed already, or the engine went away
    }
  }

  /** Waits the retry delay; false when closed meanwhile. */
  private boolean pause() {
    try {
      Thread.sleep(retryDelay.toMillis());
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  @Override
  public void close() {
    closed = true;
    Closeable current = stream;
    if (current != null) {
      closeQuietly(current);
    }
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException | RuntimeException e) {
      // nothing left to release
    }
  }
}
