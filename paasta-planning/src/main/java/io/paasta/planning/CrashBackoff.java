package io.paasta.planning;

import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Crash-loop backoff for the tasks of one app, decided from the exited tasks the engine keeps (the
 * daemon remembers nothing between passes).
 *
 * <p>The rule. Tasks the platform kills are removed, so an EXITED task is one that exited by itself
 * (a crash). Walking the app's exits newest first, each counts as a failure while
 *
 * <ul>
 *   <li>it finished after the start of every task of the app that is now RUNNING, HEALTHY and has
 *       been up at least {@link #STABLE_RUN} (such a task resets the count), and
 *   <li>it finished no more than {@code 2 * max_launch_delay} (at least 2 minutes) before the next
 *       newer exit (a longer quiet gap ends the series: the app was not crash-looping then);
 * </ul>
 *
 * and the walk stops after an exit whose task had run at least {@link #STABLE_RUN} (that exit is
 * the first failure of a new series). With {@code n} failures the next launch waits {@code
 * min(backoff_factor^(n-1) s, max_launch_delay)} after the newest exit. The gap is measured between
 * exits rather than from now, so that a loop at the cap (one exit per max_launch_delay) keeps its
 * count and its delay.
 */
public final class CrashBackoff {
  /** A task that ran this long was not crash-looping. */
  public static final Duration STABLE_RUN = Duration.ofSeconds(60);

  /** Bounds of the crash history kept per app (see {@link #historyToKeep}). */
  static final int MIN_HISTORY = 3;

  static final int MAX_HISTORY = 20;

  private CrashBackoff() {}

  /** The failures counted and how long the next launch must still wait. */
  public record Delay(int failures, Duration remaining) {}

  /** The delay still to wait before starting tasks of the app whose tasks these are, if any. */
  public static Optional<Delay> delay(
      List<ObservedTask> appTasks, double factor, Duration maxDelay, Instant now) {
    List<ObservedTask> exits = exitsNewestFirst(appTasks);
    int failures = countFailures(exits, resetAt(appTasks, now), maxGap(maxDelay));
    if (failures == 0) {
      return Optional.empty();
    }
    Instant lastExit = exits.get(0).finishedAt().orElseThrow();
    Duration remaining =
        Duration.between(now, lastExit.plus(launchDelay(failures, factor, maxDelay)));
    return remaining.isNegative() || remaining.isZero()
        ? Optional.empty()
        : Optional.of(new Delay(failures, remaining));
  }

  /** {@code min(factor^(failures-1) seconds, maxDelay)}; zero without failures. */
  public static Duration launchDelay(int failures, double factor, Duration maxDelay) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    double seconds = Math.max(0, Math.pow(factor, failures - 1));
    double maxSeconds = maxDelay.toMillis() / 1000.0;
    return Duration.ofMillis(Math.round(Math.min(seconds, maxSeconds) * 1000));
  }

  /** Exits to keep so that the count can reach the cap: {@code 1 + ceil(log_factor(max))}. */
  public static int historyToKeep(double factor, Duration maxDelay) {
    double maxSeconds = maxDelay.toMillis() / 1000.0;
    if (factor <= 1 || maxSeconds <= 1) {
      return MIN_HISTORY;
    }
    int toCap = 1 + (int) Math.ceil(Math.log(maxSeconds) / Math.log(factor));
    return Math.max(MIN_HISTORY, Math.min(MAX_HISTORY, toCap));
  }

  /** {@code 2 * max_launch_delay}, at least {@code 2 * STABLE_RUN}. */
  static Duration maxGap(Duration maxDelay) {
    Duration gap = maxDelay.multipliedBy(2);
    Duration floor = STABLE_RUN.multipliedBy(2);
    return gap.compareTo(floor) < 0 ? floor : gap;
  }

  static List<ObservedTask> exitsNewestFirst(List<ObservedTask> tasks) {
    return tasks.stream()
        .filter(t -> t.state() == TaskState.EXITED && t.finishedAt().isPresent())
        .sorted(
            Comparator.comparing((ObservedTask t) -> t.finishedAt().orElseThrow())
                .reversed()
                .thenComparing(ObservedTask::id))
        .toList();
  }

  private static Instant resetAt(List<ObservedTask> tasks, Instant now) {
    return tasks.stream()
        .filter(t -> t.state() == TaskState.RUNNING && t.health() == HealthState.HEALTHY)
        .flatMap(t -> t.startedAt().stream())
        .filter(started -> !started.plus(STABLE_RUN).isAfter(now))
        .max(Comparator.naturalOrder())
        .orElse(Instant.MIN);
  }

  private static int countFailures(List<ObservedTask> exits, Instant resetAt, Duration maxGap) {
    int failures = 0;
    Instant newer = null;
    for (ObservedTask exit : exits) {
      Instant finished = exit.finishedAt().orElseThrow();
      if (!finished.isAfter(resetAt)
          || (newer != null && Duration.between(finished, newer).compareTo(maxGap) > 0)) {
        break;
      }
      failures++;
      newer = finished;
      if (ranStable(exit)) {
        break;
      }
    }
    return failures;
  }

  private static boolean ranStable(ObservedTask exit) {
    return exit.startedAt()
        .map(s -> Duration.between(s, exit.finishedAt().orElseThrow()).compareTo(STABLE_RUN) >= 0)
        .orElse(false);
  }
}
