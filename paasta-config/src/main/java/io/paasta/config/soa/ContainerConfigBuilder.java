package io.paasta.config.soa;

import io.paasta.model.ContainerConfig;
import io.paasta.model.NetworkMode;
import io.paasta.model.Ulimit;
import io.paasta.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The container part of every instance kind: command, resources, environment, Docker options. */
final class ContainerConfigBuilder {
  private ContainerConfigBuilder() {}

  static ContainerConfig build(FieldReader fields) {
    return new ContainerConfig(
        positive(
            fields,
            "cpus",
            fields.number("cpus", ContainerConfig.DEFAULT_CPUS),
            ContainerConfig.DEFAULT_CPUS),
        positive(
            fields,
            "mem",
            fields.number("mem", ContainerConfig.DEFAULT_MEM),
            ContainerConfig.DEFAULT_MEM),
        positive(
            fields,
            "disk",
            fields.number("disk", ContainerConfig.DEFAULT_DISK),
            ContainerConfig.DEFAULT_DISK),
        fields.raw("cmd") instanceof List<?> ? Optional.empty() : fields.string("cmd"),
        args(fields),
        fields.stringMap("env"),
        volumes(fields),
        fields.enumValue("net", NetworkMode.class, NetworkMode.BRIDGE),
        fields.integer("container_port", ContainerConfig.DEFAULT_CONTAINER_PORT),
        fields.string("pool", ContainerConfig.DEFAULT_POOL),
        fields.stringTable("constraints"),
        fields.stringTable("extra_constraints"),
        ulimits(fields),
        fields.stringList("cap_add"),
        fields.integer("cfs_period_us", ContainerConfig.DEFAULT_CFS_PERIOD_US),
        fields.number("cpu_burst_pct", ContainerConfig.DEFAULT_CPU_BURST_PCT),
        fields.stringMap("extra_docker_args"));
  }

  /**
   * {@code args}; a {@code cmd} written as a list (today's schema) is the exec form too, so it
   * comes first.
   */
  private static List<String> args(FieldReader fields) {
    if (!(fields.raw("cmd") instanceof List<?>)) {
      return fields.stringList("args");
    }
    List<String> args = new ArrayList<>(fields.stringList("cmd"));
    args.addAll(fields.stringList("args"));
    return args;
  }

  private static List<Volume> volumes(FieldReader fields) {
    List<Volume> volumes = new ArrayList<>();
    for (Map<?, ?> volume : fields.dictList("extra_volumes")) {
      Object container = volume.get("containerPath");
      Object host = volume.get("hostPath");
      Optional<Volume.Mode> mode =
          volume.get("mode") instanceof String m ? parseMode(m) : Optional.empty();
      if (container instanceof String c && host instanceof String h && mode.isPresent()) {
        volumes.add(new Volume(c, h, mode.get()));
      } else {
        fields.problem(
            "extra_volumes",
            "has an invalid volume",
            volume,
            "{containerPath: <path>, hostPath: <path>, mode: RO|RW}");
      }
    }
    return volumes;
  }

  private static Optional<Volume.Mode> parseMode(String mode) {
    return switch (mode) {
      case "RO" -> Optional.of(Volume.Mode.RO);
      case "RW" -> Optional.of(Volume.Mode.RW);
      default -> Optional.empty();
    };
  }

  private static Map<String, Ulimit> ulimits(FieldReader fields) {
    Map<String, Ulimit> ulimits = new LinkedHashMap<>();
    fields
        .dict("ulimit")
        .forEach(
            (name, limit) -> {
              if (limit instanceof Map<?, ?> m
                  && m.get("soft") instanceof Number soft
                  && (m.get("hard") == null || m.get("hard") instanceof Number)) {
                Number hard = m.get("hard") instanceof Number h ? h : soft;
                ulimits.put(name, new Ulimit(soft.longValue(), hard.longValue()));
              } else {
                fields.problem(
                    "ulimit", "has an invalid limit for " + name, limit, "{soft: <n>, hard: <n>}");
              }
            });
    return ulimits;
  }

  private static double positive(
      FieldReader fields, String key, double value, double defaultValue) {
    if (value > 0) {
      return value;
    }
    fields.problem(key, "must be greater than 0", value, "a positive number");
    return defaultValue;
  }
}
