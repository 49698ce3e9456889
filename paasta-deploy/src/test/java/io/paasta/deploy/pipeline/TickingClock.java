package io.paasta.deploy.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves on by a fixed step each time it is read. */
final class TickingClock extends Clock {
  private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
  private final long tick;

  TickingClock(Duration tick) {
    this.tick = tick.toMillis();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.getAndAdd(tick));
  }
}
