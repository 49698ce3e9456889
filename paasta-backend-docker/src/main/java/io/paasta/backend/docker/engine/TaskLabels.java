package io.paasta.backend.docker.engine;

import io.paasta.model.InstanceRef;
import io.paasta.planning.app.HealthcheckLabel;
import io.paasta.planning.app.Labels;
import io.paasta.planning.app.RunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The labels a new task's container carries: the run spec's, then what finds and identifies it
 * (managed, service, instance, cluster, kind, app id: the action's, whatever the spec says), its
 * health check when the spec's labels lack one, and its ports.
 */
public final class TaskLabels {
  /** Every host port of the task, comma-separated (port0 first); the backend's own label. */
  public static final String PORTS = "paasta_ports";

  private TaskLabels() {}

  /**
   * The host ports a container's labels give it: its {@value #PORTS} label, else (when that holds
   * no port) its {@code paasta_port0}; values that are not ports hold none.
   */
  public static List<Integer> ports(Map<String, String> labels) {
    if (labels == null) {
      return List.of();
    }
    List<Integer> ports = parsePorts(labels.getOrDefault(PORTS, ""));
    return ports.isEmpty() ? parsePorts(labels.getOrDefault(Labels.PORT0, "")) : ports;
  }

  private static List<Integer> parsePorts(String csv) {
    List<Integer> ports = new ArrayList<>();
    for (String part : csv.split(",")) {
      port(part).ifPresent(ports::add);
    }
    return List.copyOf(ports);
  }

  /** A host port (1-65535) written as text, surrounding blanks allowed; empty otherwise. */
  public static OptionalInt port(String value) {
    try {
      int port = Integer.parseInt(value.trim());
      return port > 0 && port < 65536 ? OptionalInt.of(port) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  public static Map<String, String> of(
      InstanceRef ref, String appId, RunSpec run, List<Integer> ports) {
    Map<String, String> labels = new TreeMap<>(run.labels());
    labels.put(Labels.MANAGED, "true");
    labels.put(Labels.SERVICE, ref.service());
    labels.put(Labels.INSTANCE, ref.instance());
    labels.put(Labels.CLUSTER, ref.cluster());
    labels.put(Labels.KIND, ref.kind().filePrefix());
    labels.put(Labels.APP_ID, appId);
    labels.putIfAbsent(Labels.HEALTHCHECK, HealthcheckLabel.toJson(run.healthcheck()));
    labels.put(Labels.PORT0, String.valueOf(ports.get(0)));
    labels.put(PORTS, ports.stream().map(String::valueOf).collect(Collectors.joining(",")));
    return labels;
  }
}
