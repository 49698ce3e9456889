package io.paasta.backend.docker.events;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.paasta.engine.EngineErrors;
import io.paasta.planning.app.Labels;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the engine's event stream of managed containers ({@code die} and {@code oom}), on a
 * thread of its own, and hands each event to its listeners as it comes (a task that died or was
 * OOM-killed is known within the engine's latency, not at the next full pass).
 *
 * <p>The stream also tells when the engine goes away: when it ends (the engine stopped or
 * restarted) an outage starts in {@link EngineOutages}, and the watcher subscribes again every
 * {@code retryDelay} until the engine answers; the outage then ends and the back-listeners are
 * told, on this thread, before any event of the new subscription. A new subscription asks the
 * engine to replay what happened since the stream ended (the engine keeps its last events in
 * memory; listeners get repeats); the first asks for {@code firstReplay}, so that kills shortly
 * before a daemon restart are found while the engine still remembers them.
 */
public final class EngineEventWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EngineEventWatcher.class);

  /** How far back a subscription after a dropped stream starts, before the drop was noticed. */
  private static final Duration REPLAY_SLACK = Duration.ofSeconds(2);

  private final DockerClient docker;
  private final Clock clock;
  private final EngineOutages outages;
  private final Duration firstReplay;
  private final Duration retryDelay;
  private final Thread thread;
  private final AtomicInteger subscriptions = new AtomicInteger();
  private final List<Consumer<Event>> eventListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<EngineOutage>> backListeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  private volatile Closeable stream;

  /**
   * @param outages where the outages the stream sees are kept
   * @param firstReplay how far back the first subscription asks the engine to replay
   * @param retryDelay how long to wait before subscribing again when the engine does not answer
   */
  public EngineEventWatcher(
      DockerClient docker,
      Clock clock,
      EngineOutages outages,
      Duration firstReplay,
      Duration retryDelay) {
    this.docker = docker;
    this.clock = clock;
    this.outages = outages;
    this.firstReplay = firstReplay;
    this.retryDelay = retryDelay;
    this.thread = new Thread(this::follow, "paasta-engine-events");
    thread.setDaemon(true);
  }

  /** Tells {@code listener} of every event (on the watcher's thread; it must not block long). */
  public void onEvent(Consumer<Event> listener) {
    eventListeners.add(listener);
  }

  /** Tells {@code listener} of each outage that ended: the engine answers again. */
  public void onBack(Consumer<EngineOutage> listener) {
    backListeners.add(listener);
  }

  /** Starts following the engine's events. */
  public void start() {
    thread.start();
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
        LOG.debug("engine event stream: {}", EngineErrors.rootMessage(e));
      }
      if (closed) {
        return;
      }
      outages.lost();
      if (opened) {
        since = clock.instant().minus(REPLAY_SLACK);
      }
      if (!pause()) {
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
    AtomicBoolean started = new AtomicBoolean();
    CountDownLatch answered = new CountDownLatch(1);
    CountDownLatch backTold = new CountDownLatch(1);
    ResultCallback.Adapter<Event> callback =
        new ResultCallback.Adapter<>() {
          @Override
          public void onStart(Closeable closeable) {
            super.onStart(closeable);
            started.set(true);
            subscriptions.incrementAndGet();
            answered.countDown();
          }

          @Override
          public void onNext(Event event) {
            awaitQuietly(backTold); // the outage is told before the events after it
            handle(event);
          }

          @Override
          public void onError(Throwable throwable) {
            super.onError(throwable);
            answered.countDown();
          }

          @Override
          public void onComplete() {
            super.onComplete();
            answered.countDown();
          }
        };
    stream = callback;
    try {
      docker
          .eventsCmd()
          .withSince(ContainerEvents.engineTime(since))
          .withEventTypeFilter(EventType.CONTAINER)
          .withEventFilter(ContainerEvents.DIE, ContainerEvents.OOM)
          .withLabelFilter(Map.of(Labels.MANAGED, "true"))
          .exec(callback);
      if (closed) {
        closeQuietly(callback);
      }
      answered.await();
      if (started.get()) {
        outages.back().ifPresent(this::tellBack);
      }
      backTold.countDown();
      callback.awaitCompletion();
    } finally {
      backTold.countDown();
      closeQuietly(callback);
    }
    return started.get();
  }

  private void tellBack(EngineOutage outage) {
    for (Consumer<EngineOutage> listener : backListeners) {
      try {
        listener.accept(outage);
      } catch (RuntimeException e) {
        LOG.warn("telling that the engine is back broke: {}", e.toString());
      }
    }
  }

  private void handle(Event event) {
    for (Consumer<Event> listener : eventListeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("could not handle the engine's event {}: {}", event, e.toString());
      }
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

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
