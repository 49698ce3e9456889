package io.paasta.planning.app;

import io.paasta.model.Deployments;
import io.paasta.model.Deployments.Control;
import io.paasta.model.Deployments.DeployGroupDeployment;
import io.paasta.model.DesiredState;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.ServiceConfig;
import io.paasta.model.SystemConfig;
import io.paasta.model.WireEnum;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Turns an instance config and its deployment into the {@link DesiredInstance} the planner works
 * towards (SPEC section 4). Pure: every input is passed in.
 */
public final class DesiredInstanceFactory {
  private DesiredInstanceFactory() {}

  /**
   * {@link #create(LongRunningConfig, Optional, SystemConfig, ServiceConfig, OptionalInt, Map)}.
   */
  public static Optional<DesiredInstance> create(
      LongRunningConfig config,
      Optional<Deployments> deployments,
      SystemConfig system,
      ServiceConfig service,
      OptionalInt storedInstances) {
    return create(config, deployments, system, service, storedInstances, Map.of());
  }

  /**
   * The desired instance, or empty when the instance's deploy group has no deployment ("not
   * deployed").
   *
   * @param storedInstances the autoscaler's stored count, if any (used only when autoscaled)
   * @param secretSignatures signature by secret name of each secret the env refers to; the env's
   *     {@code SECRET(name)} text is hashed in any case, signatures make a changed secret bounce
   */
  public static Optional<DesiredInstance> create(
      LongRunningConfig config,
      Optional<Deployments> deployments,
      SystemConfig system,
      ServiceConfig service,
      OptionalInt storedInstances,
      Map<String, String> secretSignatures) {
    Optional<DeployGroupDeployment> deployment =
        deployments.flatMap(d -> d.forDeployGroup(config.deployGroup()));
    if (deployment.isEmpty()) {
      return Optional.empty();
    }
    Control control =
        deployments
            .orElseThrow()
            .controlFor(config.ref().service(), config.ref().cluster(), config.ref().instance());
    String dockerImage = deployment.get().dockerImage();
    Map<String, String> env = RunSpecFactory.platformEnv(config, dockerImage);
    env.putAll(config.container().env());
    RunSpec unlabeled =
        RunSpecFactory.build(
            config, registry(system, service) + "/" + dockerImage, env, system.volumes(), Map.of());
    String hash =
        AppIdentity.configHash(
            unlabeled, hashExtras(config, secretSignatures), control.forceBounce());
    int count = desiredCount(config, control.desiredState(), storedInstances);
    return Optional.of(desired(config, deployment.get(), unlabeled, hash, count));
  }

  /**
   * Adds what follows from the app id (MARATHON_APP_ID/VERSION unless the user set them, labels).
   */
  private static DesiredInstance desired(
      LongRunningConfig config,
      DeployGroupDeployment deployment,
      RunSpec unlabeled,
      String hash,
      int count) {
    String appId =
        AppIdentity.appId(
            config.ref().service(), config.ref().instance(), deployment.gitSha(), hash);
    Map<String, String> env = new LinkedHashMap<>(unlabeled.env());
    env.putIfAbsent("MARATHON_APP_ID", "/" + appId);
    env.putIfAbsent("MARATHON_APP_VERSION", hash);
    RunSpec run =
        RunSpecFactory.withIdentity(unlabeled, env, labels(config, appId, deployment, hash));
    return new DesiredInstance(
        config.ref(),
        appId,
        deployment.gitSha(),
        hash,
        run,
        count,
        config.bounceMethod(),
        config.bounceMarginFactor(),
        config.drainMethod(),
        config.drainMethodParams(),
        config.bounceHealthParams().minTaskUptime(),
        config.bounceHealthParams().checkHaproxy(),
        config.backoffFactor(),
        Duration.ofMillis(Math.round(config.maxLaunchDelaySeconds() * 1000)));
  }

  /** service.yaml's {@code docker_registry}, else the system config's. */
  public static String registry(SystemConfig system, ServiceConfig service) {
    return service.dockerRegistry().orElse(system.dockerRegistry());
  }

  /**
   * 0 when stopped; when autoscaled the stored count clamped to [min_instances, max_instances]
   * (max_instances when none is stored); else {@code instances}. With only one bound set, a missing
   * min_instances is 1 and a missing max_instances is {@code max(instances, min_instances)}.
   */
  public static int desiredCount(
      LongRunningConfig config, DesiredState state, OptionalInt storedInstances) {
    if (state == DesiredState.STOP) {
      return 0;
    }
    if (!config.autoscaled()) {
      return config.instances();
    }
    int upper =
        config.maxInstances().orElse(Math.max(config.instances(), config.minInstances().orElse(1)));
    int lower = Math.min(config.minInstances().orElse(1), upper);
    return Math.max(lower, Math.min(upper, storedInstances.orElse(upper)));
  }

  /**
   * What the hash covers beyond the RunSpec: where and how the tasks may run (net, ports,
   * constraints, pool, deploy black/whitelist) and the referenced secrets' signatures.
   */
  static Map<String, Object> hashExtras(
      LongRunningConfig config, Map<String, String> secretSignatures) {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("net", WireEnum.wireName(config.container().net()));
    extras.put("container_port", config.container().containerPort());
    extras.put("host_port", config.hostPort().isPresent() ? config.hostPort().getAsInt() : null);
    extras.put("pool", config.container().pool());
    extras.put("constraints", config.container().constraints());
    extras.put("extra_constraints", config.container().extraConstraints());
    extras.put("deploy_blacklist", config.deployBlacklist());
    extras.put("deploy_whitelist", config.deployWhitelist());
    if (!secretSignatures.isEmpty()) {
      extras.put("secret_signatures", new TreeMap<>(secretSignatures));
    }
    return extras;
  }

  /** What names any task of the platform: kind, service, instance, cluster, sha, hash. */
  static Map<String, String> identityLabels(
      io.paasta.model.InstanceConfig config, DeployGroupDeployment deployment, String hash) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.MANAGED, "true");
    labels.put(Labels.SERVICE, config.ref().service());
    labels.put(Labels.INSTANCE, config.ref().instance());
    labels.put(Labels.CLUSTER, config.ref().cluster());
    labels.put(Labels.KIND, config.ref().kind().filePrefix());
    labels.put(Labels.GIT_SHA, deployment.gitSha());
    labels.put(Labels.CONFIG_HASH, hash);
    labels.put(Labels.DEPLOY_GROUP, config.deployGroup());
    return labels;
  }

  static Map<String, String> labels(
      LongRunningConfig config, String appId, DeployGroupDeployment deployment, String hash) {
    Map<String, String> labels = identityLabels(config, deployment, hash);
    labels.put(Labels.APP_ID, appId);
    labels.put(Labels.HEALTHCHECK, HealthcheckLabel.toJson(config.healthcheck()));
    labels.put(Labels.DRAIN_METHOD, WireEnum.wireName(config.drainMethod()));
    labels.put(Labels.DRAIN_PARAMS, CanonicalJson.write(config.drainMethodParams()));
    return labels;
  }
}
