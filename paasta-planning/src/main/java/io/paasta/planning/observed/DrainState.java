package io.paasta.planning.observed;

/** Where a task is in being taken out of service by its drain method. */
public enum DrainState {
  NOT_DRAINING,
  /** Draining; not yet safe to kill. */
  DRAINING,
  /** The drain method says the task may be killed. */
  SAFE_TO_KILL
}
