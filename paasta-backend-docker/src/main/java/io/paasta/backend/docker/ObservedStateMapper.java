package io.paasta.backend.docker;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Managed containers as the planner's observed state: one task per container, grouped into
 * instances by their service, cluster, instance and kind labels. Pure.
 */
public final class ObservedStateMapper {
  private static final Comparator<InstanceRef> BY_REF =
      Comparator.comparing(InstanceRef::service)
          .thenComparing(InstanceRef::instance)
          .thenComparing(InstanceRef::cluster)
          .thenComparing(InstanceRef::kind);
  private static final Comparator<ObservedTask> BY_START =
      Comparator.comparing((ObservedTask t) -> t.startedAt().orElse(Instant.MAX))
          .thenComparing(ObservedTask::id);

  private ObservedStateMapper() {}

  /**
   * The instances of {@code cluster}'s containers (a container without a cluster label counts as
   * the cluster's); containers without service and instance labels are left out.
   */
  public static List<ObservedInstance> instances(
      List<ManagedContainer> containers,
      String cluster,
      Function<ManagedContainer, HealthState> health,
      Function<ManagedContainer, DrainState> drain) {
    Map<InstanceRef, List<ObservedTask>> byRef = new LinkedHashMap<>();
    for (ManagedContainer container : containers) {
      if (!isServiceTaskOf(container, cluster)) {
        continue;
      }
      refOf(container, cluster)
          .ifPresent(
              ref ->
                  byRef
                      .computeIfAbsent(ref, r -> new ArrayList<>())
                      .add(taskOf(container, health.apply(container), drain.apply(container))));
    }
    List<ObservedInstance> result = new ArrayList<>();
    byRef.forEach(
        (ref, tasks) -> {
          tasks.sort(BY_START);
          result.add(new ObservedInstance(ref, tasks));
        });
    result.sort(Comparator.comparing(ObservedInstance::ref, BY_REF));
    return result;
  }

  /**
   * Whether a container is a service task of the cluster (or of none): a scheduled job's attempt
   * ({@link #isJobTask}) never is one, so that nothing of the service path (observe, health checks,
   * cleanups, kills of removed instances) sees or touches it.
   */
  public static boolean isServiceTaskOf(ManagedContainer container, String cluster) {
    return isServiceTaskOf(container.labels(), cluster);
  }

  /** Whether a container of these labels is a service task of the cluster (or of none). */
  public static boolean isServiceTaskOf(Map<String, String> labels, String cluster) {
    return !isJobTask(labels) && label(labels, Labels.CLUSTER).map(cluster::equals).orElse(true);
  }

  /** Whether a container of these labels is a scheduled job's attempt (kind {@code chronos}). */
  public static boolean isJobTask(Map<String, String> labels) {
    return label(labels, Labels.KIND)
        .flatMap(ObservedStateMapper::kindOf)
        .map(kind -> kind == InstanceKind.CHRONOS)
        .orElse(false);
  }

  /** The instance of a container's labels; kind {@code marathon} when it has none. */
  public static Optional<InstanceRef> refOf(ManagedContainer container, String defaultCluster) {
    return refOf(container.labels(), defaultCluster);
  }

  /**
   * The instance of a container's labels (as a container carries them, or as an engine event's
   * attributes repeat them); kind {@code marathon} when they have none.
   */
  public static Optional<InstanceRef> refOf(Map<String, String> labels, String defaultCluster) {
    Optional<String> service = label(labels, Labels.SERVICE);
    Optional<String> instance = label(labels, Labels.INSTANCE);
    if (service.isEmpty() || instance.isEmpty()) {
      return Optional.empty();
    }
    InstanceKind kind =
        label(labels, Labels.KIND)
            .flatMap(ObservedStateMapper::kindOf)
            .orElse(InstanceKind.MARATHON);
    return Optional.of(
        new InstanceRef(
            service.get(),
            label(labels, Labels.CLUSTER).orElse(defaultCluster),
            instance.get(),
            kind));
  }

  /** A label's value; empty when missing or blank (as {@link ManagedContainer#label}). */
  private static Optional<String> label(Map<String, String> labels, String key) {
    return Optional.ofNullable(labels.get(key)).filter(value -> !value.isBlank());
  }

  /** One container as a task; health only while running. */
  public static ObservedTask taskOf(
      ManagedContainer container, HealthState health, DrainState drain) {
    return new ObservedTask(
        container.id(),
        container.label(Labels.APP_ID).orElse(""),
        container.state(),
        container.startedAt(),
        container.finishedAt(),
        container.exitCode(),
        container.port0(),
        container.state() == TaskState.RUNNING ? health : HealthState.UNKNOWN,
        drain,
        false);
  }

  private static Optional<InstanceKind> kindOf(String label) {
    for (InstanceKind kind : InstanceKind.values()) {
      if (kind.filePrefix().equalsIgnoreCase(label) || kind.name().equalsIgnoreCase(label)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
