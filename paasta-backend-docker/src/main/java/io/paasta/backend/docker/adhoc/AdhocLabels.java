package io.paasta.backend.docker.adhoc;

import io.paasta.backend.docker.engine.ContainerNames;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.adhoc.AdhocLaunch;
import io.paasta.planning.app.Labels;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The labels and name of a {@code paasta remote-run} container. It carries {@value #ADHOC} instead
 * of {@code paasta_managed}: the service path (observe, health checks, cleanups, kills of strays)
 * and the job scheduler list only managed containers, so they never see it; what it runs, who asked
 * and its deadline are labels, so that a restarted daemon finds it and still stops it in time.
 * Pure.
 */
public final class AdhocLabels {
  /** Present (value "true") on every remote-run container, instead of {@code paasta_managed}. */
  public static final String ADHOC = "paasta_adhoc";

  public static final String RUN_ID = "paasta_adhoc_run_id";
  public static final String STARTED_AT = "paasta_adhoc_started_at";
  public static final String DEADLINE = "paasta_adhoc_deadline";
  public static final String BY = "paasta_adhoc_by";
  public static final String COMMAND = "paasta_adhoc_command";

  private AdhocLabels() {}

  /** The container's labels: the run spec's, then the run's own (which win). */
  public static Map<String, String> of(AdhocLaunch launch) {
    InstanceRef ref = launch.ref();
    Map<String, String> labels = new TreeMap<>(launch.spec().labels());
    labels.remove(Labels.MANAGED);
    labels.put(ADHOC, "true");
    labels.put(Labels.KIND, InstanceKind.ADHOC.filePrefix());
    labels.put(Labels.SERVICE, ref.service());
    labels.put(Labels.INSTANCE, ref.instance());
    labels.put(Labels.CLUSTER, ref.cluster());
    labels.putIfAbsent(Labels.GIT_SHA, "");
    labels.put(RUN_ID, launch.runId());
    labels.put(STARTED_AT, launch.startedAt().toString());
    labels.put(DEADLINE, launch.deadline().toString());
    labels.put(BY, launch.by());
    labels.put(COMMAND, launch.spec().cmd().orElse(""));
    return labels;
  }

  /** The label filter that lists the cluster's remote-run containers (of one run, when given). */
  public static Map<String, String> filter(String cluster, Optional<String> runId) {
    Map<String, String> filter = new TreeMap<>();
    filter.put(ADHOC, "true");
    filter.put(Labels.CLUSTER, cluster);
    runId.ifPresent(id -> filter.put(RUN_ID, id));
    return filter;
  }

  /** {@code paasta-adhoc-<cluster>-<runId>} in the engine's name characters. */
  public static String containerName(AdhocLaunch launch) {
    return ContainerNames.safe("paasta-adhoc-" + launch.ref().cluster() + "-" + launch.runId());
  }

  /** What the labels say of the run; empty when they do not name one (or do not parse). */
  static Optional<Identity> identity(Map<String, String> labels) {
    String service = labels.get(Labels.SERVICE);
    String instance = labels.get(Labels.INSTANCE);
    String cluster = labels.get(Labels.CLUSTER);
    String runId = labels.get(RUN_ID);
    if (service == null || instance == null || cluster == null || runId == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Identity(
              new InstanceRef(service, cluster, instance, InstanceKind.ADHOC),
              runId,
              labels.getOrDefault(COMMAND, ""),
              labels.getOrDefault(BY, ""),
              Instant.parse(labels.getOrDefault(STARTED_AT, "")),
              Instant.parse(labels.getOrDefault(DEADLINE, ""))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  record Identity(
      InstanceRef ref,
      String runId,
      String command,
      String by,
      Instant startedAt,
      Instant deadline) {}
}
