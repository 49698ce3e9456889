package io.paasta.server.api;

import io.paasta.model.InstanceRef;
import java.util.List;
import java.util.Optional;

/**
 * The last lines a task printed, from the daemon's log store ({@code paasta status -vv}); empty
 * when the store has none of the task (no store, or not collected yet): then the engine is asked.
 */
@FunctionalInterface
public interface StoredTaskOutput {
  /** No store: the engine is always asked. */
  StoredTaskOutput NONE = (ref, taskId, lines) -> Optional.empty();

  Optional<List<String>> lastLines(InstanceRef ref, String taskId, int lines);
}
