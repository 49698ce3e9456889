package io.paasta.server.autoscaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads what a task's metrics endpoint answered: http's {@code {"utilization": x}} with x in 0..1,
 * uwsgi's stats {@code {"workers": [{"status": "idle"|"busy"|...}]}} as the share of workers not
 * idle. Anything else is garbage, named with what was expected.
 */
final class UtilizationDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_SHOWN = 80;

  private UtilizationDocuments() {}

  static TaskReading http(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return garbage(body, "{\"utilization\": 0..1}");
    }
    if (root == null || !root.path("utilization").isNumber()) {
      return garbage(body, "{\"utilization\": 0..1}");
    }
    double value = root.get("utilization").asDouble();
    if (!(value >= 0 && value <= 1)) {
      return new TaskReading.Skipped(
          "utilization " + value + " is outside 0..1 - expected {\"utilization\": 0..1}", true);
    }
    return new TaskReading.Value(value);
  }

  static TaskReading uwsgi(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      return garbage(body, "uwsgi stats {\"workers\": [{\"status\": ...}]}");
    }
    JsonNode workers = root == null ? null : root.get("workers");
    if (workers == null || !workers.isArray() || workers.isEmpty()) {
      return garbage(
          body, "uwsgi stats with at least one worker {\"workers\": [{\"status\": ...}]}");
    }
    int busy = 0;
    for (JsonNode worker : workers) {
      if (!worker.path("status").isTextual()) {
        return garbage(body, "a \"status\" text for every worker");
      }
      if (!"idle".equals(worker.get("status").asText())) {
        busy++;
      }
    }
    return new TaskReading.Value((double) busy / workers.size());
  }

  private static TaskReading garbage(String body, String expected) {
    String shown = body.length() > MAX_SHOWN ? body.substring(0, MAX_SHOWN) + "..." : body;
    shown = shown.replaceAll("\\p{Cntrl}", " ");
    return new TaskReading.Skipped("answered '" + shown + "' - expected " + expected, true);
  }
}
