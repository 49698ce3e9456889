package io.paasta.server.loop;

import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which plans first check that the desired app's tasks could start ({@code
 * Backend.checkStartable}): those that start tasks, or drain or kill tasks of an older app. A
 * brutal or downthenup bounce takes the old tasks down before (or without) starting new ones, so a
 * new app that cannot start (a secret the cluster's key cannot open) would leave nothing running:
 * checked first, such a plan is not carried out at all and the old tasks stay. Plans that only
 * touch the desired app's own tasks, or remove an instance, need no check. Pure.
 */
public final class BounceGuard {
  private BounceGuard() {}

  /** Whether the plan needs the desired app's tasks to be startable before it is carried out. */
  public static boolean needsCheck(
      Plan plan, ObservedInstance observed, Optional<DesiredInstance> desired) {
    if (desired.isEmpty()) {
      return false;
    }
    Set<String> olderTasks = new HashSet<>();
    for (ObservedTask task : observed.tasks()) {
      if (!task.appId().equals(desired.get().appId())) {
        olderTasks.add(task.id());
      }
    }
    for (Action action : plan.actions()) {
      if (action instanceof Action.StartTasks
          || action instanceof Action.DrainTasks drain
              && drain.taskIds().stream().anyMatch(olderTasks::contains)
          || action instanceof Action.KillTasks kill
              && kill.taskIds().stream().anyMatch(olderTasks::contains)) {
        return true;
      }
    }
    return false;
  }
}
