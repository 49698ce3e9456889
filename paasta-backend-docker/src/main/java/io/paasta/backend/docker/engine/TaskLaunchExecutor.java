package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.DockerClient;
import io.paasta.backend.docker.port.PortAllocator;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.RunSpec;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one task: allocates its ports, builds its container spec and launches it (a container that
 * does not start is removed again, so that a failed start leaves nothing behind).
 */
public final class TaskLaunchExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(TaskLaunchExecutor.class);

  private final ContainerLauncher launcher;
  private final PortAllocator ports;
  private final ContainerNames names;

  public TaskLaunchExecutor(DockerClient docker, PortAllocator ports, ContainerNames names) {
    this.launcher = new ContainerLauncher(docker);
    this.ports = ports;
    this.names = names;
  }

  /**
   * @param heldByTasks the ports tasks on the engine hold
   * @return the new container, running (as the engine would list it now)
   */
  public ManagedContainer launch(
      InstanceRef ref, String appId, RunSpec run, Set<Integer> heldByTasks) {
    List<Integer> taskPorts = ports.allocate(Math.max(1, run.portCount()), heldByTasks);
    ContainerSpec spec;
    String id;
    try {
      spec = ContainerSpecFactory.build(ref, appId, run, taskPorts, names.next(appId));
      id = launcher.create(spec);
    } catch (RuntimeException e) {
      ports.release(taskPorts);
      throw e;
    }
    launcher.start(id);
    LOG.info("started {} ({}) on port {}", spec.name(), id, taskPorts.get(0));
    return new ManagedContainer(
        id,
        spec.name(),
        spec.image(),
        spec.labels(),
        TaskState.RUNNING,
        Optional.of(Instant.now()),
        Optional.empty(),
        OptionalInt.empty());
  }
}
