package io.paasta.planning.plan;

import io.paasta.planning.app.RunSpec;
import java.util.List;

/**
 * One step of a plan, with the reason it is taken. Plans are data: printed by {@code --dry-run},
 * asserted in tests, logged before they run.
 */
public sealed interface Action
    permits Action.StartTasks,
        Action.DrainTasks,
        Action.KillTasks,
        Action.RemoveExited,
        Action.ChangeObject {

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

  /** What a declarative engine is asked to do with one object. */
  enum ObjectVerb {
    CREATE,
    /** Replace the object (with the resource version it was read at: a conflict if it moved). */
    UPDATE,
    /** A JSON merge patch (e.g. only the replica count). */
    PATCH,
    DELETE
  }

  /**
   * Create, change or delete one object of a declarative engine (Kubernetes): the backends that
   * plan by object diff rather than by tasks.
   *
   * @param kind the object's kind ({@code Deployment})
   * @param namespace empty for objects outside namespaces
   * @param fields the fields that differ (dotted paths), for the plan's reader; empty for create
   *     and delete
   * @param body the JSON sent: the whole object for create and update, the merge patch for patch,
   *     empty for delete
   */
  record ChangeObject(
      String kind,
      String namespace,
      String name,
      ObjectVerb verb,
      List<String> fields,
      String body,
      String reason)
      implements Action {
    public ChangeObject {
      fields = List.copyOf(fields);
    }

    /** {@code kind namespace/name}, or {@code kind name} outside namespaces. */
    public String object() {
      return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
  }
}
