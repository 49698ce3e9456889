package io.paasta.backend.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContainerNamesTest {
  @Test
  void namesAreTheAppIdAndEightRandomHexDigits() {
    String name = new ContainerNames(new SplittableRandom(1)).next("web.main.gitabc.config12");

    assertThat(name).matches("web\\.main\\.gitabc\\.config12-[0-9a-f]{8}");
  }

  @Test
  void charactersTheEngineRefusesBecomeDashes() {
    assertThat(ContainerNames.safe("my svc/x.main")).isEqualTo("my-svc-x.main");
    assertThat(ContainerNames.safe("-x")).isEqualTo("t-x");
  }
}
