package io.paasta.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The one place docker-java clients are opened, for the image builder and the Docker backend: on
 * {@code $DOCKER_HOST} when set, else the unix socket {@value #DEFAULT_HOST}; zerodep transport,
 * the API version not pinned (the engine's own is used). A client connects per request, so it
 * outlives a restart of the engine: calls fail while the engine is down and work again once it is
 * back.
 */
public final class DockerEngine {
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final int MAX_CONNECTIONS = 64;

  private final URI host;

  public DockerEngine(URI host) {
    this.host = host;
  }

  /**
   * The engine of this process's environment.
   *
   * @throws EngineException when {@code DOCKER_HOST} is no engine address
   */
  public static DockerEngine fromEnvironment() {
    return new DockerEngine(host(System.getenv()));
  }

  /**
   * {@code DOCKER_HOST} of an environment, else the default unix socket.
   *
   * @throws EngineException when {@code DOCKER_HOST} has no scheme
   */
  public static URI host(Map<String, String> env) {
    String value = env.get("DOCKER_HOST");
    if (value == null || value.isBlank()) {
      return URI.create(DEFAULT_HOST);
    }
    try {
      URI host = URI.create(value.trim());
      if (host.getScheme() == null) {
        throw new IllegalArgumentException("no scheme");
      }
      return host;
    } catch (IllegalArgumentException e) {
      throw new EngineException(
          "DOCKER_HOST="
              + value
              + " is not an engine address - expected e.g. unix:///var/run/docker.sock",
          e);
    }
  }

  public URI host() {
    return host;
  }

  /** A client of the engine, not yet used: it connects on its first call. */
  public DockerClient open() {
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

  /**
   * A client whose engine has answered a ping; the caller closes it.
   *
   * @throws EngineException when the engine does not answer
   */
  public DockerClient connect() {
    DockerClient client = open();
    try {
      client.pingCmd().exec();
      return client;
    } catch (RuntimeException e) {
      closeQuietly(client);
      throw new EngineException(EngineErrors.engineDown(host, e), e);
    }
  }

  /**
   * Checks that the engine answers, for work that reaches it through other programs (make and the
   * docker CLI) and wants a clear error first.
   *
   * @throws EngineException when the engine does not answer
   */
  public void requireEngine() {
    closeQuietly(connect());
  }

  private static void closeQuietly(DockerClient client) {
    try {
      client.close();
    } catch (IOException | RuntimeException ignored) {
      // the engine is already unreachable; nothing else to release
    }
  }
}
