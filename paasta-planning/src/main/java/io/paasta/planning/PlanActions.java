package io.paasta.planning;

import io.paasta.planning.app.RunSpec;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import io.paasta.planning.plan.Action;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The actions of one pass as they are decided, grouped by kind and reason, each task in at most one
 * action. {@link #actions} orders them: kills, drains, starts, removals of exited tasks.
 */
final class PlanActions {
  private final Map<String, List<String>> kills = new LinkedHashMap<>();
  private final Map<String, List<String>> drains = new LinkedHashMap<>();
  private final List<Action> starts = new ArrayList<>();
  private final Map<String, List<String>> removals = new LinkedHashMap<>();
  private final Set<String> decided = new HashSet<>();
  private int waitingForDrain;

  void kill(Collection<ObservedTask> tasks, String reason) {
    add(kills, tasks, reason);
  }

  void removeExited(Collection<ObservedTask> tasks, String reason) {
    add(removals, tasks, reason);
  }

  void start(String appId, int count, RunSpec run, String reason) {
    starts.add(new Action.StartTasks(appId, count, run, reason));
  }

  /**
   * One step of the drain state machine for each task to take out of service: not running → kill;
   * not draining → drain; safe to kill → kill; draining → wait.
   */
  void takeOut(Collection<ObservedTask> tasks, String why) {
    for (ObservedTask task : tasks) {
      if (task.state() != TaskState.RUNNING) {
        kill(List.of(task), why + "; not running");
      } else if (task.drain() == DrainState.NOT_DRAINING) {
        add(drains, List.of(task), why);
      } else if (task.drain() == DrainState.SAFE_TO_KILL) {
        kill(List.of(task), why + "; drained, safe to kill");
      } else if (decided.add(task.id())) {
        waitingForDrain++;
      }
    }
  }

  /** Tasks that are draining and not yet safe to kill. */
  int waitingForDrain() {
    return waitingForDrain;
  }

  boolean hasDrains() {
    return !drains.isEmpty();
  }

  boolean hasStarts() {
    return !starts.isEmpty();
  }

  List<Action> actions() {
    List<Action> actions = new ArrayList<>();
    addAll(actions, kills, Action.KillTasks::new);
    addAll(actions, drains, Action.DrainTasks::new);
    actions.addAll(starts);
    addAll(actions, removals, Action.RemoveExited::new);
    return actions;
  }

  private void add(Map<String, List<String>> byReason, Collection<ObservedTask> tasks, String why) {
    for (ObservedTask task : tasks) {
      if (decided.add(task.id())) {
        byReason.computeIfAbsent(why, r -> new ArrayList<>()).add(task.id());
      }
    }
  }

  private static void addAll(
      List<Action> out,
      Map<String, List<String>> byReason,
      BiFunction<List<String>, String, Action> make) {
    byReason.forEach((reason, ids) -> out.add(make.apply(ids, reason)));
  }
}
