package io.paasta.deploy.image;

import io.paasta.deploy.DeployException;
import io.paasta.deploy.make.Makefiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code paasta itest}: the service repository's {@code make itest} with {@code DOCKER_TAG} set to
 * the image's full name. By PaaSTA's convention the target builds the image first ({@code itest:
 * cook-image}), so the pipeline can push right after it.
 */
public final class ItestRunner {
  static final String ITEST = "itest";

  private final MakeClient make;
  private final Consumer<String> progress;

  public ItestRunner(MakeClient make, Consumer<String> progress) {
    this.make = make;
    this.progress = progress;
  }

  /**
   * Runs the integration tests of {@code repoDir} against {@code image}.
   *
   * @throws DeployException when there is no itest target or the tests fail
   */
  public void run(Path repoDir, DockerImageName image) {
    check(repoDir);
    progress.accept("==> make itest in " + repoDir + " with DOCKER_TAG=" + image.full());
    MakeClient.Result result =
        make.run(repoDir, ITEST, Map.of("DOCKER_TAG", image.full()), progress);
    if (!result.succeeded()) {
      throw new DeployException(
          "the integration tests of "
              + image.full()
              + " failed: make itest exited with "
              + result.exitCode()
              + (result.lastLine().isEmpty() ? "" : " (" + result.lastLine() + ")")
              + " - its output is above");
    }
  }

  /**
   * Checks that {@code repoDir} has a Makefile with an itest target, without running anything.
   *
   * @throws DeployException when it has not
   */
  public static void check(Path repoDir) {
    requireItestTarget(repoDir, Makefiles.find(repoDir));
  }

  static void requireItestTarget(Path repoDir, Optional<Makefiles.Found> makefile) {
    if (makefile.isEmpty()) {
      throw new DeployException(
          "no Makefile in "
              + repoDir
              + " - paasta itest runs `make itest` (with DOCKER_TAG set); add a Makefile with an"
              + " itest target, or pass --repo-dir with the service's checkout");
    }
    if (!Makefiles.hasTarget(makefile.get().text(), ITEST)) {
      throw new DeployException(
          makefile.get().path()
              + " has no itest target - paasta itest runs `make itest` (with DOCKER_TAG set)");
    }
  }
}
