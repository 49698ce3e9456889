package io.paasta.planning.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthcheckLabelTest {
  @Test
  void writesTheDocumentedFormat() {
    Healthcheck check =
        new Healthcheck(HealthcheckMode.HTTP, "/status", Optional.empty(), 60, 10, 2.5, 30);
    assertThat(HealthcheckLabel.toJson(check))
        .isEqualTo(
            "{\"cmd\":null,\"grace_period_seconds\":60,\"interval_seconds\":10,"
                + "\"max_consecutive_failures\":30,\"mode\":\"http\",\"timeout_seconds\":2.5,"
                + "\"uri\":\"/status\"}");
  }

  @Test
  void roundTripsEveryMode() {
    for (HealthcheckMode mode : HealthcheckMode.values()) {
      Healthcheck check =
          new Healthcheck(mode, "/health?x=\"1\"", Optional.of("test -f /ok"), 1.5, 3, 4, 6);
      assertThat(HealthcheckLabel.parse(HealthcheckLabel.toJson(check))).isEqualTo(check);
    }
  }

  @Test
  void missingKeysTakeDefaultsAndBadValuesAreRejected() {
    assertThat(HealthcheckLabel.parse("{}"))
        .isEqualTo(
            new Healthcheck(HealthcheckMode.NONE, "/status", Optional.empty(), 60, 10, 10, 30));
    assertThatThrownBy(() -> HealthcheckLabel.parse("{\"mode\":\"udp\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HealthcheckLabel.parse("{\"uri\":3}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HealthcheckLabel.parse("[]"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
