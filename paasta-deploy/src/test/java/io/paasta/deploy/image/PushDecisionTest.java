package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PushDecisionTest {
  @ParameterizedTest(name = "registry has it: {0}, force: {1} -> {2}")
  @CsvSource({
    "false, false, PUSH",
    "false, true,  PUSH",
    "true,  false, SKIP",
    "true,  true,  PUSH_AGAIN"
  })
  void decides(boolean registryHasImage, boolean force, PushDecision expected) {
    PushDecision decision = PushDecision.decide(registryHasImage, force);

    assertThat(decision).isEqualTo(expected);
    assertThat(decision.pushes()).isEqualTo(expected != PushDecision.SKIP);
  }
}
