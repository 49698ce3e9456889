package io.paasta.backend.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.ConflictException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EngineErrorsTest {
  private static final URI ENGINE = URI.create("unix:///var/run/docker.sock");

  @Test
  void anEngineRefusalCarriesTheEnginesOwnMessage() {
    ConflictException refused =
        new ConflictException(
            "Status 409: {\"message\":\"Conflict. The name \\\"x\\\" is in use\"}\n");

    assertThat(EngineErrors.failure("web.main in c: start 1 task(s)", refused, ENGINE))
        .hasMessage(
            "web.main in c: start 1 task(s) failed: Conflict. The name \"x\" is in use - see the"
                + " Docker engine's log (/var/log/paasta/dockerd.log); the next pass retries");
  }

  @Test
  void anUnreachableEngineSaysSoAndHowToStartIt() {
    RuntimeException down =
        new RuntimeException(
            new UncheckedIOException(new java.io.IOException("No such file or directory")));

    assertThat(EngineErrors.failure("observing", down, ENGINE).getMessage())
        .startsWith("observing failed: the Docker engine does not answer on " + ENGINE)
        .contains("No such file or directory")
        .contains("is dockerd running?");
  }
}
