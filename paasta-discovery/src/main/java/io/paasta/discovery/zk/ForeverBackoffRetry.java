package io.paasta.discovery.zk;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.RetryPolicy;
import org.apache.curator.RetrySleeper;

/**
 * A Curator retry policy that never gives up: it waits {@code base}, then twice as long after each
 * further failure, at most {@code max}. Registrations and watches must come back by themselves
 * however long ZooKeeper is away.
 */
public final class ForeverBackoffRetry implements RetryPolicy {
  private final long baseMs;
  private final long maxMs;

  public ForeverBackoffRetry(Duration base, Duration max) {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= max, not base " + base + ", max " + max);
    }
    this.baseMs = base.toMillis();
    this.maxMs = max.toMillis();
  }

  /** How long to wait before retry number {@code retryCount} (0 for the first retry). */
  public long delayMs(int retryCount) {
    long delay = baseMs;
    for (int i = 0; i < retryCount && delay < maxMs; i++) {
      delay *= 2;
    }
    return Math.min(delay, maxMs);
  }

  @Override
  public boolean allowRetry(int retryCount, long elapsedTimeMs, RetrySleeper sleeper) {
    try {
      sleeper.sleepFor(delayMs(retryCount), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
