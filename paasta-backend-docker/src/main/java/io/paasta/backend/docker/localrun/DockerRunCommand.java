package io.paasta.backend.docker.localrun;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import io.paasta.backend.docker.engine.ContainerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The words of the {@code docker run} command equivalent to a container spec: what local-run's
 * {@code --dry-run} prints and what its {@code -I} runs. Every host-config setting the spec carries
 * becomes a flag; a setting this class cannot write is refused rather than left out, so the command
 * never silently differs from what the launcher would create. Pure.
 */
public final class DockerRunCommand {
  private static final long MIB = 1024L * 1024;

  /** The host config's JSON fields that {@link #hostFlags} writes. */
  static final Set<String> RENDERED =
      Set.of(
          "NetworkMode",
          "Init",
          "Memory",
          "MemorySwap",
          "CpuPeriod",
          "CpuQuota",
          "Ulimits",
          "CapAdd",
          "CapDrop",
          "Binds",
          "Privileged",
          "ReadonlyRootfs",
          "OomKillDisable",
          "ShmSize",
          "MemoryReservation",
          "MemorySwappiness",
          "PidsLimit",
          "OomScoreAdj",
          "CpuShares",
          "CpusetCpus",
          "CpusetMems",
          "PidMode",
          "IpcMode",
          "SecurityOpt",
          "Tmpfs",
          "Sysctls");

  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private DockerRunCommand() {}

  /**
   * The words of the command: {@code docker run --rm [-i -t] --name ... IMAGE [ARGS]}.
   *
   * @param stdin {@code -i}: keep stdin open
   * @param tty {@code -t}: allocate a TTY
   * @throws IllegalArgumentException when the spec sets something no flag here writes
   */
  public static List<String> words(ContainerSpec spec, boolean stdin, boolean tty) {
    List<String> words = new ArrayList<>(List.of("docker", "run", "--rm"));
    if (stdin) {
      words.add("-i");
    }
    if (tty) {
      words.add("-t");
    }
    words.add("--name=" + spec.name());
    words.addAll(hostFlags(spec.hostConfig()));
    for (String env : spec.env()) {
      words.add("--env=" + env);
    }
    new TreeMap<>(spec.labels()).forEach((k, v) -> words.add("--label=" + k + "=" + v));
    List<String> entrypoint = spec.entrypoint().orElse(List.of());
    if (!entrypoint.isEmpty()) {
      words.add("--entrypoint=" + entrypoint.get(0));
    }
    words.add(spec.image());
    words.addAll(entrypoint.isEmpty() ? List.of() : entrypoint.subList(1, entrypoint.size()));
    words.addAll(spec.cmd().orElse(List.of()));
    return words;
  }

  /**
   * The flags of the host config, in a fixed order.
   *
   * @throws IllegalArgumentException when it sets something no flag here writes
   */
  public static List<String> hostFlags(HostConfig host) {
    Set<String> unrendered = unrendered(host);
    if (!unrendered.isEmpty()) {
      throw new IllegalArgumentException(
          "the container's host config sets "
              + unrendered
              + ", which no docker run flag here"
              + " writes");
    }
    List<String> flags = new ArrayList<>();
    if (host.getNetworkMode() != null) {
      flags.add("--network=" + host.getNetworkMode());
    }
    flag(flags, "--init", host.getInit());
    size(flags, "--memory", host.getMemory());
    size(flags, "--memory-swap", host.getMemorySwap());
    number(flags, "--cpu-period", host.getCpuPeriod());
    number(flags, "--cpu-quota", host.getCpuQuota());
    number(flags, "--cpu-shares", host.getCpuShares());
    text(flags, "--cpuset-cpus", host.getCpusetCpus());
    text(flags, "--cpuset-mems", host.getCpusetMems());
    for (Ulimit ulimit : orEmpty(host.getUlimits())) {
      flags.add("--ulimit=" + ulimit.getName() + "=" + ulimit.getSoft() + ":" + ulimit.getHard());
    }
    for (Capability cap : orEmpty(host.getCapAdd())) {
      flags.add("--cap-add=" + cap.name());
    }
    for (Capability cap : orEmpty(host.getCapDrop())) {
      flags.add("--cap-drop=" + cap.name());
    }
    for (Bind bind : orEmpty(host.getBinds())) {
      flags.add(
          "--volume="
              + bind.getPath()
              + ":"
              + bind.getVolume().getPath()
              + ":"
              + bind.getAccessMode());
    }
    flag(flags, "--privileged", host.getPrivileged());
    flag(flags, "--read-only", host.getReadonlyRootfs());
    flag(flags, "--oom-kill-disable", host.getOomKillDisable());
    size(flags, "--shm-size", host.getShmSize());
    size(flags, "--memory-reservation", host.getMemoryReservation());
    number(flags, "--memory-swappiness", host.getMemorySwappiness());
    number(flags, "--pids-limit", host.getPidsLimit());
    number(flags, "--oom-score-adj", host.getOomScoreAdj());
    text(flags, "--pid", host.getPidMode());
    text(flags, "--ipc", host.getIpcMode());
    if (host.getSecurityOpts() != null) {
      host.getSecurityOpts().forEach(opt -> flags.add("--security-opt=" + opt));
    }
    if (host.getTmpFs() != null) {
      new TreeMap<>(host.getTmpFs())
          .forEach(
              (path, opts) -> flags.add("--tmpfs=" + path + (opts.isEmpty() ? "" : ":" + opts)));
    }
    if (host.getSysctls() != null) {
      new TreeMap<>(host.getSysctls()).forEach((k, v) -> flags.add("--sysctl=" + k + "=" + v));
    }
    return flags;
  }

  /** The JSON fields the host config sets that {@link #RENDERED} does not cover. */
  static Set<String> unrendered(HostConfig host) {
    Map<?, ?> fields = JSON.convertValue(host, Map.class);
    Set<String> set = new TreeSet<>();
    fields.forEach(
        (key, value) -> {
          if (!RENDERED.contains(String.valueOf(key)) && !isEmpty(value)) {
            set.add(String.valueOf(key));
          }
        });
    return set;
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof List<?> list && list.isEmpty())
        || (value instanceof Map<?, ?> map && map.isEmpty())
        || Boolean.FALSE.equals(value);
  }

  /** A size in MiB when it is whole MiB ({@code 64m}), else in bytes ({@code 1000b}). */
  static String sizeText(long bytes) {
    return bytes % MIB == 0 ? (bytes / MIB) + "m" : bytes + "b";
  }

  private static void size(List<String> flags, String flag, Long bytes) {
    if (bytes != null) {
      flags.add(flag + "=" + sizeText(bytes));
    }
  }

  private static void number(List<String> flags, String flag, Number value) {
    if (value != null) {
      flags.add(flag + "=" + value);
    }
  }

  private static void text(List<String> flags, String flag, String value) {
    if (value != null && !value.isEmpty()) {
      flags.add(flag + "=" + value);
    }
  }

  private static void flag(List<String> flags, String flag, Boolean value) {
    if (value != null) {
      flags.add(value ? flag : flag + "=false");
    }
  }

  private static <T> List<T> orEmpty(T[] values) {
    return values == null ? List.of() : List.of(values);
  }
}
