package io.paasta.backend.docker.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A time the daemon could not follow the engine's event stream: the engine stopped, restarted or
 * did not answer. A task that exited in it was stopped by the engine going away (an engine shutdown
 * stops its containers after it closes its API; a restarted engine kills the containers it finds,
 * before it answers again), not by a crash of its own.
 *
 * @param lostAt when the stream ended (or the first subscription failed)
 * @param backAt when a subscription was open again; empty while the engine is still away
 */
public record EngineOutage(Instant lostAt, Optional<Instant> backAt) {
  /**
   * How long before the stream was seen to end an exit still counts as the engine's doing (the
   * engine's timestamps and the daemon's clock, read a moment apart).
   */
  public static final Duration SLACK = Duration.ofSeconds(1);

  public EngineOutage {
    Objects.requireNonNull(lostAt, "lostAt");
    Objects.requireNonNull(backAt, "backAt");
  }

  /** Whether a task that finished at {@code finishedAt} exited in this outage. */
  public boolean covers(Instant finishedAt) {
    return !finishedAt.isBefore(lostAt.minus(SLACK))
        && backAt.map(back -> !finishedAt.isAfter(back)).orElse(true);
  }

  /** How long the engine was away (until now while it is). */
  public Duration length(Instant now) {
    return Duration.between(lostAt, backAt.orElse(now));
  }
}
