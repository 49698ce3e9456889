package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import io.paasta.planning.backend.BackendException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * {@code extra_docker_args}: {@code docker run} flags (without {@code --}) and their values,
 * applied to the container's host config. Only flags that map to the host config are supported; any
 * other is refused with the list of supported ones, and network flags always are (tasks run on host
 * networking).
 */
public final class ExtraDockerArgs {
  private static final Map<String, BiConsumer<HostConfig, String>> FLAGS = flags();

  private ExtraDockerArgs() {}

  /** The flags this backend supports, sorted. */
  public static Set<String> supported() {
    return new TreeSet<>(FLAGS.keySet());
  }

  /**
   * Applies every arg to {@code host}; list flags (cap-add, ulimit, security-opt, ...) add to what
   * the host config already has.
   *
   * @throws BackendException naming the arg that is unknown or whose value is invalid
   */
  public static void apply(Map<String, String> args, HostConfig host) {
    for (Map.Entry<String, String> arg : new java.util.TreeMap<>(args).entrySet()) {
      String flag = arg.getKey().replaceFirst("^--?", "").trim().toLowerCase(Locale.ROOT);
      String value = arg.getValue() == null ? "" : arg.getValue().trim();
      if (flag.equals("net") || flag.equals("network")) {
        throw new BackendException(
            "extra_docker_args: "
                + arg.getKey()
                + " is not allowed - tasks always run on host networking (--network host)");
      }
      BiConsumer<HostConfig, String> setter = FLAGS.get(flag);
      if (setter == null) {
        throw new BackendException(
            "extra_docker_args: the Docker backend does not support "
                + arg.getKey()
                + " - supported: "
                + String.join(", ", supported()));
      }
      try {
        setter.accept(host, value);
      } catch (IllegalArgumentException e) {
        throw new BackendException(
            "extra_docker_args: " + arg.getKey() + "=\"" + value + "\" - " + e.getMessage(), e);
      }
    }
  }

  /** A capability name as docker run takes it ({@code NET_ADMIN}, {@code cap_net_admin}). */
  public static Capability capability(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
    try {
      return Capability.valueOf(upper);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown capability \"" + name + "\"", e);
    }
  }

  private static Map<String, BiConsumer<HostConfig, String>> flags() {
    Map<String, BiConsumer<HostConfig, String>> flags = new HashMap<>();
    flags.put("init", (h, v) -> h.withInit(bool(v)));
    flags.put("privileged", (h, v) -> h.withPrivileged(bool(v)));
    flags.put("read-only", (h, v) -> h.withReadonlyRootfs(bool(v)));
    flags.put("oom-kill-disable", (h, v) -> h.withOomKillDisable(bool(v)));
    flags.put("shm-size", (h, v) -> h.withShmSize(bytes(v)));
    flags.put("memory-reservation", (h, v) -> h.withMemoryReservation(bytes(v)));
    flags.put("memory-swappiness", (h, v) -> h.withMemorySwappiness(number(v)));
    flags.put("pids-limit", (h, v) -> h.withPidsLimit(number(v)));
    flags.put("oom-score-adj", (h, v) -> h.withOomScoreAdj((int) number(v)));
    flags.put("cpu-shares", (h, v) -> h.withCpuShares((int) number(v)));
    flags.put("cpuset-cpus", (h, v) -> h.withCpusetCpus(nonEmpty(v)));
    flags.put("cpuset-mems", (h, v) -> h.withCpusetMems(nonEmpty(v)));
    flags.put("pid", (h, v) -> h.withPidMode(nonEmpty(v)));
    flags.put("ipc", (h, v) -> h.withIpcMode(nonEmpty(v)));
    flags.put("security-opt", (h, v) -> h.withSecurityOpts(append(h.getSecurityOpts(), v)));
    flags.put("cap-add", (h, v) -> h.withCapAdd(appendCap(h.getCapAdd(), v)));
    flags.put("cap-drop", (h, v) -> h.withCapDrop(appendCap(h.getCapDrop(), v)));
    flags.put("ulimit", (h, v) -> h.withUlimits(appendUlimit(h.getUlimits(), v)));
    flags.put("tmpfs", (h, v) -> h.withTmpFs(put(h.getTmpFs(), v, ":")));
    flags.put("sysctl", (h, v) -> h.withSysctls(put(h.getSysctls(), v, "=")));
    return Map.copyOf(flags);
  }

  static boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "", "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }

  static long number(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a whole number", e);
    }
  }

  /** A size as docker run takes it: bytes, or a number with b, k, m or g. */
  static long bytes(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (!lower.matches("\\d+[bkmg]?")) {
      throw new IllegalArgumentException("expected a size such as 64m or 1g");
    }
    char unit = lower.charAt(lower.length() - 1);
    long scale =
        switch (unit) {
          case 'k' -> 1024L;
          case 'm' -> 1024L * 1024;
          case 'g' -> 1024L * 1024 * 1024;
          default -> 1L;
        };
    String digits = Character.isDigit(unit) ? lower : lower.substring(0, lower.length() - 1);
    return Long.parseLong(digits) * scale;
  }

  private static String nonEmpty(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a value is needed");
    }
    return value;
  }

  private static List<String> append(List<String> existing, String value) {
    List<String> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    all.add(nonEmpty(value));
    return all;
  }

  private static Capability[] appendCap(Capability[] existing, String value) {
    List<Capability> all =
        existing == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(existing));
    all.add(capability(nonEmpty(value)));
    return all.toArray(new Capability[0]);
  }

  /** {@code name=soft[:hard]}. */
  private static List<Ulimit> appendUlimit(Ulimit[] existing, String value) {
    List<Ulimit> all =
        existing == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(existing));
    String[] nameAndLimits = value.split("=", 2);
    if (nameAndLimits.length != 2 || nameAndLimits[0].isBlank()) {
      throw new IllegalArgumentException("expected name=soft[:hard], e.g. nofile=1024:2048");
    }
    String[] limits = nameAndLimits[1].split(":", 2);
    long soft = number(limits[0]);
    long hard = limits.length == 2 ? number(limits[1]) : soft;
    all.add(new Ulimit(nameAndLimits[0].trim(), soft, hard));
    return all;
  }

  private static Map<String, String> put(Map<String, String> existing, String value, String sep) {
    Map<String, String> all = existing == null ? new HashMap<>() : new HashMap<>(existing);
    String[] parts = nonEmpty(value).split(sep, 2);
    all.put(parts[0], parts.length == 2 ? parts[1] : "");
    return all;
  }
}
