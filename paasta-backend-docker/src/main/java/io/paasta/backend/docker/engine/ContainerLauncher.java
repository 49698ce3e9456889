package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link ContainerSpec} into a container on the engine and starts it: the one launch path
 * of a daemon task ({@link TaskLaunchExecutor}) and of a {@code paasta local-run} container. A
 * container that was created but does not start is removed again, so that a failed start leaves
 * nothing behind.
 */
public final class ContainerLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(ContainerLauncher.class);

  private final DockerClient docker;

  public ContainerLauncher(DockerClient docker) {
    this.docker = docker;
  }

  /** Creates the container of {@code spec}, not started; returns its id. */
  public String create(ContainerSpec spec) {
    CreateContainerCmd create =
        docker
            .createContainerCmd(spec.image())
            .withName(spec.name())
            .withEnv(spec.env())
            .withLabels(spec.labels())
            .withHostConfig(spec.hostConfig());
    spec.entrypoint().ifPresent(create::withEntrypoint);
    spec.cmd().ifPresent(create::withCmd);
    return create.exec().getId();
  }

  /** Starts a created container; removes it when it does not start, and rethrows. */
  public void start(String id) {
    try {
      docker.startContainerCmd(id).exec();
    } catch (RuntimeException e) {
      removeQuietly(id);
      throw e;
    }
  }

  private void removeQuietly(String id) {
    try {
      docker.removeContainerCmd(id).withForce(true).exec();
    } catch (NotFoundException ignored) {
      // already gone
    } catch (RuntimeException e) {
      LOG.warn("could not remove {} after its failed start: {}", id, e.getMessage());
    }
  }
}
