package io.paasta.deploy.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.paasta.deploy.DeployException;
import io.paasta.deploy.make.Makefiles;
import io.paasta.engine.EngineErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code paasta cook-image}: builds a service repository's image with {@code make cook-image}
 * ({@code DOCKER_TAG} set to the image's full name) when its Makefile has that target, else with a
 * plain build of its Dockerfile through the engine's API. The build output is streamed to {@code
 * progress} line by line.
 */
public final class ImageBuilder {
  private final DockerClient docker;
  private final MakeClient make;
  private final Consumer<String> progress;

  public ImageBuilder(DockerClient docker, MakeClient make, Consumer<String> progress) {
    this.docker = docker;
    this.make = make;
    this.progress = progress;
  }

  /** What was built: the image and how, and the engine's id of it. */
  public record Built(DockerImageName image, BuildMethod method, String imageId) {}

  /**
   * Builds {@code image} from {@code repoDir}.
   *
   * @throws DeployException when the repository cannot be built (with the build's last error)
   */
  public Built build(Path repoDir, DockerImageName image) {
    BuildMethod method = methodFor(repoDir);
    if (method instanceof BuildMethod.PlainDockerfile plain) {
      buildDockerfile(repoDir, plain.dockerfile(), image);
    } else {
      buildWithMake(repoDir, image);
    }
    return new Built(image, method, imageId(image, method));
  }

  /**
   * How {@code repoDir} would be built; checks the repository without touching the engine.
   *
   * @throws DeployException when it cannot be built
   */
  public static BuildMethod methodFor(Path repoDir) {
    if (!Files.isDirectory(repoDir)) {
      throw new DeployException(
          "the service repository " + repoDir + " is not a directory - pass --repo-dir");
    }
    return BuildMethod.choose(
        repoDir, Makefiles.find(repoDir), Files.isRegularFile(repoDir.resolve("Dockerfile")));
  }

  private void buildWithMake(Path repoDir, DockerImageName image) {
    progress.accept("==> make cook-image in " + repoDir + " with DOCKER_TAG=" + image.full());
    MakeClient.Result result =
        make.run(repoDir, BuildMethod.COOK_IMAGE, Map.of("DOCKER_TAG", image.full()), progress);
    if (!result.succeeded()) {
      throw new DeployException(
          "the build of "
              + image.full()
              + " failed: make cook-image exited with "
              + result.exitCode()
              + (result.lastLine().isEmpty() ? "" : " (" + result.lastLine() + ")")
              + " - its output is above");
    }
  }

  private void buildDockerfile(Path repoDir, Path dockerfile, DockerImageName image) {
    progress.accept("==> docker build of " + dockerfile + " as " + image.full());
    BuildOutputCallback output = new BuildOutputCallback(progress);
    try {
      docker
          .buildImageCmd()
          .withBaseDirectory(repoDir.toFile())
          .withDockerfile(dockerfile.toFile())
          .withTags(Set.of(image.full()))
          .withPull(false)
          .withRemove(true)
          .withForcerm(true)
          .exec(output)
          .awaitCompletion();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeployException("interrupted while building " + image.full(), e);
    } catch (RuntimeException e) {
      if (output.error().isEmpty()) {
        throw new DeployException(
            "the build of " + image.full() + " failed: " + EngineErrors.rootMessage(e), e);
      }
    }
    output
        .error()
        .ifPresent(
            error -> {
              throw new DeployException(
                  "the build of " + image.full() + " failed: " + error + " - its output is above");
            });
  }

  private String imageId(DockerImageName image, BuildMethod method) {
    try {
      return docker.inspectImageCmd(image.full()).exec().getId();
    } catch (NotFoundException e) {
      throw new DeployException(
          method instanceof BuildMethod.MakeCookImage
              ? "make cook-image succeeded but did not tag "
                  + image.full()
                  + " - its cook-image target must build with docker build -t \"$(DOCKER_TAG)\""
              : "the build of " + image.full() + " ended without tagging it",
          e);
    }
  }
}
