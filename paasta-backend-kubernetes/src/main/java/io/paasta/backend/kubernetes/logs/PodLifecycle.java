package io.paasta.backend.kubernetes.logs;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code task_lifecycle} lines of a pod's status change as the informer sees it (SPEC section
 * 13, as the local backend writes them): a container run that exited (with its code; OOM killed or
 * killed by a signal said so), a pod that turned ready (healthy) or not ready (unhealthy), a pod
 * evicted, a pod deleted while its containers ran (killed). Each line is keyed by the container run
 * it is about (its container id), and says a fact of that run, so that the same fact seen again (a
 * daemon started again lists every pod) is the same line, which the log store keeps once. A
 * readiness flip carries the time of its transition, so that the next flip of the same run is a new
 * line. Pure.
 */
public final class PodLifecycle {
  /** One line: the task (container run) it is about, when, and what happened. */
  public record Line(String taskId, Instant at, String message) {}

  private PodLifecycle() {}

  /**
   * What {@code after} says happened since {@code before}: exits, evictions and readiness flips.
   *
   * @param before the pod as last seen; null when first seen (every exit and eviction it shows is
   *     told, readiness is not: it is no change)
   */
  public static List<Line> changes(Pod before, Pod after, Instant now) {
    List<Line> lines = new ArrayList<>(facts(after, now));
    if (before != null) {
      lines.removeAll(facts(before, now));
      Optional<PodCondition> was = ready(before);
      Optional<PodCondition> is = ready(after);
      boolean wasReady = was.map(c -> "True".equals(c.getStatus())).orElse(false);
      boolean isReady = is.map(c -> "True".equals(c.getStatus())).orElse(false);
      if (wasReady != isReady && is.isPresent() && !deleted(after)) {
        Instant at = is.map(PodCondition::getLastTransitionTime).map(Instant::parse).orElse(now);
        String message =
            isReady
                ? "ready (healthy) since " + at
                : "not ready (unhealthy) since "
                    + at
                    + Optional.ofNullable(is.get().getMessage())
                        .filter(m -> !m.isBlank())
                        .map(m -> ": " + m)
                        .orElse("");
        lines.add(new Line(taskOf(after), at, "task " + name(after) + " " + message));
      }
    }
    return lines;
  }

  /** A pod deleted: its containers that ran were killed. */
  public static List<Line> deleted(Pod pod, Instant now) {
    List<Line> lines = new ArrayList<>();
    for (ContainerStatus status : statuses(pod)) {
      if (status.getState() != null
          && status.getState().getRunning() != null
          && status.getContainerID() != null) {
        lines.add(
            new Line(
                status.getContainerID(),
                now,
                "task " + name(pod) + "/" + status.getName() + " killed (its pod was deleted)"));
      }
    }
    return lines;
  }

  /** What a status says for good: container runs that exited, an eviction. */
  private static List<Line> facts(Pod pod, Instant now) {
    List<Line> lines = new ArrayList<>();
    for (ContainerStatus status : statuses(pod)) {
      String task = "task " + name(pod) + "/" + status.getName();
      if (status.getLastState() != null && status.getLastState().getTerminated() != null) {
        exit(task, status.getLastState().getTerminated(), now).ifPresent(lines::add);
      }
      if (status.getState() != null && status.getState().getTerminated() != null) {
        ContainerStateTerminated terminated = status.getState().getTerminated();
        if (terminated.getContainerID() == null && status.getContainerID() != null) {
          terminated =
              new io.fabric8.kubernetes.api.model.ContainerStateTerminatedBuilder(terminated)
                  .withContainerID(status.getContainerID())
                  .build();
        }
        exit(task, terminated, now).ifPresent(lines::add);
      }
    }
    if (pod.getStatus() != null && "Evicted".equals(pod.getStatus().getReason())) {
      String message = pod.getStatus().getMessage();
      lines.add(
          new Line(
              taskOf(pod),
              now,
              "task "
                  + name(pod)
                  + " evicted"
                  + (message == null || message.isBlank() ? "" : ": " + message)));
    }
    return lines;
  }

  private static Optional<Line> exit(
      String task, ContainerStateTerminated terminated, Instant now) {
    if (terminated.getExitCode() == null) {
      return Optional.empty();
    }
    int code = terminated.getExitCode();
    String how;
    if ("OOMKilled".equals(terminated.getReason())) {
      how = " OOM killed, exited with code " + code;
    } else if (code > 128 && code < 160) {
      how = " killed (signal " + (code - 128) + "), exited with code " + code;
    } else {
      how = " exited with code " + code;
    }
    Instant at = Optional.ofNullable(terminated.getFinishedAt()).map(Instant::parse).orElse(now);
    String id = Optional.ofNullable(terminated.getContainerID()).orElse(task);
    return Optional.of(new Line(id, at, task + how));
  }

  /** The task a pod-level line is about: its first container's run, else the pod. */
  private static String taskOf(Pod pod) {
    return statuses(pod).stream()
        .map(ContainerStatus::getContainerID)
        .filter(id -> id != null)
        .findFirst()
        .orElse(pod.getMetadata().getNamespace() + "/" + name(pod));
  }

  private static Optional<PodCondition> ready(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst();
  }

  private static boolean deleted(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }

  private static List<ContainerStatus> statuses(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
        ? List.of()
        : pod.getStatus().getContainerStatuses();
  }

  private static String name(Pod pod) {
    return pod.getMetadata().getName();
  }
}
