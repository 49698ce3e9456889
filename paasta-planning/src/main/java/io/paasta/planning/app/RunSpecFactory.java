package io.paasta.planning.app;

import io.paasta.model.ContainerConfig;
import io.paasta.model.Healthcheck;
import io.paasta.model.InstanceConfig;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of a {@link RunSpec} that follow from an instance config alone (SPEC section 4). */
final class RunSpecFactory {
  /** {@code --memory-swap} is the memory limit plus this many MB. */
  static final long SWAP_EXTRA_MB = 64;

  /** One port per task: {@code PORT0}. */
  static final int PORT_COUNT = 1;

  private RunSpecFactory() {}

  static RunSpec build(
      LongRunningConfig config,
      String image,
      Map<String, String> env,
      List<Volume> systemVolumes,
      Map<String, String> labels) {
    return build(config, image, env, systemVolumes, labels, config.healthcheck(), PORT_COUNT);
  }

  /** The run spec of any kind of instance (a job has no health check and no port). */
  static RunSpec build(
      InstanceConfig config,
      String image,
      Map<String, String> env,
      List<Volume> systemVolumes,
      Map<String, String> labels,
      Healthcheck healthcheck,
      int portCount) {
    ContainerConfig container = config.container();
    return new RunSpec(
        image,
        container.cmd(),
        container.args(),
        env,
        container.cpus(),
        container.mem(),
        container.disk(),
        container.cfsPeriodUs(),
        cpuQuotaUs(container.cpus(), container.cfsPeriodUs(), container.cpuBurstPct()),
        memSwapMb(container.mem()),
        volumes(systemVolumes, container.extraVolumes()),
        container.ulimit(),
        container.capAdd(),
        container.extraDockerArgs(),
        healthcheck,
        portCount,
        labels);
  }

  /** The same run spec with another env and labels. */
  static RunSpec withIdentity(RunSpec run, Map<String, String> env, Map<String, String> labels) {
    return new RunSpec(
        run.image(),
        run.cmd(),
        run.args(),
        env,
        run.cpus(),
        run.memMb(),
        run.diskMb(),
        run.cpuPeriodUs(),
        run.cpuQuotaUs(),
        run.memSwapMb(),
        run.volumes(),
        run.ulimits(),
        run.capAdd(),
        run.extraDockerArgs(),
        run.healthcheck(),
        run.portCount(),
        labels);
  }

  /**
   * The platform's variables that do not depend on the app id: PAASTA_SERVICE, PAASTA_INSTANCE,
   * PAASTA_CLUSTER, PAASTA_DEPLOY_GROUP, PAASTA_DOCKER_IMAGE (as deployments.json names it, without
   * the registry) and MARATHON_APP_RESOURCE_CPUS/MEM/DISK.
   */
  static Map<String, String> platformEnv(InstanceConfig config, String dockerImage) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PAASTA_SERVICE", config.ref().service());
    env.put("PAASTA_INSTANCE", config.ref().instance());
    env.put("PAASTA_CLUSTER", config.ref().cluster());
    env.put("PAASTA_DEPLOY_GROUP", config.deployGroup());
    env.put("PAASTA_DOCKER_IMAGE", dockerImage);
    env.put("MARATHON_APP_RESOURCE_CPUS", CanonicalJson.number(config.container().cpus()));
    env.put("MARATHON_APP_RESOURCE_MEM", CanonicalJson.number(config.container().mem()));
    env.put("MARATHON_APP_RESOURCE_DISK", CanonicalJson.number(config.container().disk()));
    return env;
  }

  /** {@code cpus * period * (100 + burst) / 100}, rounded to whole microseconds. */
  static long cpuQuotaUs(double cpus, long periodUs, double cpuBurstPct) {
    return Math.round(cpus * periodUs * (100 + cpuBurstPct) / 100);
  }

  /** {@code mem + 64}, rounded up to whole MB so that swap is never below memory. */
  static long memSwapMb(double memMb) {
    return (long) Math.ceil(memMb) + SWAP_EXTRA_MB;
  }

  /**
   * System-config volumes, then {@code extra_volumes}; a later volume with the same container path
   * replaces an earlier one in place (Docker refuses two mounts at one path).
   */
  static List<Volume> volumes(List<Volume> system, List<Volume> extra) {
    Map<String, Volume> byPath = new LinkedHashMap<>();
    for (Volume volume : system) {
      byPath.put(volume.containerPath(), volume);
    }
    for (Volume volume : extra) {
      byPath.put(volume.containerPath(), volume);
    }
    return new ArrayList<>(byPath.values());
  }
}
