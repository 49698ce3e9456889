package io.paasta.deploy.image;

import io.paasta.deploy.DeployException;
import io.paasta.deploy.make.Makefiles;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a service repository's image is built: its Makefile's {@code cook-image} target (PaaSTA's
 * build contract), else a plain build of its Dockerfile.
 */
public sealed interface BuildMethod {
  /** {@code make cook-image} with {@code DOCKER_TAG} set. */
  record MakeCookImage(Path makefile) implements BuildMethod {}

  /** A build of the repository's {@code Dockerfile} with the repository as build context. */
  record PlainDockerfile(Path dockerfile) implements BuildMethod {}

  String COOK_IMAGE = "cook-image";

  /**
   * Chooses the build of a repository.
   *
   * @param repoDir the service repository (for messages and the Dockerfile path)
   * @param makefile the repository's Makefile and its text, when it has one
   * @param hasDockerfile whether {@code repoDir/Dockerfile} is a file
   * @throws DeployException when neither way is available
   */
  static BuildMethod choose(
      Path repoDir, Optional<Makefiles.Found> makefile, boolean hasDockerfile) {
    if (makefile.isPresent() && Makefiles.hasTarget(makefile.get().text(), COOK_IMAGE)) {
      return new MakeCookImage(makefile.get().path());
    }
    if (hasDockerfile) {
      return new PlainDockerfile(repoDir.resolve("Dockerfile"));
    }
    throw new DeployException(
        "cannot build an image from "
            + repoDir
            + ": it has no Dockerfile"
            + (makefile.isPresent()
                ? " and " + makefile.get().path().getFileName() + " has no cook-image target"
                : " and no Makefile")
            + " - add a Dockerfile, or pass --repo-dir with the service's checkout");
  }
}
