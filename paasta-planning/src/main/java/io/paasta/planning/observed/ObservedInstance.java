package io.paasta.planning.observed;

import io.paasta.model.InstanceRef;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every task of one instance that the engine has, of every app (old and new, running or not). */
public record ObservedInstance(InstanceRef ref, List<ObservedTask> tasks) {
  public ObservedInstance {
    tasks = List.copyOf(tasks);
  }

  /** Tasks grouped by app id, app ids sorted. */
  public Map<String, List<ObservedTask>> byApp() {
    return tasks.stream()
        .collect(Collectors.groupingBy(ObservedTask::appId, TreeMap::new, Collectors.toList()));
  }
}
