package io.paasta.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UtcInstantsTest {
  @Test
  void readsUtcInstantsAsInstantParseDoes() {
    for (String text :
        List.of(
            "2026-12-06T03:36:46.418541864Z",
            "2026-12-06T03:36:46.418541Z",
            "2026-12-06T03:36:46.5Z",
            "2026-12-06T03:36:46Z",
            "2024-02-29T23:59:59.000000001Z",
            "1970-01-01T00:00:00Z",
            "1969-12-31T23:59:59.999999Z")) {
      assertThat(UtcInstants.parseOrNull(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void otherFormsAndInvalidDatesAreLeftToTheCaller() {
    for (String text :
        List.of(
            "2026-12-06T03:36:46+01:00",
            "2026-12-06T03:36:46",
            "2026-12-06 03:36:46Z",
            "2026-13-06T03:36:46Z",
            "2026-02-30T03:36:46Z",
            "2026-12-06T24:00:00Z",
            "2026-12-06T03:36:46.Z",
            "2026-12-06T03:36:46.1234567890Z",
            "2026-12-06T03:3a:46Z",
            "")) {
      assertThat(UtcInstants.parseOrNull(text)).as(text).isNull();
    }
  }
}
