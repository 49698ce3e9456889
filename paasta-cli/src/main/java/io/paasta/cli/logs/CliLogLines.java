package io.paasta.cli.logs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.config.logs.LogFileWriter;
import io.paasta.config.logs.LogLine;
import io.paasta.config.logs.LogWriterSettings;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.model.SystemConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The CLI's own log lines ({@code build}: itest, cook-image, push; {@code deploy}:
 * mark-for-deployment, start/stop/restart, rollback): sent to the API of each cluster concerned
 * (with the API token of {@code $PAASTA_API_TOKEN}, {@code $PAASTA_API_TOKEN_FILE} or {@code
 * /etc/paasta/api_token}), or written with the local {@code log_writer} for this host's cluster
 * when it has no API. A cluster whose API answers 404 keeps no logs (its {@code log_writer} is
 * null, or its daemon predates the route): the line is dropped quietly. A line refused otherwise is
 * told on stderr; it never fails the command.
 */
public final class CliLogLines {
  static final Path TOKEN_FILE = Path.of("/etc/paasta/api_token");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Optional<SystemConfig> system;
  private final Optional<String> token;
  private final PrintWriter err;
  private final Clock clock;

  public CliLogLines(
      Optional<SystemConfig> system, Optional<String> token, PrintWriter err, Clock clock) {
    this.system = system;
    this.token = token;
    this.err = err;
    this.clock = clock;
  }

  /** With the system config of {@code systemConfigDir} (none when unusable) and the token. */
  public static CliLogLines of(Path systemConfigDir, PrintWriter err) {
    Optional<SystemConfig> system;
    try {
      system = Optional.of(SystemConfigLoader.loadUsable(systemConfigDir));
    } catch (RuntimeException e) {
      system = Optional.empty();
    }
    return new CliLogLines(system, token(System.getenv()), err, Clock.systemUTC());
  }

  /** Who runs the command, said as what it is: a local user name and host, not an identity. */
  public static String who() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      try {
        host = Files.readString(Path.of("/etc/hostname")).trim();
      } catch (IOException e) {
        host = "unknown-host";
      }
    }
    return System.getProperty("user.name", "unknown")
        + "@"
        + host
        + " (local user, not authenticated)";
  }

  /**
   * Sends one line about {@code service} to each of {@code clusters}.
   *
   * @param aboutCluster whether the line names the cluster it goes to (deploy lines); else N/A
   * @param instance null when about no instance
   */
  public void send(
      String service,
      Collection<String> clusters,
      String component,
      boolean aboutCluster,
      String instance,
      String message) {
    if (system.isEmpty()) {
      return;
    }
    for (String cluster : new TreeSet<>(clusters)) {
      LogLine line =
          LogLine.of(
              clock.instant(),
              component,
              aboutCluster ? cluster : null,
              service,
              instance,
              LogLine.EVENT,
              message);
      String url = system.get().apiEndpoints().get(cluster);
      try {
        if (url != null) {
          post(url, line);
        } else if (cluster.equals(system.get().cluster())) {
          writeLocally(line);
        }
      } catch (IOException | RuntimeException e) {
        err.println(
            "the "
                + component
                + " log line for cluster "
                + cluster
                + " was not kept: "
                + e.getMessage());
      }
    }
  }

  private void post(String url, LogLine line) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("component", line.component());
    fields.put("level", line.level());
    fields.put("cluster", line.cluster());
    fields.put("instance", line.instance());
    fields.put("message", line.message());
    fields.put("timestamp", LogLine.formatTime(line.timestamp()));
    URI uri =
        URI.create(
            (url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                + "/v1/services/"
                + URLEncoder.encode(line.service(), StandardCharsets.UTF_8)
                + "/logs");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    token.ifPresent(t -> headers.put("Authorization", "Bearer " + t));
    LogsHttp.Answer answer =
        LogsHttp.send(
            "POST",
            uri,
            JSON.writeValueAsBytes(Map.of("lines", List.of(fields))),
            headers,
            TIMEOUT);
    if (answer.status() == 404) {
      return; // a cluster that keeps no logs (log_writer null, or a daemon without the route)
    }
    if (answer.status() != 201) {
      throw new IOException(
          "the API at " + url + " answered " + answer.status() + ": " + answer.body());
    }
  }

  private void writeLocally(LogLine line) throws IOException {
    LogWriterSettings settings =
        LogWriterSettings.from(system.get(), Path.of(LogWriterSettings.DEFAULT_STATE_DIR));
    if (!settings.writes()) {
      return;
    }
    try (LogFileWriter writer = LogFileWriter.of(settings)) {
      writer.write(line);
    }
  }

  /**
   * {@code $PAASTA_API_TOKEN}, else the file of {@code $PAASTA_API_TOKEN_FILE} (as every command
   * that changes things through the API reads it), else {@code /etc/paasta/api_token}.
   */
  static Optional<String> token(Map<String, String> env) {
    String value = env.get("PAASTA_API_TOKEN");
    if (value != null && !value.isBlank()) {
      return Optional.of(value.trim());
    }
    String file = env.get("PAASTA_API_TOKEN_FILE");
    Path path = file != null && !file.isBlank() ? Path.of(file) : TOKEN_FILE;
    try {
      return Files.isReadable(path) ? Optional.of(Files.readString(path).trim()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
