package io.paasta.deploy.git;

import io.paasta.deploy.DeployException;
import io.paasta.deploy.image.DockerImageName;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code mark-for-deployment}: checks that the commit exists and (unless skipped) that its image is
 * in the registry, then tags it for the deploy group. Nothing is tagged when a check fails.
 */
public final class MarkForDeployment {
  private final GitRemoteClient git;
  private final DeployTagger tagger;

  public MarkForDeployment(GitRemoteClient git, DeployTagger tagger) {
    this.git = git;
    this.tagger = tagger;
  }

  /**
   * @param image the image to require in the registry, with the check; empty to skip it
   */
  public PaastaTag.Deploy mark(
      String url,
      String deployGroup,
      String sha,
      Optional<DockerImageName> image,
      Predicate<DockerImageName> registryHas) {
    if (!git.hasCommit(url, sha)) {
      throw new DeployException(
          "commit " + sha + " is not in " + url + " - push it first, or check the sha");
    }
    image.ifPresent(
        required -> {
          if (!registryHas.test(required)) {
            throw new DeployException(
                "the registry has no image "
                    + required.full()
                    + " - build and push it first (paasta cook-image, paasta push-to-registry),"
                    + " or pass --skip-image-check");
          }
        });
    return tagger.markForDeployment(url, deployGroup, sha);
  }
}
