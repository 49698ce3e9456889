package io.paasta.cli.localrun;

import io.paasta.backend.docker.DockerBackendConfig;
import io.paasta.backend.docker.engine.ContainerNames;
import io.paasta.backend.docker.localrun.SingleTaskRunner;
import io.paasta.backend.docker.port.PortAllocator;
import io.paasta.cli.UserException;
import io.paasta.config.soa.LoadedService;
import io.paasta.deploy.DeployException;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.image.ImageBuilder;
import io.paasta.deploy.image.ImageEngine;
import io.paasta.deploy.image.RepoHeadReader;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.SystemConfig;
import io.paasta.planning.app.DesiredInstance;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What local-run works on once its flags and files are read (the service, the system config, the
 * instance), and the steps before a container runs: its image (built, pulled, or only named for a
 * dry run), its port and its container.
 */
public record LocalRunSetup(LoadedService loaded, SystemConfig system, LongRunningConfig config) {
  /** The image a run would use, without building or pulling it (for --dry-run). */
  public LocalImage plannedImage(LocalRunRequest.ImageSource source, Path repoDir) {
    if (source == LocalRunRequest.ImageSource.PULL) {
      return LocalImage.deployed(config, loaded.service(), system);
    }
    return LocalImage.built(config, buildName(repoDir));
  }

  /**
   * Builds the image from the checkout (as cook-image does), or pulls the deployed one (as the
   * daemon pulls it).
   *
   * @param progress told of each step and of the build's output
   */
  public LocalImage prepareImage(
      LocalRunRequest.ImageSource source,
      Path repoDir,
      SingleTaskRunner engine,
      Consumer<String> progress) {
    if (source == LocalRunRequest.ImageSource.PULL) {
      LocalImage image = LocalImage.deployed(config, loaded.service(), system);
      progress.accept(
          "==> pulling " + image.image() + " (deployed for " + config.deployGroup() + ")");
      boolean pulled = engine.pull(image.image());
      progress.accept(pulled ? "==> pulled " + image.image() : "==> the engine has it already");
      return image;
    }
    ImageBuilder.methodFor(repoDir);
    DockerImageName name = buildName(repoDir);
    try (ImageEngine images = ImageEngine.connect()) {
      images.builder(progress).build(repoDir, name);
    }
    return LocalImage.built(config, name);
  }

  /**
   * The container of one task: a port of the daemon's range that no task holds and nothing listens
   * on, a name {@code local-run-<app id>-<random>}.
   *
   * @param held the ports tasks and other local-run containers hold
   */
  public LocalContainer container(LocalRunRequest request, LocalImage image, Set<Integer> held) {
    DesiredInstance desired =
        LocalContainerFactory.desired(
            config, loaded.service().config(), system, image.deployments());
    PortAllocator ports =
        new PortAllocator(
            DockerBackendConfig.defaults(config.ref().cluster()).ports(), Clock.systemUTC());
    List<Integer> taskPorts = ports.allocate(LocalContainerFactory.portCount(desired.run()), held);
    String name = "local-run-" + new ContainerNames(new SecureRandom()).next(desired.appId());
    return LocalContainerFactory.container(
        desired, request.cmd(), request.healthcheck(), taskPorts, name);
  }

  /** The name cook-image gives the image of the checkout's HEAD. */
  private DockerImageName buildName(Path repoDir) {
    String head;
    try {
      head = RepoHeadReader.headSha(repoDir);
    } catch (DeployException e) {
      throw new UserException(
          "--build tags the image with the checkout's HEAD, as cook-image does, but "
              + e.getMessage().replaceFirst(" - pass -c SHA.*$", "")
              + " - run local-run in the service's git checkout (or pass --repo-dir), or use"
              + " --pull");
    }
    return LocalImage.buildName(loaded.service(), system, head);
  }
}
