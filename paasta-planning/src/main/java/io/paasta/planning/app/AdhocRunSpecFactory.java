package io.paasta.planning.app;

import io.paasta.model.AdhocConfig;
import io.paasta.model.Deployments.DeployGroupDeployment;
import io.paasta.model.ServiceConfig;
import io.paasta.model.SystemConfig;
import java.util.Map;
import java.util.Optional;

/**
 * The run spec of a {@code paasta remote-run} of an adhoc instance: the image its deploy group has
 * in deployments.json, the platform's env and the instance's, its limits and volumes, no health
 * check and no port; its {@code cmd}, or the command asked for instead. Pure.
 */
public final class AdhocRunSpecFactory {
  private AdhocRunSpecFactory() {}

  /**
   * @param command the command to run instead of the instance's {@code cmd} (run by {@code sh -c})
   */
  public static RunSpec create(
      AdhocConfig config,
      DeployGroupDeployment deployment,
      SystemConfig system,
      ServiceConfig service,
      Optional<String> command) {
    String dockerImage = deployment.dockerImage();
    Map<String, String> env = RunSpecFactory.platformEnv(config, dockerImage);
    env.putAll(config.container().env());
    String image = DesiredInstanceFactory.registry(system, service) + "/" + dockerImage;
    RunSpec run =
        RunSpecFactory.build(
            config,
            image,
            env,
            system.volumes(),
            Map.of(Labels.GIT_SHA, deployment.gitSha()),
            DesiredJobFactory.NO_HEALTHCHECK,
            0);
    return command.map(run::withCommand).orElse(run);
  }
}
