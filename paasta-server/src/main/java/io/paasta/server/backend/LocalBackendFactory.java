package io.paasta.server.backend;

import io.paasta.backend.docker.DockerBackendConfig;
import io.paasta.backend.docker.DockerBackends;
import io.paasta.backend.docker.port.PortRange;
import io.paasta.model.SystemConfig;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.backend.BackendPorts;

/**
 * The {@code local} backend: the Docker engine of this host ({@code $DOCKER_HOST}, else its unix
 * socket), tasks on host networking with host ports from {@code ports}.
 */
public final class LocalBackendFactory implements BackendFactory {
  private final PortRange ports;

  public LocalBackendFactory(PortRange ports) {
    this.ports = ports;
  }

  @Override
  public Backend start(SystemConfig system, BackendPorts daemonPorts) {
    return DockerBackends.start(
        DockerBackendConfig.defaults(system.cluster()).withPorts(ports), daemonPorts);
  }
}
