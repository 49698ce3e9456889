package io.paasta.planning.jobs;

/** Where one run of a job is. */
public enum RunState {
  /** An attempt's container runs (or is being started). */
  RUNNING,
  /** An attempt exited 0. */
  SUCCEEDED,
  /** Every attempt exited non-zero, or could not start (image missing, engine gone). */
  FAILED,
  /** Its scheduled time passed beyond epsilon before it could start; it never ran. */
  SKIPPED,
  /** Ended by {@code paasta stop}, by removing the job, or by the daemon shutting a run down. */
  KILLED;

  public boolean finished() {
    return this != RUNNING;
  }
}
