package io.paasta.planning.jobs;

/** Why a run exists. */
public enum RunTrigger {
  /** Its schedule said so. */
  SCHEDULE,
  /** Its parents' runs succeeded. */
  PARENTS,
  /** {@code paasta rerun} (shown as "(Launched by paasta rerun)"). */
  RERUN,
  /** {@code paasta emergency-start} or the API's run-now. */
  RUN_NOW
}
