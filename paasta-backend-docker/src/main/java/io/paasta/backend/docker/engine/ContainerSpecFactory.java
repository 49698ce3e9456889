package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import io.paasta.model.InstanceRef;
import io.paasta.model.Volume;
import io.paasta.planning.app.RunSpec;
import io.paasta.planning.backend.BackendException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A task's container from its run spec (SPEC section 4): host networking, {@code --memory}, {@code
 * --memory-swap}, {@code --cpu-period}, {@code --cpu-quota}, ulimits, cap-add, volume binds, then
 * the extra docker args; the environment with the task's ports; its labels; its command. Pure:
 * nothing touches the engine.
 */
public final class ContainerSpecFactory {
  private static final long MIB = 1024L * 1024;

  private ContainerSpecFactory() {}

  /**
   * @param ports the task's host ports, port0 first (at least one)
   * @param name the container's name, also the task id the task sees ({@code MESOS_TASK_ID})
   * @throws BackendException when the run spec asks for what the engine cannot do
   */
  public static ContainerSpec build(
      InstanceRef ref, String appId, RunSpec run, List<Integer> ports, String name) {
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("a task needs at least one port");
    }
    return new ContainerSpec(
        name,
        run.image(),
        TaskCommand.of(run),
        TaskEnvironment.entries(TaskEnvironment.of(run.env(), ports, name)),
        TaskLabels.of(ref, appId, run, ports),
        hostConfig(run),
        ports);
  }

  /**
   * A job attempt's container: as a task's (host networking, limits, ulimits, cap-add, volumes,
   * extra docker args, its command), without ports or a health check.
   *
   * @param name the container's name, also the task id the attempt sees ({@code MESOS_TASK_ID})
   * @param labels every label it carries (the spec's are not added)
   * @throws BackendException when the run spec asks for what the engine cannot do
   */
  public static ContainerSpec buildJob(RunSpec run, String name, Map<String, String> labels) {
    return new ContainerSpec(
        name,
        run.image(),
        TaskCommand.of(run),
        TaskEnvironment.entries(TaskEnvironment.withoutPorts(run.env(), name)),
        labels,
        hostConfig(run),
        List.of());
  }

  /**
   * Host networking; and the engine's init as PID 1 (extra_docker_args {@code init: "false"} turns
   * it off): a task's command runs as {@code sh -c}, and a PID 1 without an init ignores SIGTERM,
   * so every stop would wait the whole stop timeout.
   */
  static HostConfig hostConfig(RunSpec run) {
    HostConfig host = HostConfig.newHostConfig().withNetworkMode("host").withInit(true);
    if (run.memMb() > 0) {
      host.withMemory(Math.round(run.memMb() * MIB));
    }
    if (run.memSwapMb() > 0) {
      host.withMemorySwap(run.memSwapMb() * MIB);
    }
    if (run.cpuPeriodUs() > 0) {
      host.withCpuPeriod(run.cpuPeriodUs());
    }
    if (run.cpuQuotaUs() > 0) {
      host.withCpuQuota(run.cpuQuotaUs());
    }
    if (!run.ulimits().isEmpty()) {
      host.withUlimits(ulimits(run.ulimits()));
    }
    if (!run.capAdd().isEmpty()) {
      host.withCapAdd(capabilities(run.capAdd()));
    }
    if (!run.volumes().isEmpty()) {
      host.withBinds(binds(run.volumes()));
    }
    ExtraDockerArgs.apply(run.extraDockerArgs(), host);
    return host;
  }

  private static List<Ulimit> ulimits(Map<String, io.paasta.model.Ulimit> ulimits) {
    List<Ulimit> result = new ArrayList<>();
    new TreeMap<>(ulimits)
        .forEach((name, limit) -> result.add(new Ulimit(name, limit.soft(), limit.hard())));
    return result;
  }

  private static Capability[] capabilities(List<String> names) {
    List<Capability> result = new ArrayList<>();
    for (String name : names) {
      try {
        result.add(ExtraDockerArgs.capability(name));
      } catch (IllegalArgumentException e) {
        throw new BackendException("cap_add: " + e.getMessage(), e);
      }
    }
    return result.toArray(new Capability[0]);
  }

  private static List<Bind> binds(List<Volume> volumes) {
    List<Bind> result = new ArrayList<>();
    for (Volume volume : volumes) {
      AccessMode mode = volume.mode() == Volume.Mode.RO ? AccessMode.ro : AccessMode.rw;
      result.add(
          new Bind(
              volume.hostPath(),
              new com.github.dockerjava.api.model.Volume(volume.containerPath()),
              mode));
    }
    return result;
  }
}
