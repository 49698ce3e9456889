package io.paasta.cli.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} form of {@code paasta status}: per cluster its endpoint and error, per
 * instance the API's answers as sent ({@code status}, {@code tasks}) or the error.
 */
public final class StatusJson {
  private StatusJson() {}

  public static Map<String, Object> of(String service, List<ClusterReport> clusters) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("service", service);
    json.put("clusters", clusters.stream().map(StatusJson::cluster).toList());
    return json;
  }

  private static Map<String, Object> cluster(ClusterReport cluster) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cluster", cluster.cluster());
    json.put("api_endpoint", cluster.endpoint().orElse(null));
    json.put("error", cluster.error().orElse(null));
    json.put("instances", cluster.instances().stream().map(StatusJson::instance).toList());
    return json;
  }

  private static Map<String, Object> instance(InstanceReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("instance", report.target().instance());
    json.put("deploy_group", report.target().deployGroup());
    json.put("error", report.error().orElse(null));
    json.put("status", report.statusJson().orElse(null));
    if (report.tasksJson().isPresent() || report.tasksError().isPresent()) {
      json.put("tasks", report.tasksJson().map(t -> t.get("tasks")).orElse(null));
      json.put("tasks_error", report.tasksError().orElse(null));
    }
    return json;
  }
}
