package io.paasta.planning.plan;

import io.paasta.planning.app.RunSpec;
import java.util.List;

/**
 * One step of a plan, with the reason it is taken. Plans are data: printed by {@code --dry-run},
 * asserted in tests, logged before they run.
 */
public sealed interface Action
    permits Action.StartTasks, Action.DrainTasks, Action.KillTasks, Action.RemoveExited {

  String reason();

  /** Start {@code count} new tasks of {@code appId} (the first ones create the app). */
  record StartTasks(String appId, int count, RunSpec run, String reason) implements Action {}

  /** Ask the drain method to take these running tasks out of service. */
  record DrainTasks(List<String> taskIds, String reason) implements Action {
    public DrainTasks {
      taskIds = List.copyOf(taskIds);
    }
  }

  /** Stop and remove these tasks (drained, unhealthy, or of an instance being removed). */
  record KillTasks(List<String> taskIds, String reason) implements Action {
    public KillTasks {
      taskIds = List.copyOf(taskIds);
    }
  }

  /** Forget exited tasks no longer needed as crash history. */
  record RemoveExited(List<String> taskIds, String reason) implements Action {
    public RemoveExited {
      taskIds = List.copyOf(taskIds);
    }
  }
}
