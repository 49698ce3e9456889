package io.paasta.cli.commands;

import io.paasta.cli.output.Output;
import io.paasta.config.soa.LoadedService;
import io.paasta.deploy.git.GitRemoteClient;
import io.paasta.deploy.git.MarkForDeployment;
import io.paasta.deploy.git.PaastaTag;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.image.RegistryClient;
import io.paasta.deploy.image.RegistryResolver;
import java.util.Optional;
import java.util.function.Predicate;

/** Marks a sha for a deploy group after the checks, for mark-for-deployment and rollback. */
final class DeployMarking {
  private DeployMarking() {}

  static PaastaTag.Deploy mark(
      LoadedService loaded,
      String url,
      String deployGroup,
      String sha,
      boolean skipImageCheck,
      GitOptions gitOptions,
      Output out) {
    ServiceRepos.requireDeployGroup(loaded, deployGroup);
    Optional<DockerImageName> image =
        skipImageCheck
            ? Optional.empty()
            : Optional.of(
                new DockerImageName(
                    RegistryResolver.fromEnvironment().registryOf(loaded.service().config()),
                    loaded.service().name(),
                    sha));
    GitRemoteClient git = gitOptions.client();
    // the registry client only when there is an image to check (--skip-image-check needs none)
    Predicate<DockerImageName> registryHas = checked -> new RegistryClient().hasImage(checked);
    PaastaTag.Deploy tag =
        new MarkForDeployment(git, gitOptions.tagger())
            .mark(url, deployGroup, sha, image, registryHas);
    out.styled(
        "@|green marked|@ "
            + sha
            + " for deployment to "
            + deployGroup
            + " of "
            + loaded.service().name()
            + " (tag "
            + tag.name()
            + ")");
    return tag;
  }
}
