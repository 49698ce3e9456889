package io.paasta.backend.docker.logs;

import com.github.dockerjava.api.model.Event;
import io.paasta.backend.docker.events.ContainerEvents;
import io.paasta.backend.docker.events.EngineEventWatcher;
import io.paasta.planning.backend.TaskLogSink;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's {@code die} events of managed containers as {@code task_lifecycle} lines: "exited
 * with code N", and "killed" for the codes of a signal (128 + n). The watcher replays recent events
 * after a restart; the sink drops lines it already stored.
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

  /** What happened, e.g. {@code task 0123456789ab killed (signal 9), exited with code 137}. */
  static String describe(String taskId, Optional<Integer> exitCode) {
    String task = "task " + (taskId.length() > 12 ? taskId.substring(0, 12) : taskId);
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
