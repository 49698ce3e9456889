package io.paasta.backend.docker.logs;

import com.github.dockerjava.api.model.Event;
import io.paasta.backend.docker.ObservedStateMapper;
import io.paasta.backend.docker.events.ContainerEvents;
import io.paasta.backend.docker.events.EngineEventWatcher;
import io.paasta.backend.docker.health.HealthChecker;
import io.paasta.planning.backend.TaskLogSink;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's {@code die} events of managed containers as {@code task_lifecycle} lines: "exited
 * with code N", and "killed" for the codes of a signal (128 + n); and the health checker's changes
 * of a task's health: "healthy", "unhealthy", "failed its health check". The watcher replays recent
 * events after a restart; the sink drops lines it already stored.
 */
public final class TaskLifecycleEvents {
  private TaskLifecycleEvents() {}

  /** Tells {@code sink} of each task that exits, from {@code events}. */
  public static void watch(EngineEventWatcher events, String cluster, TaskLogSink sink) {
    if (sink == TaskLogSink.NONE) {
      return;
    }
    events.onEvent(
        event -> {
          if (!ContainerEvents.DIE.equals(ContainerEvents.action(event))) {
            return;
          }
          Optional<String> id = ContainerEvents.containerId(event);
          ContainerEvents.refOf(event, cluster)
              .ifPresent(
                  ref ->
                      id.ifPresent(
                          task ->
                              sink.lifecycle(
                                  ref,
                                  task,
                                  ContainerEvents.timeOf(event).orElse(Instant.now()),
                                  describe(task, exitCode(event)))));
        });
  }

  /**
   * Tells {@code sink} of each change of a task's health the checker sees: healthy, unhealthy,
   * failed (to be replaced).
   */
  public static void watchHealth(HealthChecker health, String cluster, TaskLogSink sink) {
    if (sink == TaskLogSink.NONE) {
      return;
    }
    health.onTransition(
        transition ->
            ObservedStateMapper.refOf(transition.task(), cluster)
                .ifPresent(
                    ref ->
                        describe(transition)
                            .ifPresent(
                                message ->
                                    sink.lifecycle(
                                        ref, transition.task().id(), transition.at(), message))));
  }

  /**
   * The line of a health change, e.g. {@code task 0123456789ab unhealthy (2 failed health checks in
   * a row)}; a state reached before says so ({@code again, 2nd time}). None for UNKNOWN.
   */
  static Optional<String> describe(HealthChecker.Transition transition) {
    String task = shortTask(transition.task().id());
    String again = transition.times() > 1 ? " again (time " + transition.times() + ")" : "";
    int failures = transition.consecutiveFailures();
    String checks = failures + " failed health check" + (failures == 1 ? "" : "s") + " in a row";
    return switch (transition.after()) {
      case HEALTHY -> Optional.of(task + " healthy" + again);
      case UNHEALTHY -> Optional.of(task + " unhealthy" + again + " (" + checks + ")");
      case FAILED ->
          Optional.of(task + " failed its health check (" + checks + "): to be replaced");
      case UNKNOWN -> Optional.empty();
    };
  }

  private static String shortTask(String taskId) {
    return "task " + (taskId.length() > 12 ? taskId.substring(0, 12) : taskId);
  }

  /** What happened, e.g. {@code task 0123456789ab killed (signal 9), exited with code 137}. */
  static String describe(String taskId, Optional<Integer> exitCode) {
    String task = shortTask(taskId);
    if (exitCode.isEmpty()) {
      return task + " exited";
    }
    int code = exitCode.get();
    if (code > 128 && code < 160) {
      return task + " killed (signal " + (code - 128) + "), exited with code " + code;
    }
    return task + " exited with code " + code;
  }

  private static Optional<Integer> exitCode(Event event) {
    Map<String, String> attributes =
        event.getActor() == null ? null : event.getActor().getAttributes();
    if (attributes == null || attributes.get("exitCode") == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(attributes.get("exitCode")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
