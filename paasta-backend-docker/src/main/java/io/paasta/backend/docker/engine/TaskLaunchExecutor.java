package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.DockerClient;
import io.paasta.backend.docker.port.PortAllocator;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.RunSpec;
import io.paasta.planning.backend.SecretResolver;
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
  private final SecretResolver secrets;

  /**
   * @param secrets decrypts the env's secrets for the container (only there)
   */
  public TaskLaunchExecutor(
      DockerClient docker, PortAllocator ports, ContainerNames names, SecretResolver secrets) {
    this.launcher = new ContainerLauncher(docker);
    this.ports = ports;
    this.names = names;
    this.secrets = secrets;
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
      RunSpec resolved = run.withEnv(secrets.resolve(ref.service(), run.env()));
      spec = ContainerSpecFactory.build(ref, appId, resolved, taskPorts, names.next(appId));
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
