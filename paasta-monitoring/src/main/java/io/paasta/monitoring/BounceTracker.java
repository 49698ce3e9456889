package io.paasta.monitoring;

import io.paasta.model.InstanceRef;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers since when each instance has been bouncing, for {@link
 * io.paasta.monitoring.check.DeployProgress#bouncingSince}. In memory: after a daemon restart a
 * bounce in progress counts from the first pass that sees it. Thread-safe.
 */
public final class BounceTracker {
  private final Map<InstanceRef, Instant> since = new ConcurrentHashMap<>();

  /** A bounce is in progress while a task of another app than the desired one still runs. */
  public static boolean isBouncing(String desiredAppId, List<ObservedTask> tasks) {
    for (ObservedTask task : tasks) {
      if (task.state() == TaskState.RUNNING && !task.appId().equals(desiredAppId)) {
        return true;
      }
    }
    return false;
  }

  /** Records what a pass saw; returns since when the instance has been bouncing, if it is. */
  public Optional<Instant> observe(InstanceRef ref, boolean bouncing, Instant now) {
    if (!bouncing) {
      since.remove(ref);
      return Optional.empty();
    }
    return Optional.of(since.computeIfAbsent(ref, k -> now));
  }

  public void forget(InstanceRef ref) {
    since.remove(ref);
  }
}
