package io.paasta.deploy.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.DesiredState;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaastaTagTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void deployTagsRoundTrip() {
    PaastaTag.Deploy tag = new PaastaTag.Deploy("prod.canary-east", "20260101T120000", SHA);
    assertThat(tag.name()).isEqualTo("paasta-prod.canary-east-20260101T120000-deploy");
    assertThat(PaastaTag.parse("refs/tags/" + tag.name(), SHA)).contains(tag);
  }

  @Test
  void controlTagsRoundTrip() {
    PaastaTag.Control stop =
        new PaastaTag.Control("norcal.main", "20260101T120000", DesiredState.STOP, SHA);
    assertThat(stop.name()).isEqualTo("paasta-norcal.main-20260101T120000-stop");
    assertThat(PaastaTag.parse(stop.name(), SHA)).contains(stop);
    assertThat(PaastaTag.parse("paasta-norcal.main-20260101T120000-start", SHA))
        .contains(new PaastaTag.Control("norcal.main", "20260101T120000", DesiredState.START, SHA));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "v1.2.3",
        "paasta-prod-deploy",
        "paasta-prod-20261301T000000-deploy",
        "paasta-prod-20260101T120000-promote",
        "refs/tags/release-20260101T120000-deploy"
      })
  void otherTagsAreIgnored(String name) {
    assertThat(PaastaTag.parse(name, SHA)).isEmpty();
  }

  @Test
  void timestampsAreUtcSeconds() {
    assertThat(TagTimestamp.format(Instant.parse("2026-11-25T10:15:30.999Z")))
        .isEqualTo("20261125T101530");
    assertThat(TagTimestamp.parse("20261125T101530"))
        .contains(Instant.parse("2026-11-25T10:15:30Z"));
  }
}
