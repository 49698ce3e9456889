package io.paasta.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** One task of an instance, from {@code GET /v1/services/{s}/{i}/tasks}. */
public record TaskInfo(
    String id,
    String appId,
    Optional<String> gitSha,
    String state,
    String health,
    boolean drain,
    Optional<String> host,
    OptionalInt port,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    OptionalInt exitCode,
    List<String> output) {

  public TaskInfo {
    output = List.copyOf(output);
  }

  public static TaskInfo from(JsonNode json) {
    return new TaskInfo(
        JsonFields.text(json, "id", "?"),
        JsonFields.text(json, "app_id", ""),
        JsonFields.text(json, "git_sha"),
        JsonFields.text(json, "state", "unknown"),
        JsonFields.text(json, "health", "unknown"),
        JsonFields.bool(json, "drain"),
        JsonFields.text(json, "host").filter(s -> !s.isBlank()),
        JsonFields.integer(json, "port"),
        JsonFields.instant(json, "started_at"),
        JsonFields.instant(json, "finished_at"),
        JsonFields.integer(json, "exit_code"),
        JsonFields.texts(json, "output"));
  }

  /** The tasks of a {@code {"tasks": [...]}} answer. */
  public static List<TaskInfo> listFrom(JsonNode json) {
    return JsonFields.array(json, "tasks").stream().map(TaskInfo::from).toList();
  }
}
