package io.paasta.server.metastatus;

import io.paasta.model.InstanceRef;
import io.paasta.planning.capacity.Resources;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The live tasks of a cluster counted by state, and the resources they reserve (each task its
 * instance's configured {@code cpus}/{@code mem}/{@code disk}). Pure.
 *
 * @param running running and healthy (or running with no health check)
 * @param starting created, or running with health not known yet
 * @param unhealthy running and failing their health check
 * @param unknownConfig live tasks whose instance is gone from soa-configs (their reservation is not
 *     known, so not counted in {@code used})
 */
public record TaskTally(
    int running, int starting, int unhealthy, int unknownConfig, Resources used) {

  /**
   * @param services the observed tasks of the long-running instances
   * @param runningJobs the jobs with a run in progress (one task each)
   * @param reserved an instance's reservation per task; empty when gone from soa-configs
   */
  public static TaskTally of(
      List<ObservedInstance> services,
      List<InstanceRef> runningJobs,
      Function<InstanceRef, Optional<Resources>> reserved) {
    int running = 0;
    int starting = 0;
    int unhealthy = 0;
    int unknown = 0;
    Resources used = Resources.ZERO;
    for (ObservedInstance instance : services) {
      Optional<Resources> perTask = reserved.apply(instance.ref());
      for (ObservedTask task : instance.tasks()) {
        if (task.state() == TaskState.EXITED) {
          continue;
        }
        switch (stateOf(task)) {
          case RUNNING -> running++;
          case STARTING -> starting++;
          case UNHEALTHY -> unhealthy++;
        }
        if (perTask.isPresent()) {
          used = used.plus(perTask.get());
        } else {
          unknown++;
        }
      }
    }
    for (InstanceRef job : runningJobs) {
      running++;
      Optional<Resources> perTask = reserved.apply(job);
      if (perTask.isPresent()) {
        used = used.plus(perTask.get());
      } else {
        unknown++;
      }
    }
    return new TaskTally(running, starting, unhealthy, unknown, used);
  }

  private enum Kind {
    RUNNING,
    STARTING,
    UNHEALTHY
  }

  private static Kind stateOf(ObservedTask task) {
    if (task.state() == TaskState.CREATED) {
      return Kind.STARTING;
    }
    return switch (task.health()) {
      case HEALTHY -> Kind.RUNNING;
      case UNKNOWN -> Kind.STARTING;
      case UNHEALTHY, FAILED -> Kind.UNHEALTHY;
    };
  }
}
