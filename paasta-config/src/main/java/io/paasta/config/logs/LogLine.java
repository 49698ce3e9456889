package io.paasta.config.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.model.UtcInstants;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One log line of SPEC section 13: JSON with sorted keys {@code {cluster, component, instance,
 * level, message, service, [task_id,] timestamp}}, written as Python's {@code json.dumps(...,
 * sort_keys=True)} writes it (separators {@code ", "} and {@code ": "}, non-ASCII escaped), the
 * timestamp UTC with microseconds. Task output lines carry the task's id; other lines have none.
 *
 * @param timestamp truncated to microseconds
 * @param cluster {@code N/A} when the line is about no cluster
 * @param instance {@code N/A} when the line is about no instance
 */
public record LogLine(
    Instant timestamp,
    String component,
    String cluster,
    String instance,
    String level,
    String message,
    String service,
    Optional<String> taskId) {
  /** The cluster or instance of a line that is about none. */
  public static final String NOT_APPLICABLE = "N/A";

  /** Users see it. */
  public static final String EVENT = "event";

  /** Details. */
  public static final String DEBUG = "debug";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ANSI =
      Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");
  private static final String TIMESTAMP_KEY = "\"timestamp\": \"";

  public LogLine {
    Objects.requireNonNull(timestamp, "timestamp");
    timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
    component = Objects.requireNonNull(component, "component");
    cluster = cluster == null || cluster.isEmpty() ? NOT_APPLICABLE : cluster;
    instance = instance == null || instance.isEmpty() ? NOT_APPLICABLE : instance;
    level = level == null ? EVENT : level;
    message = withoutAnsi(message == null ? "" : message);
    service = Objects.requireNonNull(service, "service");
    taskId = taskId == null ? Optional.empty() : taskId;
  }

  /** A line that is no task's output. */
  public static LogLine of(
      Instant timestamp,
      String component,
      String cluster,
      String service,
      String instance,
      String level,
      String message) {
    return new LogLine(
        timestamp, component, cluster, instance, level, message, service, Optional.empty());
  }

  /** A line of a task's output ({@code stdout} or {@code stderr}). */
  public static LogLine output(
      Instant timestamp,
      String stream,
      String cluster,
      String service,
      String instance,
      String taskId,
      String message) {
    return new LogLine(
        timestamp, stream, cluster, instance, EVENT, message, service, Optional.of(taskId));
  }

  /** The message without ANSI escape sequences (colours, cursor moves), as PaaSTA stores it. */
  public static String withoutAnsi(String text) {
    return text.indexOf('\u001B') < 0 ? text : ANSI.matcher(text).replaceAll("");
  }

  /** The stored form: one line of JSON with sorted keys, without the newline. */
  public String toJson() {
    return EncodedLines.json(this);
  }

  /** UTC with microseconds, e.g. {@code 2026-01-01T00:00:00.000000Z}. */
  public static String formatTime(Instant instant) {
    return EncodedLines.time(instant);
  }

  /**
   * Reads a stored line; empty when it is not one (cut by a crash, not JSON, a field missing or of
   * the wrong type).
   */
  public static Optional<LogLine> parse(String text) {
    if (text.isEmpty() || text.charAt(0) != '{') {
      return Optional.empty();
    }
    Map<String, String> flat = FlatJson.parse(text);
    if (flat != null) {
      return of(flat::get);
    }
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      return of(key -> stringOf(node, key));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** The line of these fields (their values as strings; null when absent or of another type). */
  private static Optional<LogLine> of(Function<String, String> fields) {
    Optional<Instant> time = parseTime(fields.apply("timestamp"));
    String component = fields.apply("component");
    String service = fields.apply("service");
    if (time.isEmpty() || component == null || service == null) {
      return Optional.empty();
    }
    String taskId = fields.apply("task_id");
    if (taskId == null) {
      taskId = fields.apply("pod_name");
    }
    return Optional.of(
        new LogLine(
            time.get(),
            component,
            fields.apply("cluster"),
            fields.apply("instance"),
            fields.apply("level"),
            fields.apply("message"),
            service,
            Optional.ofNullable(taskId)));
  }

  /**
   * The timestamp of a stored line without parsing the rest (the last key of the sorted JSON): what
   * the reader's binary search compares. Empty for a line that has none that parses.
   */
  public static Optional<Instant> timestampOf(String text) {
    int key = text.lastIndexOf(TIMESTAMP_KEY);
    if (key < 0) {
      return Optional.empty();
    }
    int start = key + TIMESTAMP_KEY.length();
    int end = text.indexOf('"', start);
    return end < 0 ? Optional.empty() : parseTime(text.substring(start, end));
  }

  /** ISO 8601 with an offset or without one (then UTC, as PaaSTA's naive UTC times). */
  public static Optional<Instant> parseTime(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Instant utc = UtcInstants.parseOrNull(text);
    if (utc != null) {
      return Optional.of(utc);
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }

  private static String stringOf(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
