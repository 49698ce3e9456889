package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.image.RegistryResolver;
import io.paasta.deploy.image.RepoHeadReader;
import io.paasta.model.ServiceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the image commands (cook-image, itest, push-to-registry) work on: the service's image name
 * (its registry from service.yaml or the system config) and the service's checkout.
 */
final class ImageTargets {
  private ImageTargets() {}

  /** The image of {@code service} at {@code sha}; the service must exist in soa-configs. */
  static DockerImageName image(SoaDirOption soaDir, ServiceOption service, String sha) {
    SoaConfigsLoader loader = soaDir.open();
    LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
    ServiceConfig config = loaded.service().config();
    String registry = RegistryResolver.fromEnvironment().registryOf(config);
    return new DockerImageName(registry, config.name(), sha);
  }

  /**
   * Tells every cluster of the image's service a {@code build} line ({@code paasta logs -C build}),
   * e.g. {@code cook-image: built services-web:paasta-<sha> by alice@host (local user, ...)}.
   */
  static void buildLine(
      SoaDirOption soaDir,
      DockerImageName image,
      String step,
      String what,
      java.io.PrintWriter err) {
    java.util.List<String> clusters;
    try {
      clusters = soaDir.open().load(image.service()).service().clusters();
    } catch (RuntimeException e) {
      return; // no soa-configs to say where: the line goes nowhere
    }
    io.paasta.cli.logs.CliLogLines.of(io.paasta.config.system.SystemConfigLoader.defaultDir(), err)
        .send(
            image.service(),
            clusters,
            io.paasta.config.logs.LogComponents.BUILD,
            false,
            null,
            step
                + ": "
                + what
                + " "
                + image.full()
                + " by "
                + io.paasta.cli.logs.CliLogLines.who());
  }

  /** The service checkout: {@code --repo-dir}, else the current directory. */
  static Path repoDir(Path given) {
    Path dir = (given != null ? given : Path.of("")).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new UserException(
          "--repo-dir " + given + ": no such directory - pass the service's checkout");
    }
    return dir;
  }

  /** The sha given with -c (checked), else HEAD of the checkout. */
  static String shaOrHead(String given, Path repoDir) {
    return given != null ? sha(given) : RepoHeadReader.headSha(repoDir);
  }

  /** A full git sha: 40 hex characters (upper case is accepted and lowered). */
  static String sha(String given) {
    String sha = given.trim().toLowerCase(Locale.ROOT);
    if (!sha.matches("^[0-9a-f]{40}$")) {
      throw new UserException(
          "-c "
              + given
              + ": not a full git sha - expected 40 hex characters (git rev-parse HEAD prints"
              + " one)");
    }
    return sha;
  }
}
