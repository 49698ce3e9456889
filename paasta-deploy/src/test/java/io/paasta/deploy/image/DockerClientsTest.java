package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.deploy.DeployException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerClientsTest {
  @Test
  void theUnixSocketUnlessDockerHostIsSet() {
    assertThat(DockerClients.host(Map.of())).isEqualTo(URI.create("unix:///var/run/docker.sock"));
    assertThat(DockerClients.host(Map.of("DOCKER_HOST", " ")))
        .isEqualTo(URI.create("unix:///var/run/docker.sock"));
    assertThat(DockerClients.host(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock")))
        .isEqualTo(URI.create("unix:///run/user/1000/docker.sock"));
  }

  @Test
  void aDockerHostThatIsNoAddressIsAClearError() {
    assertThatThrownBy(() -> DockerClients.host(Map.of("DOCKER_HOST", "/var/run/docker.sock")))
        .isInstanceOf(DeployException.class)
        .hasMessage(
            "DOCKER_HOST=/var/run/docker.sock is not an engine address - expected e.g."
                + " unix:///var/run/docker.sock");
  }

  @Test
  void anEngineThatDoesNotAnswerIsAClearError(@TempDir Path dir) {
    URI socket = URI.create("unix://" + dir.resolve("docker.sock"));

    assertThatThrownBy(() -> new DockerClients(socket).connect())
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith(
            "the Docker engine does not answer on "
                + socket
                + " - is dockerd running? check DOCKER_HOST");
  }

  @Test
  void theDefaultSocketsErrorSaysHowToStartTheEngine() {
    DeployException error =
        new DockerClients(URI.create(DockerClients.DEFAULT_HOST))
            .engineDown(new RuntimeException("x", new java.io.IOException("Connection refused")));

    assertThat(error)
        .hasMessage(
            "the Docker engine does not answer on unix:///var/run/docker.sock - is dockerd"
                + " running? start it with `dockerd --bridge=none --iptables=false"
                + " --ip-masq=false` as root (scripts/test.sh does), or set DOCKER_HOST"
                + " (Connection refused)");
  }
}
