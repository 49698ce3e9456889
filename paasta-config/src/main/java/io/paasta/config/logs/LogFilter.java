package io.paasta.config.logs;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which lines of a service a reader wants: components (after {@link LogComponents#expand}),
 * clusters and instances (empty: all), one task.
 */
public record LogFilter(
    Set<String> components, Set<String> clusters, Set<String> instances, Optional<String> taskId) {
  public LogFilter {
    components = Set.copyOf(components);
    clusters = Set.copyOf(clusters);
    instances = Set.copyOf(instances);
  }

  /** Every line. */
  public static LogFilter all() {
    return new LogFilter(Set.copyOf(LogComponents.KNOWN), Set.of(), Set.of(), Optional.empty());
  }

  public boolean accepts(LogLine line) {
    return components.contains(line.component())
        && (clusters.isEmpty()
            || clusters.contains(line.cluster())
            || LogLine.NOT_APPLICABLE.equals(line.cluster()))
        && (instances.isEmpty()
            || instances.contains(line.instance())
            || LogLine.NOT_APPLICABLE.equals(line.instance()))
        && taskId.map(id -> line.taskId().map(t -> t.startsWith(id)).orElse(false)).orElse(true);
  }

  /** As query parameters' values: comma-separated lists. */
  public static List<String> split(String commaSeparated) {
    return commaSeparated == null || commaSeparated.isBlank()
        ? List.of()
        : List.of(commaSeparated.trim().split("\\s*,\\s*"));
  }
}
