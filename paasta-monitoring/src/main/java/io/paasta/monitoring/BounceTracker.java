package io.paasta.monitoring;

import io.paasta.model.InstanceRef;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Since when each instance has been bouncing, for {@link
 * io.paasta.monitoring.check.DeployProgress#bouncingSince}, derived from what outlives the daemon:
 * the tasks the engine has ({@link #startFromTasks}), so that a daemon restart does not reset the
 * deploy check's timer. A pass that sees a bounce whose start the tasks cannot tell yet (the new
 * app has no started task) counts it from that pass; that time is kept in memory and only helps
 * while the daemon runs (the earlier of both wins). Thread-safe.
 */
public final class BounceTracker {
  private final Map<InstanceRef, Instant> firstSeen = new ConcurrentHashMap<>();

  /** A bounce is in progress while a task of another app than the desired one still runs. */
  public static boolean isBouncing(String desiredAppId, List<ObservedTask> tasks) {
    for (ObservedTask task : tasks) {
      if (task.state() == TaskState.RUNNING && !task.appId().equals(desiredAppId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * When the bounce in progress began as the tasks show it: when the instance came to hold a second
   * app. The apps that count are those with a running task, and the desired app with any task (an
   * exited one included); each app's first start is the earliest start of its tasks; the bounce
   * began at the second earliest of those (for a bounce from A to B, B's first start; for a
   * rollback to A while B still runs, B's first start too: the instance has been bouncing since).
   * Empty when not bouncing, or when fewer than two such apps have a started task (the new app has
   * none yet). Pure.
   */
  public static Optional<Instant> startFromTasks(String desiredAppId, List<ObservedTask> tasks) {
    if (!isBouncing(desiredAppId, tasks)) {
      return Optional.empty();
    }
    Set<String> apps = new HashSet<>(Set.of(desiredAppId));
    tasks.stream().filter(ObservedTask::isRunning).forEach(task -> apps.add(task.appId()));
    Map<String, Instant> firstStart = new HashMap<>();
    for (ObservedTask task : tasks) {
      if (apps.contains(task.appId()) && task.startedAt().isPresent()) {
        firstStart.merge(task.appId(), task.startedAt().get(), BounceTracker::earlier);
      }
    }
    return firstStart.values().stream().sorted().skip(1).findFirst();
  }

  /**
   * Records what a pass saw at {@code now}; returns since when the instance has been bouncing, if
   * it is: the start the tasks show, or the first pass of this daemon that saw the bounce when that
   * is earlier (or the tasks show none).
   */
  public Optional<Instant> observe(
      InstanceRef ref, String desiredAppId, List<ObservedTask> tasks, Instant now) {
    if (!isBouncing(desiredAppId, tasks)) {
      firstSeen.remove(ref);
      return Optional.empty();
    }
    Instant seen = firstSeen.computeIfAbsent(ref, k -> now);
    return Optional.of(startFromTasks(desiredAppId, tasks).map(t -> earlier(t, seen)).orElse(seen));
  }

  public void forget(InstanceRef ref) {
    firstSeen.remove(ref);
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
