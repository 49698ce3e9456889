package io.paasta.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.model.ResponseItem;
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
        .isEqualTo(
            "web.main in c: start 1 task(s) failed: Conflict. The name \"x\" is in use - see the"
                + " Docker engine's log (/var/log/paasta/dockerd.log); the next pass retries");
    assertThat(EngineErrors.engineRefused(refused)).isTrue();
    assertThat(EngineErrors.engineUnreachable(refused)).isFalse();
  }

  @Test
  void anUnreachableEngineSaysSoAndHowToStartIt() {
    RuntimeException down =
        new RuntimeException(
            new UncheckedIOException(new java.io.IOException("No such file or directory")));

    assertThat(EngineErrors.failure("observing", down, ENGINE))
        .startsWith("observing failed: the Docker engine does not answer on " + ENGINE)
        .contains("No such file or directory")
        .contains("is dockerd running?");
    assertThat(EngineErrors.engineRefused(down)).isFalse();
    assertThat(EngineErrors.engineUnreachable(down)).isTrue();
  }

  @Test
  void aStreamedErrorPrefersItsDetail() throws Exception {
    ObjectMapper json = new ObjectMapper();

    assertThat(
            EngineErrors.streamedMessage(
                json.readValue(
                    "{\"error\":\"old\",\"errorDetail\":{\"message\":\"unauthorized\"}}",
                    ResponseItem.class)))
        .isEqualTo("unauthorized");
    assertThat(
            EngineErrors.streamedMessage(json.readValue("{\"error\":\"old\"}", ResponseItem.class)))
        .isEqualTo("old");
    assertThat(EngineErrors.streamedMessage(json.readValue("{}", ResponseItem.class)))
        .isEqualTo("the Docker engine reported an error");
  }
}
