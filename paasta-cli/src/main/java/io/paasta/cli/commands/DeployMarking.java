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

  /**
   * Tells the clusters of {@code deployGroup} a {@code deploy} line ({@code paasta logs -C
   * deploy}), e.g. {@code rollback: prod.main marked to deploy <sha> by alice@host (...)}.
   */
  static void deployLine(
      LoadedService loaded,
      String deployGroup,
      String sha,
      String action,
      java.nio.file.Path systemConfigDir,
      java.io.PrintWriter err) {
    java.util.List<String> clusters =
        loaded.service().instances().stream()
            .filter(i -> i.deployGroup().equals(deployGroup))
            .map(i -> i.ref().cluster())
            .distinct()
            .toList();
    io.paasta.cli.logs.CliLogLines.of(systemConfigDir, err)
        .send(
            loaded.service().name(),
            clusters,
            io.paasta.config.logs.LogComponents.DEPLOY,
            true,
            null,
            action
                + ": "
                + deployGroup
                + " marked to deploy "
                + sha
                + " by "
                + io.paasta.cli.logs.CliLogLines.who());
  }

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
