package io.paasta.cli.localrun;

import io.paasta.cli.UserException;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.model.Deployments;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.Service;
import io.paasta.model.SystemConfig;
import io.paasta.planning.app.DesiredInstanceFactory;
import java.util.Map;

/**
 * The image a local-run container runs, and the deployments that say so to the daemon's factory:
 * with --build the image {@code paasta cook-image} builds from the checkout's HEAD; with --pull the
 * one deployments.json names for the instance's deploy group. Pure.
 *
 * @param image the full image name the container runs
 * @param deployments what {@link DesiredInstanceFactory} reads the image from
 */
public record LocalImage(String image, String gitSha, Deployments deployments) {

  /** The name cook-image gives the image of a checkout at {@code headSha}. */
  public static DockerImageName buildName(Service service, SystemConfig system, String headSha) {
    return new DockerImageName(registry(service, system), service.name(), headSha);
  }

  /** The image {@code name} (built here) as what the instance's deploy group runs. */
  public static LocalImage built(LongRunningConfig config, DockerImageName name) {
    Deployments deployments =
        new Deployments(
            Map.of(
                config.deployGroup(),
                new Deployments.DeployGroupDeployment(name.withoutRegistry(), name.gitSha())),
            Map.of());
    return new LocalImage(name.full(), name.gitSha(), deployments);
  }

  /**
   * The image deployments.json names for the instance's deploy group.
   *
   * @throws UserException when there is no deployments.json or it has no entry for the group
   */
  public static LocalImage deployed(
      LongRunningConfig config, Service service, SystemConfig system) {
    String file = service.name() + "/deployments.json";
    Deployments deployments =
        service
            .deployments()
            .orElseThrow(
                () ->
                    new UserException(
                        "--pull runs the deployed image, but there is no "
                            + file
                            + " in soa-configs - generate it (paasta generate-deployments -s "
                            + service.name()
                            + "), or build the image here with --build"));
    Deployments.DeployGroupDeployment deployment =
        deployments
            .forDeployGroup(config.deployGroup())
            .orElseThrow(
                () ->
                    new UserException(
                        "--pull runs the deployed image, but deploy group "
                            + config.deployGroup()
                            + " of "
                            + service.name()
                            + "."
                            + config.ref().instance()
                            + " has never been deployed ("
                            + file
                            + " has no entry for it) - mark a version for deployment"
                            + " (paasta mark-for-deployment), or build the image here with"
                            + " --build"));
    String image = registry(service, system) + "/" + deployment.dockerImage();
    return new LocalImage(image, deployment.gitSha(), deployments);
  }

  /** The registry the daemon would pull from: service.yaml's, else the system config's. */
  public static String registry(Service service, SystemConfig system) {
    String registry = DesiredInstanceFactory.registry(system, service.config());
    if (registry == null || registry.isBlank()) {
      throw new UserException(
          "no Docker registry for "
              + service.name()
              + ": set docker_registry (e.g. \"127.0.0.1:5000\") in "
              + service.name()
              + "/service.yaml or in the system config");
    }
    return registry;
  }
}
