package io.paasta.backend.docker.events;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.planning.observed.TaskState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The engine's recent outages, as the event stream saw them, and which exited tasks they stopped.
 * Kept in memory only while it matters: the backend removes the tasks an outage stopped as soon as
 * the engine is back (they are no crash history), so after that what the engine holds says it all.
 * Bounded: outages older than {@code retention} are forgotten, and at most {@link #MAX_KEPT} are
 * kept. Thread-safe.
 */
public final class EngineOutages {
  static final int MAX_KEPT = 50;

  private final Clock clock;
  private final Duration retention;
  private final Deque<EngineOutage> closed = new ArrayDeque<>();
  private Optional<Instant> openSince = Optional.empty();

  public EngineOutages(Clock clock, Duration retention) {
    this.clock = clock;
    this.retention = retention;
  }

  /** The engine's event stream ended (or could not be opened) now; no-op while already away. */
  public synchronized void lost() {
    if (openSince.isEmpty()) {
      openSince = Optional.of(clock.instant());
    }
  }

  /**
   * A subscription is open again now.
   *
   * @return the outage that ended, if the engine was away
   */
  public synchronized Optional<EngineOutage> back() {
    if (openSince.isEmpty()) {
      return Optional.empty();
    }
    EngineOutage outage = new EngineOutage(openSince.get(), Optional.of(clock.instant()));
    openSince = Optional.empty();
    closed.addLast(outage);
    prune();
    return Optional.of(outage);
  }

  /** Whether the engine is away now (its event stream is down). */
  public synchronized boolean away() {
    return openSince.isPresent();
  }

  /**
   * Whether an exited task was stopped by the engine going away: it finished in a recent outage, or
   * since the one going on.
   */
  public synchronized boolean stoppedByEngine(ManagedContainer container) {
    if (container.state() != TaskState.EXITED || container.finishedAt().isEmpty()) {
      return false;
    }
    Instant finished = container.finishedAt().get();
    if (openSince.isPresent()
        && new EngineOutage(openSince.get(), Optional.empty()).covers(finished)) {
      return true;
    }
    prune();
    return closed.stream().anyMatch(outage -> outage.covers(finished));
  }

  /** The outages that ended within the retention, oldest first. */
  public synchronized List<EngineOutage> recent() {
    prune();
    return List.copyOf(closed);
  }

  private void prune() {
    Instant cutoff = clock.instant().minus(retention);
    closed.removeIf(outage -> outage.backAt().orElseThrow().isBefore(cutoff));
    while (closed.size() > MAX_KEPT) {
      closed.removeFirst();
    }
  }
}
