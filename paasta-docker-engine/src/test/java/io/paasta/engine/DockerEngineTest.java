package io.paasta.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerEngineTest {
  @Test
  void theUnixSocketUnlessDockerHostIsSet() {
    assertThat(DockerEngine.host(Map.of())).isEqualTo(URI.create("unix:///var/run/docker.sock"));
    assertThat(DockerEngine.host(Map.of("DOCKER_HOST", " ")))
        .isEqualTo(URI.create("unix:///var/run/docker.sock"));
    assertThat(DockerEngine.host(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock")))
        .isEqualTo(URI.create("unix:///run/user/1000/docker.sock"));
  }

  @Test
  void aDockerHostThatIsNoAddressIsAClearError() {
    assertThatThrownBy(() -> DockerEngine.host(Map.of("DOCKER_HOST", "/var/run/docker.sock")))
        .isInstanceOf(EngineException.class)
        .hasMessage(
            "DOCKER_HOST=/var/run/docker.sock is not an engine address - expected e.g."
                + " unix:///var/run/docker.sock");
  }

  @Test
  void anEngineThatDoesNotAnswerIsAClearError(@TempDir Path dir) {
    URI socket = URI.create("unix://" + dir.resolve("docker.sock"));

    assertThatThrownBy(() -> new DockerEngine(socket).connect())
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith(
            "the Docker engine does not answer on "
                + socket
                + " - is dockerd running? check DOCKER_HOST");
  }

  @Test
  void theDefaultSocketsErrorSaysHowToStartTheEngine() {
    String message =
        EngineErrors.engineDown(
            URI.create(DockerEngine.DEFAULT_HOST),
            new RuntimeException("x", new java.io.IOException("Connection refused")));

    assertThat(message)
        .isEqualTo(
            "the Docker engine does not answer on unix:///var/run/docker.sock - is dockerd"
                + " running? start it with `dockerd --bridge=none --iptables=false"
                + " --ip-masq=false` as root (scripts/test.sh does), or set DOCKER_HOST"
                + " (Connection refused)");
  }
}
