package io.paasta.planning.backend;

import io.paasta.model.InstanceRef;

/**
 * Where a backend reports each new OOM kill of a task, once, as a line for the daemon's log. A port
 * every backend that can tell OOM kills takes at construction (see {@link BackendPorts}).
 */
@FunctionalInterface
public interface OomKillSink {
  /**
   * @param description names the instance, the task, its memory limit and what to do
   */
  void oomKilled(InstanceRef ref, String description);
}
