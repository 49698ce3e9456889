package io.paasta.monitoring.check;

import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;

/**
 * {@code check_task_healthchecks.<svc.inst>}: running, non-draining tasks failing their health
 * check (UNHEALTHY or FAILED; a task in its grace period is UNKNOWN and not counted). WARNING when
 * some fail, CRITICAL when every one does.
 */
public final class HealthcheckCheck {
  private HealthcheckCheck() {}

  public static CheckResult evaluate(InstanceSnapshot s) {
    int running = 0;
    int failing = 0;
    for (ObservedTask task : s.tasks()) {
      if (task.state() != TaskState.RUNNING || task.drain() != DrainState.NOT_DRAINING) {
        continue;
      }
      running++;
      if (task.health() == HealthState.UNHEALTHY || task.health() == HealthState.FAILED) {
        failing++;
      }
    }
    CheckStatus status =
        failing == 0
            ? CheckStatus.OK
            : failing == running ? CheckStatus.CRITICAL : CheckStatus.WARNING;
    String output =
        failing
            + " of "
            + running
            + " running tasks of "
            + s.ref().serviceInstance()
            + " fail their health check";
    return new CheckResult(
        CheckKind.HEALTHCHECK.checkName(s.ref()), CheckKind.HEALTHCHECK, status, output);
  }
}
