package io.paasta.backend.docker;

import com.github.dockerjava.api.DockerClient;
import io.paasta.backend.docker.drain.Drainer;
import io.paasta.backend.docker.drain.HttpDrainClient;
import io.paasta.backend.docker.engine.ContainerListClient;
import io.paasta.backend.docker.engine.DockerEngineClients;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.health.HealthChecker;
import io.paasta.backend.docker.health.HealthProbeClient;
import io.paasta.backend.docker.http.LoopbackHttpClient;
import io.paasta.backend.docker.port.PortAllocator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/** Builds a running Docker backend: the one place its parts are wired. */
public final class DockerBackends {
  private DockerBackends() {}

  /** A backend on the engine of {@code config.dockerHost()}, its health checker started. */
  public static DockerBackend start(DockerBackendConfig config) {
    return start(config, DockerEngineClients.open(config.dockerHost()), Clock.systemUTC());
  }

  /** A backend on an open client (which it then owns and closes), its health checker started. */
  public static DockerBackend start(DockerBackendConfig config, DockerClient docker, Clock clock) {
    LoopbackHttpClient http = new LoopbackHttpClient();
    ContainerListClient checkerListing = new ContainerListClient(docker);
    HealthChecker health =
        new HealthChecker(
            () -> runningTasksOf(checkerListing, config.cluster()),
            new HealthProbeClient(docker, http),
            clock,
            config.healthDiscoveryInterval(),
            config.checkerThreads());
    Drainer drainer =
        new Drainer(
            new HttpDrainClient(http, config.drainTimeout()), clock, config.drainPollInterval());
    PortAllocator ports = new PortAllocator(config.ports(), clock);
    DockerBackend backend =
        new DockerBackend(docker, ports, health, drainer, new SecureRandom(), config);
    health.start();
    return backend;
  }

  private static List<ManagedContainer> runningTasksOf(ContainerListClient list, String cluster) {
    return list.listAll().stream()
        .filter(ManagedContainer::isRunning)
        .filter(c -> ObservedStateMapper.belongsTo(c, cluster))
        .toList();
  }
}
