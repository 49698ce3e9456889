package io.paasta.backend.docker;

import io.paasta.backend.docker.engine.ContainerListClient;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.engine.TaskStopExecutor;
import io.paasta.backend.docker.events.EngineOutages;
import io.paasta.backend.docker.oom.OomWatcher;
import java.util.List;
import java.util.function.Consumer;

/**
 * When the engine answers again after an outage: removes the cluster's tasks that exited in it.
 * They were stopped by the engine going away, not by a crash of their own, so they must not stay as
 * crash history (crash backoff, the crash-loop check count the exited tasks the engine keeps); once
 * removed, what the engine holds says it all, also to a daemon started later.
 */
final class EngineOutageCleanup {
  private final ContainerListClient containers;
  private final TaskStopExecutor stopper;
  private final OomWatcher oom;
  private final EngineOutages outages;
  private final String cluster;
  private final Consumer<String> forget;

  /**
   * @param forget told the id of each removed task (the backend's caches and checkers)
   */
  EngineOutageCleanup(
      ContainerListClient containers,
      TaskStopExecutor stopper,
      OomWatcher oom,
      EngineOutages outages,
      String cluster,
      Consumer<String> forget) {
    this.containers = containers;
    this.stopper = stopper;
    this.oom = oom;
    this.outages = outages;
    this.cluster = cluster;
    this.forget = forget;
  }

  /** Removes the exited tasks the engine's outages stopped; how many went. */
  int removeStoppedTasks() {
    List<ManagedContainer> ours;
    try {
      ours =
          containers.listAll().stream()
              .filter(c -> ObservedStateMapper.isServiceTaskOf(c, cluster))
              .toList();
    } catch (RuntimeException e) {
      return 0; // away again: the next time it is back
    }
    oom.observeExited(ours); // an OOM kill among them is still one
    int removed = 0;
    for (ManagedContainer task : ours) {
      if (outages.stoppedByEngine(task)) {
        try {
          stopper.removeExited(task.id());
          forget.accept(task.id());
          removed++;
        } catch (RuntimeException e) {
          // left out of what is observed; removed the next time the engine is back
        }
      }
    }
    return removed;
  }

  /** The tasks no outage stopped: what the planner and the checks may see. */
  List<ManagedContainer> withoutStopped(List<ManagedContainer> ours) {
    return ours.stream().filter(c -> !outages.stoppedByEngine(c)).toList();
  }
}
