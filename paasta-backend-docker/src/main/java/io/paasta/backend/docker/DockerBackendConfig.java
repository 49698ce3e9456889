package io.paasta.backend.docker;

import io.paasta.backend.docker.port.PortRange;
import io.paasta.engine.DockerEngine;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the Docker backend.
 *
 * @param cluster the daemon's cluster: only tasks labelled with it (or with no cluster) are
 *     observed and health-checked; other clusters' tasks on the same engine belong to other daemons
 *     (their ports are still avoided)
 * @param dockerHost the engine's API, e.g. {@code unix:///var/run/docker.sock}
 * @param ports host ports for tasks
 * @param stopTimeout how long a killed task gets between its stop signal and SIGKILL
 * @param pullTimeout how long pulling one image may take
 * @param healthDiscoveryInterval how often the health checker looks for new and gone tasks
 * @param drainPollInterval how often an http drain's is_safe_to_kill URL is polled
 * @param drainTimeout how long one drain URL call may take
 * @param checkerThreads how many health checks may run at once
 */
public record DockerBackendConfig(
    String cluster,
    URI dockerHost,
    PortRange ports,
    Duration stopTimeout,
    Duration pullTimeout,
    Duration healthDiscoveryInterval,
    Duration drainPollInterval,
    Duration drainTimeout,
    int checkerThreads) {

  public DockerBackendConfig {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(dockerHost, "dockerHost");
    Objects.requireNonNull(ports, "ports");
    if (checkerThreads < 1) {
      throw new IllegalArgumentException("checkerThreads must be at least 1");
    }
  }

  /**
   * The defaults for a cluster: the engine of {@code $DOCKER_HOST} (else the default socket), ports
   * 31000-32767, a 10 s stop timeout, 5 min per pull, discovery every second, drain polls every 2
   * s, 4 checker threads.
   */
  public static DockerBackendConfig defaults(String cluster) {
    return new DockerBackendConfig(
        cluster,
        dockerHost(System.getenv()),
        PortRange.DEFAULT,
        Duration.ofSeconds(10),
        Duration.ofMinutes(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        4);
  }

  /**
   * {@code DOCKER_HOST} of an environment, else the default unix socket (as {@link DockerEngine}
   * reads it for every engine client).
   *
   * @throws io.paasta.engine.EngineException when {@code DOCKER_HOST} is no engine address
   */
  public static URI dockerHost(Map<String, String> env) {
    return DockerEngine.host(env);
  }

  public DockerBackendConfig withDockerHost(URI host) {
    return new DockerBackendConfig(
        cluster,
        host,
        ports,
        stopTimeout,
        pullTimeout,
        healthDiscoveryInterval,
        drainPollInterval,
        drainTimeout,
        checkerThreads);
  }

  public DockerBackendConfig withPorts(PortRange range) {
    return new DockerBackendConfig(
        cluster,
        dockerHost,
        range,
        stopTimeout,
        pullTimeout,
        healthDiscoveryInterval,
        drainPollInterval,
        drainTimeout,
        checkerThreads);
  }

  public DockerBackendConfig withStopTimeout(Duration timeout) {
    return new DockerBackendConfig(
        cluster,
        dockerHost,
        ports,
        timeout,
        pullTimeout,
        healthDiscoveryInterval,
        drainPollInterval,
        drainTimeout,
        checkerThreads);
  }

  public DockerBackendConfig withIntervals(Duration healthDiscovery, Duration drainPoll) {
    return new DockerBackendConfig(
        cluster,
        dockerHost,
        ports,
        stopTimeout,
        pullTimeout,
        healthDiscovery,
        drainPoll,
        drainTimeout,
        checkerThreads);
  }
}
