package io.paasta.backend.kubernetes.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.paasta.backend.kubernetes.render.ObjectLabels;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.InstanceDetail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An instance's status in Kubernetes' terms (SPEC section 14): its state, its versions grouped by
 * ReplicaSet (git sha, config sha, created, ready/replicas) and each replica's state. A pod belongs
 * to the ReplicaSet whose selector its labels match. Versions are listed newest first (the desired
 * one first when two were created in the same second). Pure.
 */
public final class InstanceDetails {
  private InstanceDetails() {}

  /**
   * @param desired the desired state, when deployed (else the state is {@code Stopped} or {@code
   *     Stopping})
   */
  public static InstanceDetail of(
      Optional<DesiredInstance> desired, InstanceObjects observed, Instant now) {
    String state =
        desired
            .map(d -> RolloutStatus.state(d, observed))
            .orElse(observed.pods().isEmpty() ? RolloutStatus.STOPPED : RolloutStatus.STOPPING);
    List<ReplicaSet> sets = new ArrayList<>(observed.replicaSets());
    String desiredApp = desired.map(DesiredInstance::appId).orElse("");
    sets.sort(
        Comparator.comparing(
                (ReplicaSet rs) -> created(rs).orElse(Instant.MIN), Comparator.reverseOrder())
            .thenComparing(rs -> !desiredApp.equals(appId(rs)))
            .thenComparing(rs -> rs.getMetadata().getName()));
    List<InstanceDetail.Version> versions = new ArrayList<>();
    List<InstanceDetail.Replica> replicas = new ArrayList<>();
    List<Pod> left = new ArrayList<>(observed.pods());
    for (ReplicaSet rs : sets) {
      List<Pod> pods = left.stream().filter(p -> selects(rs, p)).toList();
      left.removeAll(pods);
      versions.add(version(rs, pods));
      pods.stream()
          .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
          .forEach(p -> replicas.add(replica(p, rs.getMetadata().getName(), now)));
    }
    left.stream()
        .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
        .forEach(p -> replicas.add(replica(p, "", now)));
    return new InstanceDetail(state, versions, replicas);
  }

  private static InstanceDetail.Version version(ReplicaSet rs, List<Pod> pods) {
    Map<String, String> labels = labels(rs);
    Integer wanted = rs.getSpec() == null ? null : rs.getSpec().getReplicas();
    return new InstanceDetail.Version(
        rs.getMetadata().getName(),
        labels.getOrDefault(ObjectLabels.GIT_SHA, ""),
        labels.getOrDefault(ObjectLabels.CONFIG_SHA, ""),
        created(rs),
        (int) pods.stream().filter(PodTasks::ready).count(),
        wanted == null ? 0 : wanted);
  }

  private static InstanceDetail.Replica replica(Pod pod, String version, Instant now) {
    PodTasks.Replica replica = PodTasks.replica(pod, now);
    return new InstanceDetail.Replica(
        pod.getMetadata().getName(),
        version,
        labels(pod).getOrDefault(ObjectLabels.GIT_SHA, ""),
        replica.state().label(),
        replica.detail(),
        Optional.ofNullable(pod.getStatus() == null ? null : pod.getStatus().getStartTime())
            .map(Instant::parse));
  }

  /** The app id its pods are annotated with (the Deployment's pod template says it). */
  private static String appId(ReplicaSet rs) {
    if (rs.getSpec() == null
        || rs.getSpec().getTemplate() == null
        || rs.getSpec().getTemplate().getMetadata() == null
        || rs.getSpec().getTemplate().getMetadata().getAnnotations() == null) {
      return "";
    }
    return rs.getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .getOrDefault(PodTasks.APP_ID, "");
  }

  /** Whether the ReplicaSet's selector (its match labels) selects the pod. */
  private static boolean selects(ReplicaSet rs, Pod pod) {
    if (rs.getSpec() == null
        || rs.getSpec().getSelector() == null
        || rs.getSpec().getSelector().getMatchLabels() == null) {
      return false;
    }
    Map<String, String> labels = labels(pod);
    return rs.getSpec().getSelector().getMatchLabels().entrySet().stream()
        .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  private static Optional<Instant> created(HasMetadata object) {
    return Optional.ofNullable(object.getMetadata().getCreationTimestamp()).map(Instant::parse);
  }

  private static Map<String, String> labels(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }
}
