package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.deploy.DeployException;
import io.paasta.deploy.make.Makefiles;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ItestRunnerTest {
  private static final Path REPO = Path.of("/src/hello-web");

  @Test
  void needsAMakefile() {
    assertThatThrownBy(() -> ItestRunner.requireItestTarget(REPO, Optional.empty()))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith("no Makefile in /src/hello-web - paasta itest runs `make itest`");
  }

  @Test
  void needsAnItestTarget() {
    Makefiles.Found makefile = new Makefiles.Found(REPO.resolve("Makefile"), "cook-image:\n");

    assertThatThrownBy(() -> ItestRunner.requireItestTarget(REPO, Optional.of(makefile)))
        .isInstanceOf(DeployException.class)
        .hasMessage(
            "/src/hello-web/Makefile has no itest target - paasta itest runs `make itest` (with"
                + " DOCKER_TAG set)");
  }

  @Test
  void anItestTargetIsEnough() {
    Makefiles.Found makefile = new Makefiles.Found(REPO.resolve("Makefile"), "itest: cook-image\n");

    assertThatCode(() -> ItestRunner.requireItestTarget(REPO, Optional.of(makefile)))
        .doesNotThrowAnyException();
  }
}
