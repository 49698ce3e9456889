package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.URI;
import java.time.Duration;

/**
 * Opens a docker-java client on the engine's API (zerodep transport, API version not pinned). The
 * client connects per request, so it outlives a restart of the engine: calls fail while the engine
 * is down and work again once it is back.
 */
public final class DockerEngineClients {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_CONNECTIONS = 64;

  private DockerEngineClients() {}

  public static DockerClient open(URI host) {
    DockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(host.toString())
            .build();
    ZerodepDockerHttpClient http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(CONNECT_TIMEOUT)
            .maxConnections(MAX_CONNECTIONS)
            .build();
    return DockerClientImpl.getInstance(config, http);
  }
}
