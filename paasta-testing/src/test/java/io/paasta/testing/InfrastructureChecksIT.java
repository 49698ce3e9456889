package io.paasta.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The checks against the real engine and registry (they fail under CI when either is missing). */
class InfrastructureChecksIT {
  @Test
  void theEngineOfTheEnvironmentAnswersAPing() {
    URI engine = TestInfrastructure.requireEngine();

    assertThat(engine).isEqualTo(TestInfrastructure.engine(System.getenv()));
  }

  @Test
  void anEngineThatIsNotThereFailsUnderCiAndSkipsElsewhere(@TempDir Path tmp) {
    String socket = "unix://" + tmp.resolve("no-engine.sock");

    assertThatThrownBy(() -> TestInfrastructure.requireEngine(Map.of("DOCKER_HOST", socket)))
        .isInstanceOf(
            TestInfrastructure.ci() ? AssertionFailedError.class : TestAbortedException.class)
        .hasMessageContaining("no Docker engine answers on " + socket)
        .hasMessageContaining("run scripts/test.sh");
  }

  @Test
  void theRegistryAnswers() {
    assertThat(TestInfrastructure.requireRegistry()).isEqualTo(TestInfrastructure.REGISTRY);
  }

  @Test
  void theEngineIsDockerHostElseTheDefaultSocket() {
    assertThat(TestInfrastructure.engine(Map.of())).isEqualTo(TestInfrastructure.DEFAULT_ENGINE);
    assertThat(TestInfrastructure.engine(Map.of("DOCKER_HOST", " tcp://127.0.0.1:2375 ")))
        .isEqualTo(URI.create("tcp://127.0.0.1:2375"));
  }

  @Test
  void aFreePortCanBeBound() throws Exception {
    int port = FreePorts.pick();
    try (var socket =
        new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }
}
