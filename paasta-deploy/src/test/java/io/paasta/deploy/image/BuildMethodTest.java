package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.deploy.DeployException;
import io.paasta.deploy.make.Makefiles;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decision table of how a repository is built. */
class BuildMethodTest {
  private static final Path REPO = Path.of("/src/hello-web");
  private static final Makefiles.Found WITH_TARGET =
      new Makefiles.Found(REPO.resolve("Makefile"), "cook-image:\n\tdocker build .\n");
  private static final Makefiles.Found WITHOUT_TARGET =
      new Makefiles.Found(REPO.resolve("Makefile"), "test:\n\ttrue\n");

  @Test
  void aCookImageTargetWinsOverTheDockerfile() {
    assertThat(BuildMethod.choose(REPO, Optional.of(WITH_TARGET), true))
        .isEqualTo(new BuildMethod.MakeCookImage(REPO.resolve("Makefile")));
  }

  @Test
  void aCookImageTargetIsEnoughWithoutADockerfile() {
    assertThat(BuildMethod.choose(REPO, Optional.of(WITH_TARGET), false))
        .isInstanceOf(BuildMethod.MakeCookImage.class);
  }

  @Test
  void theDockerfileWhenThereIsNoMakefile() {
    assertThat(BuildMethod.choose(REPO, Optional.empty(), true))
        .isEqualTo(new BuildMethod.PlainDockerfile(REPO.resolve("Dockerfile")));
  }

  @Test
  void theDockerfileWhenTheMakefileHasNoCookImageTarget() {
    assertThat(BuildMethod.choose(REPO, Optional.of(WITHOUT_TARGET), true))
        .isInstanceOf(BuildMethod.PlainDockerfile.class);
  }

  @Test
  void neitherIsAnErrorThatSaysWhatIsMissing() {
    assertThatThrownBy(() -> BuildMethod.choose(REPO, Optional.empty(), false))
        .isInstanceOf(DeployException.class)
        .hasMessage(
            "cannot build an image from /src/hello-web: it has no Dockerfile and no Makefile -"
                + " add a Dockerfile, or pass --repo-dir with the service's checkout");
    assertThatThrownBy(() -> BuildMethod.choose(REPO, Optional.of(WITHOUT_TARGET), false))
        .hasMessageContaining("no Dockerfile and Makefile has no cook-image target");
  }
}
