package io.paasta.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.cli.api.InstanceStatus;
import io.paasta.cli.api.InstanceTarget;
import io.paasta.cli.api.TaskInfo;
import java.util.List;
import java.util.Optional;

/**
 * What a cluster's API answered about one instance: its status and (with -v) its tasks, as sent, or
 * why there is no answer.
 */
public record InstanceReport(
    InstanceTarget target,
    Optional<JsonNode> statusJson,
    Optional<JsonNode> tasksJson,
    Optional<String> error,
    Optional<String> tasksError) {

  public static InstanceReport answered(
      InstanceTarget target,
      JsonNode status,
      Optional<JsonNode> tasks,
      Optional<String> tasksError) {
    return new InstanceReport(target, Optional.of(status), tasks, Optional.empty(), tasksError);
  }

  public static InstanceReport failed(InstanceTarget target, String error) {
    return new InstanceReport(
        target, Optional.empty(), Optional.empty(), Optional.of(error), Optional.empty());
  }

  public Optional<InstanceStatus> status() {
    return statusJson.map(InstanceStatus::from);
  }

  public List<TaskInfo> tasks() {
    return tasksJson.map(TaskInfo::listFrom).orElse(List.of());
  }

  /** No answer, or an answer that reports an error of the instance's app. */
  public boolean failed() {
    return error.isPresent()
        || status().flatMap(s -> s.app()).flatMap(a -> a.errorMessage()).isPresent();
  }
}
