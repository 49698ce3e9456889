package io.paasta.planning.observed;

/** Where a task (a container) is in its life. */
public enum TaskState {
  /** Created, not yet running. */
  CREATED,
  RUNNING,
  /** Exited (by itself or killed); kept a while as crash history for backoff. */
  EXITED
}
