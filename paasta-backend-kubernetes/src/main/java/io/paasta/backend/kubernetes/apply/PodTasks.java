package io.paasta.backend.kubernetes.apply;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.paasta.backend.kubernetes.render.ObjectLabels;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A pod as a task (SPEC section 14): its state from the pod's phase, conditions and container
 * statuses; its app from its version labels (git sha, config sha), so that the tasks of one
 * ReplicaSet form one app. Pure.
 */
public final class PodTasks {
  /** The pod annotation that names the app ({@code <svc>.<inst>.git<sha8>.config<hash8>}). */
  public static final String APP_ID = ObjectLabels.PREFIX + "app_id";

  private PodTasks() {}

  /** The replica states of section 14. */
  public enum ReplicaState {
    HEALTHY("Healthy"),
    WARMING_UP("Warming Up"),
    NOT_READY("Not Ready"),
    UNSCHEDULED("Unscheduled"),
    EVICTED("Evicted"),
    FAILED("Failed"),
    TERMINATING("Terminating"),
    OOM_KILLED("OOM killed");

    private final String label;

    ReplicaState(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A replica's state and what explains it (the scheduler's message, restarts), if anything. */
  public record Replica(ReplicaState state, String detail) {
    /** {@code Unscheduled (0/3 nodes are available: ...)}. */
    public String text() {
      return detail.isEmpty() ? state.label() : state.label() + " (" + detail + ")";
    }
  }

  public static ObservedTask task(Pod pod, Instant now) {
    String phase = phase(pod);
    TaskState state =
        switch (phase) {
          case "Running" -> TaskState.RUNNING;
          case "Succeeded", "Failed" -> TaskState.EXITED;
          default -> TaskState.CREATED;
        };
    Optional<ContainerStateTerminated> terminated = terminated(pod);
    return new ObservedTask(
        pod.getMetadata().getName(),
        appId(pod),
        state,
        Optional.ofNullable(pod.getStatus() == null ? null : pod.getStatus().getStartTime())
            .map(Instant::parse),
        state == TaskState.EXITED
            ? terminated.map(ContainerStateTerminated::getFinishedAt).map(Instant::parse)
            : Optional.empty(),
        state == TaskState.EXITED && terminated.isPresent()
            ? OptionalInt.of(terminated.get().getExitCode())
            : OptionalInt.empty(),
        containerPort(pod),
        health(pod, state, now),
        pod.getMetadata().getDeletionTimestamp() != null
            ? DrainState.DRAINING
            : DrainState.NOT_DRAINING,
        false);
  }

  /** The app a pod belongs to: its annotation, else made from its version labels. */
  public static String appId(Pod pod) {
    Map<String, String> annotations = pod.getMetadata().getAnnotations();
    if (annotations != null && annotations.containsKey(APP_ID)) {
      return annotations.get(APP_ID);
    }
    Map<String, String> labels = labels(pod);
    String sha = labels.getOrDefault(ObjectLabels.GIT_SHA, "");
    return labels.getOrDefault(ObjectLabels.SERVICE, "")
        + "."
        + labels.getOrDefault(ObjectLabels.INSTANCE, "")
        + ".git"
        + sha.substring(0, Math.min(8, sha.length()))
        + "."
        + labels.getOrDefault(ObjectLabels.CONFIG_SHA, "config");
  }

  /** Where the replica is, in the words of section 14. */
  public static Replica replica(Pod pod, Instant now) {
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return new Replica(ReplicaState.TERMINATING, "");
    }
    String phase = phase(pod);
    String reason = pod.getStatus() == null ? null : pod.getStatus().getReason();
    if ("Evicted".equals(reason)) {
      return new Replica(ReplicaState.EVICTED, message(pod));
    }
    Optional<PodCondition> scheduled = condition(pod, "PodScheduled");
    if (scheduled.isPresent() && "False".equals(scheduled.get().getStatus())) {
      return new Replica(
          ReplicaState.UNSCHEDULED, Optional.ofNullable(scheduled.get().getMessage()).orElse(""));
    }
    Optional<ContainerStatus> container = containerStatus(pod);
    Optional<ContainerStateTerminated> last =
        container
            .map(ContainerStatus::getLastState)
            .map(s -> s.getTerminated())
            .or(() -> terminated(pod));
    if (last.isPresent() && "OOMKilled".equals(last.get().getReason())) {
      int restarts = container.map(ContainerStatus::getRestartCount).orElse(0);
      return new Replica(
          ReplicaState.OOM_KILLED,
          "restarts " + restarts + ", last at " + last.get().getFinishedAt());
    }
    if ("Failed".equals(phase)) {
      return new Replica(ReplicaState.FAILED, message(pod));
    }
    if (ready(pod)) {
      return new Replica(ReplicaState.HEALTHY, "");
    }
    return withinGrace(pod, now)
        ? new Replica(ReplicaState.WARMING_UP, "")
        : new Replica(ReplicaState.NOT_READY, "");
  }

  private static HealthState health(Pod pod, TaskState state, Instant now) {
    if (state != TaskState.RUNNING) {
      return HealthState.UNKNOWN;
    }
    if (ready(pod)) {
      return HealthState.HEALTHY;
    }
    return withinGrace(pod, now) ? HealthState.UNKNOWN : HealthState.UNHEALTHY;
  }

  /**
   * Whether the pod's task ({@link #task}) is the same at any time: it is not a running pod that is
   * not ready yet (whose health turns from unknown to unhealthy once its grace period is over).
   */
  public static boolean timeless(Pod pod) {
    return ready(pod) || !"Running".equals(phase(pod));
  }

  static boolean ready(Pod pod) {
    return condition(pod, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  /** Not ready yet, but within its liveness probe's initial delay since it started. */
  private static boolean withinGrace(Pod pod, Instant now) {
    Optional<Instant> started =
        Optional.ofNullable(pod.getStatus() == null ? null : pod.getStatus().getStartTime())
            .map(Instant::parse);
    int grace =
        container(pod)
            .map(Container::getLivenessProbe)
            .map(p -> p.getInitialDelaySeconds() == null ? 0 : p.getInitialDelaySeconds())
            .orElse(0);
    return started.isEmpty() || started.get().plus(Duration.ofSeconds(grace)).isAfter(now);
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getPhase() == null
        ? "Pending"
        : pod.getStatus().getPhase();
  }

  private static String message(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getMessage() == null
        ? ""
        : pod.getStatus().getMessage();
  }

  private static Optional<PodCondition> condition(Pod pod, String type) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst();
  }

  private static Optional<Container> container(Pod pod) {
    List<Container> containers = pod.getSpec() == null ? null : pod.getSpec().getContainers();
    return containers == null || containers.isEmpty()
        ? Optional.empty()
        : Optional.of(containers.get(0));
  }

  private static Optional<ContainerStatus> containerStatus(Pod pod) {
    List<ContainerStatus> statuses =
        pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
    return statuses == null || statuses.isEmpty() ? Optional.empty() : Optional.of(statuses.get(0));
  }

  private static Optional<ContainerStateTerminated> terminated(Pod pod) {
    return containerStatus(pod).map(ContainerStatus::getState).map(s -> s.getTerminated());
  }

  private static OptionalInt containerPort(Pod pod) {
    return container(pod)
        .map(Container::getPorts)
        .filter(ports -> !ports.isEmpty())
        .map(ports -> ports.get(0))
        .map(ContainerPort::getContainerPort)
        .map(OptionalInt::of)
        .orElse(OptionalInt.empty());
  }

  private static Map<String, String> labels(Pod pod) {
    return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
  }
}
