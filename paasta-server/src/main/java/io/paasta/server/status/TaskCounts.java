package io.paasta.server.status;

import io.paasta.planning.HappinessRule;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.List;

/**
 * The task counts of an instance, as status and metrics show them.
 *
 * @param appCount distinct apps with live (created or running) tasks
 * @param running running tasks of the desired app
 * @param healthy happy tasks of the desired app ({@link HappinessRule})
 * @param otherLive live tasks of other apps (a bounce is in progress while there are any)
 */
public record TaskCounts(int appCount, int running, int healthy, int otherLive) {
  public static final TaskCounts NONE = new TaskCounts(0, 0, 0, 0);

  /**
   * @param appId the desired app's id
   */
  public static TaskCounts of(
      List<ObservedTask> tasks, String appId, HappinessRule rule, Instant now) {
    List<ObservedTask> live = tasks.stream().filter(t -> t.state() != TaskState.EXITED).toList();
    int apps = (int) live.stream().map(ObservedTask::appId).distinct().count();
    List<ObservedTask> ofApp = live.stream().filter(t -> t.appId().equals(appId)).toList();
    int running = (int) ofApp.stream().filter(ObservedTask::isRunning).count();
    int healthy = (int) ofApp.stream().filter(t -> rule.isHappy(t, now)).count();
    return new TaskCounts(apps, running, healthy, live.size() - ofApp.size());
  }

  /** Live tasks of every app, when no app is desired (not deployed, or gone). */
  public static TaskCounts withoutDesiredApp(List<ObservedTask> tasks) {
    List<ObservedTask> live = tasks.stream().filter(t -> t.state() != TaskState.EXITED).toList();
    int apps = (int) live.stream().map(ObservedTask::appId).distinct().count();
    return new TaskCounts(apps, 0, 0, live.size());
  }

  public boolean bouncing() {
    return otherLive > 0;
  }
}
