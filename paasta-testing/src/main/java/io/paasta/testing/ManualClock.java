package io.paasta.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests control: it stands still until it is {@link #set} or {@link #advance advanced}, or,
 * made {@link #ticking}, moves on by a fixed step each time it is read. Thread-safe: the code under
 * test may read it on other threads while the test moves it.
 */
public final class ManualClock extends Clock {
  /** Where a clock starts when the test does not say. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final Duration tick;
  private final ZoneId zone;

  private ManualClock(AtomicReference<Instant> now, Duration tick, ZoneId zone) {
    this.now = now;
    this.tick = tick;
    this.zone = zone;
  }

  /** A clock standing at {@code start} (UTC). */
  public ManualClock(Instant start) {
    this(new AtomicReference<>(start), Duration.ZERO, ZoneOffset.UTC);
  }

  /** A clock standing at {@link #DEFAULT_START}. */
  public ManualClock() {
    this(DEFAULT_START);
  }

  /** A clock at {@code start} that moves on by {@code step} after each read. */
  public static ManualClock ticking(Instant start, Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("a clock ticks forward; step " + step + " is negative");
    }
    return new ManualClock(new AtomicReference<>(start), step, ZoneOffset.UTC);
  }

  /** Moves the clock to {@code instant} (forward or back). */
  public void set(Instant instant) {
    now.set(instant);
  }

  /** Moves the clock on by {@code by}; returns the new time. */
  public Instant advance(Duration by) {
    return now.updateAndGet(t -> t.plus(by));
  }

  /** The time now, without the tick a read makes. */
  public Instant peek() {
    return now.get();
  }

  @Override
  public Instant instant() {
    return tick.isZero() ? now.get() : now.getAndUpdate(t -> t.plus(tick));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same time seen in another zone: moving either clock moves both. */
  @Override
  public Clock withZone(ZoneId other) {
    return other.equals(zone) ? this : new ManualClock(now, tick, other);
  }
}
