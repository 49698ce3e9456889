package io.paasta.planning;

import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a task counts as happy (SPEC section 5): running, not draining, its health check passing
 * (HEALTHY, which the checker also reports for a task without a check), up at least {@code
 * min_task_uptime} when set, and UP in the local HAProxy when {@code check_haproxy} is on.
 */
public record HappinessRule(Optional<Duration> minTaskUptime, boolean checkHaproxy) {
  public static HappinessRule of(DesiredInstance desired) {
    return new HappinessRule(desired.minTaskUptime(), desired.checkHaproxy());
  }

  public boolean isHappy(ObservedTask task, Instant now) {
    return task.state() == TaskState.RUNNING
        && task.drain() == DrainState.NOT_DRAINING
        && task.health() == HealthState.HEALTHY
        && upLongEnough(task, now)
        && (!checkHaproxy || task.inHaproxy());
  }

  private boolean upLongEnough(ObservedTask task, Instant now) {
    if (minTaskUptime.isEmpty()) {
      return true;
    }
    return task.startedAt().map(s -> !s.plus(minTaskUptime.get()).isAfter(now)).orElse(false);
  }

  /**
   * Running: a task that holds a slot. A task seen CREATED was never started: starts happen within
   * one pass, so it is what an interrupted start (a daemon crash) left, and is killed.
   */
  public static boolean isLive(ObservedTask task) {
    return task.state() == TaskState.RUNNING;
  }
}
