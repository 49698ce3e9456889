package io.paasta.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paasta.config.logs.LogComponents;
import io.paasta.config.logs.LogEntry;
import io.paasta.config.logs.LogFileReader;
import io.paasta.config.logs.LogFilter;
import io.paasta.config.logs.LogLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code /v1/services/{service}/logs}: GET reads a service's log lines (the last N, or a time
 * range) as the stored JSON lines, oldest first; POST (with the token) appends lines the CLI sends
 * ({@code build}, {@code deploy}). Query of GET: {@code components} (comma-separated, {@code
 * app_output} for both outputs; default {@code stdout,stderr}), {@code clusters}, {@code
 * instances}, {@code task}, {@code lines} (default 100), or {@code from}/{@code to} (ISO 8601) with
 * {@code limit} (default 10000).
 */
public final class LogsResource {
  static final int DEFAULT_LINES = 100;
  static final int MAX_LINES = 100_000;
  private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
  private static final Set<String> LINE_FIELDS =
      Set.of("component", "level", "cluster", "instance", "message", "timestamp");

  private final Optional<String> pathFormat;
  private final Consumer<LogLine> writer;
  private final Clock clock;

  /**
   * @param pathFormat where lines are read from; empty when the cluster keeps none
   * @param writer appends a line (the daemon's services' logs)
   */
  public LogsResource(Optional<String> pathFormat, Consumer<LogLine> writer, Clock clock) {
    this.pathFormat = pathFormat;
    this.writer = writer;
    this.clock = clock;
  }

  public ApiResponse read(ApiRequest request) {
    String service = service(request);
    LogFileReader reader = new LogFileReader(pathFormat());
    LogFilter filter = filter(request);
    Optional<Instant> from = time(request, "from");
    Optional<Instant> to = time(request, "to");
    try {
      LogFileReader.Read read;
      if (from.isPresent() || to.isPresent()) {
        if (request.query("lines").isPresent()) {
          throw ProblemException.badRequest("You cannot filter based on both line counts and time");
        }
        Instant start = from.orElse(Instant.EPOCH);
        Instant end = to.orElse(clock.instant().plusSeconds(3600));
        if (start.isAfter(end)) {
          throw ProblemException.badRequest("Start time bigger than end time");
        }
        read = reader.range(service, filter, start, end, count(request, "limit", 10_000));
      } else {
        read = reader.tail(service, filter, count(request, "lines", DEFAULT_LINES));
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("service", service);
      body.put("has_logs", reader.hasLogs(service));
      body.put("invalid_lines", read.invalidLines());
      body.put("lines", read.entries().stream().map(LogEntry::raw).toList());
      return ApiResponse.json(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Appends the posted lines: {@code {"lines": [{component, level, cluster, instance, message}]}}.
   */
  public ApiResponse write(ApiRequest request) {
    String service = service(request);
    ObjectNode body = Json.object(request.body(), Set.of("lines"));
    JsonNode lines = body.get("lines");
    if (lines == null || !lines.isArray() || lines.size() > 1000) {
      throw ProblemException.badRequest(
          "field 'lines' must be a list of at most 1000 objects with the fields " + LINE_FIELDS);
    }
    List<LogLine> parsed = new java.util.ArrayList<>();
    for (JsonNode node : lines) {
      parsed.add(line(service, node));
    }
    parsed.forEach(writer);
    return new ApiResponse(201, ApiResponse.JSON, Json.write(Map.of("written", parsed.size())));
  }

  private LogLine line(String service, JsonNode node) {
    ObjectNode object = Json.object(node.toString(), LINE_FIELDS);
    String component = text(object, "component").orElse("");
    if (!LogComponents.KNOWN.contains(component)) {
      throw ProblemException.badRequest(
          "field 'component' is '"
              + component
              + "'; expected one of "
              + String.join(", ", LogComponents.KNOWN));
    }
    String level = text(object, "level").orElse(LogLine.EVENT);
    if (!level.equals(LogLine.EVENT) && !level.equals(LogLine.DEBUG)) {
      throw ProblemException.badRequest(
          "field 'level' is '" + level + "'; expected event or debug");
    }
    Instant at =
        text(object, "timestamp")
            .map(
                t ->
                    LogLine.parseTime(t)
                        .orElseThrow(
                            () ->
                                ProblemException.badRequest(
                                    "field 'timestamp' is '" + t + "'; expected ISO 8601")))
            .orElse(clock.instant());
    return LogLine.of(
        at,
        component,
        text(object, "cluster").orElse(null),
        service,
        text(object, "instance").orElse(null),
        level,
        text(object, "message").orElse(""));
  }

  private static Optional<String> text(ObjectNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw ProblemException.badRequest("field '" + field + "' must be a string");
    }
    return Optional.of(value.asText());
  }

  String pathFormat() {
    return pathFormat.orElseThrow(
        () ->
            ProblemException.notFound(
                "this cluster keeps no logs: its system config's log_writer is null"));
  }

  static String service(ApiRequest request) {
    String service = request.path("service");
    if (!SERVICE.matcher(service).matches() || service.contains("..")) {
      throw ProblemException.badRequest("'" + service + "' is no service name");
    }
    return service;
  }

  /** The query's filters; unknown components are refused with the list of known ones. */
  static LogFilter filter(ApiRequest request) {
    Set<String> components;
    try {
      components =
          LogComponents.expand(
              request
                  .query("components")
                  .map(LogFilter::split)
                  .orElse(List.copyOf(LogComponents.DEFAULT)));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(e.getMessage());
    }
    return new LogFilter(
        components,
        Set.copyOf(LogFilter.split(request.query("clusters").orElse(""))),
        Set.copyOf(LogFilter.split(request.query("instances").orElse(""))),
        request.query("task").filter(t -> !t.isBlank()));
  }

  private static Optional<Instant> time(ApiRequest request, String name) {
    return request
        .query(name)
        .map(
            text ->
                LogLine.parseTime(text)
                    .orElseThrow(
                        () ->
                            ProblemException.badRequest(
                                "query parameter '"
                                    + name
                                    + "' is '"
                                    + text
                                    + "'; expected ISO 8601, e.g. 2026-01-01T00:00:00Z")));
  }

  private static int count(ApiRequest request, String name, int fallback) {
    Optional<String> text = request.query(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value >= 1 && value <= MAX_LINES) {
        return value;
      }
    } catch (NumberFormatException e) {
      // told below
    }
    throw ProblemException.badRequest(
        "query parameter '" + name + "' is '" + text.get() + "'; expected 1 to " + MAX_LINES);
  }
}
