package io.paasta.backend.docker.engine;

import io.paasta.model.InstanceRef;
import io.paasta.planning.app.HealthcheckLabel;
import io.paasta.planning.app.Labels;
import io.paasta.planning.app.RunSpec;
import java.util.List;
import java.util.Map;
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
