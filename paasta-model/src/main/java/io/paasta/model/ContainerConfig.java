package io.paasta.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every kind of instance runs: the command, its resources, environment and Docker options. */
public record ContainerConfig(
    double cpus,
    double mem,
    double disk,
    Optional<String> cmd,
    List<String> args,
    Map<String, String> env,
    List<Volume> extraVolumes,
    NetworkMode net,
    int containerPort,
    String pool,
    List<List<String>> constraints,
    List<List<String>> extraConstraints,
    Map<String, Ulimit> ulimit,
    List<String> capAdd,
    int cfsPeriodUs,
    double cpuBurstPct,
    Map<String, String> extraDockerArgs) {

  public static final double DEFAULT_CPUS = 0.25;
  public static final double DEFAULT_MEM = 1024;
  public static final double DEFAULT_DISK = 1024;
  public static final int DEFAULT_CONTAINER_PORT = 8888;
  public static final String DEFAULT_POOL = "default";
  public static final int DEFAULT_CFS_PERIOD_US = 100_000;
  public static final double DEFAULT_CPU_BURST_PCT = 900;

  public ContainerConfig {
    args = List.copyOf(args);
    env = Map.copyOf(env);
    extraVolumes = List.copyOf(extraVolumes);
    constraints = constraints.stream().map(List::copyOf).toList();
    extraConstraints = extraConstraints.stream().map(List::copyOf).toList();
    ulimit = Map.copyOf(ulimit);
    capAdd = List.copyOf(capAdd);
    extraDockerArgs = Map.copyOf(extraDockerArgs);
  }
}
