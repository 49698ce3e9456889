package io.paasta.deploy.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.paasta.deploy.DeployException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Opens docker-java clients on the Docker engine's API: {@code $DOCKER_HOST} when set, else the
 * unix socket {@value #DEFAULT_HOST}. The API version is not pinned: the engine's own is used.
 */
public final class DockerClients {
  public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final URI host;

  public DockerClients(URI host) {
    this.host = host;
  }

  /** The engine of this process's environment. */
  public static DockerClients fromEnvironment() {
    return new DockerClients(host(System.getenv()));
  }

  /** {@code DOCKER_HOST} of an environment, else the default unix socket. */
  static URI host(Map<String, String> env) {
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
      throw new DeployException(
          "DOCKER_HOST="
              + value
              + " is not an engine address - expected e.g. unix:///var/run/docker.sock",
          e);
    }
  }

  public URI host() {
    return host;
  }

  /**
   * A client whose engine has answered a ping.
   *
   * @throws DeployException when the engine does not answer
   */
  public DockerClient connect() {
    DockerClient client = open();
    try {
      client.pingCmd().exec();
      return client;
    } catch (RuntimeException e) {
      closeQuietly(client);
      throw engineDown(e);
    }
  }

  /**
   * Checks that the engine answers, for work that reaches it through other programs (make and the
   * docker CLI) and wants a clear error first.
   *
   * @throws DeployException when the engine does not answer
   */
  public void requireEngine() {
    closeQuietly(connect());
  }

  private DockerClient open() {
    DockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder()
            .withDockerHost(host.toString())
            .build();
    DockerHttpClient http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost())
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(CONNECT_TIMEOUT)
            .build();
    return DockerClientImpl.getInstance(config, http);
  }

  /** The error for an engine that cannot be reached, naming it and what to do. */
  DeployException engineDown(Throwable cause) {
    String hint =
        host.toString().equals(DEFAULT_HOST)
            ? "start it with `dockerd --bridge=none --iptables=false --ip-masq=false` as root"
                + " (scripts/test.sh does), or set DOCKER_HOST"
            : "check DOCKER_HOST";
    return new DeployException(
        "the Docker engine does not answer on "
            + host
            + " - is dockerd running? "
            + hint
            + " ("
            + rootMessage(cause)
            + ")",
        cause);
  }

  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }

  private static void closeQuietly(DockerClient client) {
    try {
      client.close();
    } catch (IOException | RuntimeException ignored) {
      // the engine is already unreachable; nothing else to release
    }
  }
}
