package io.paasta.cli.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.cli.UserException;
import io.paasta.config.logs.LogEntry;
import io.paasta.config.logs.LogLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** A cluster's lines through its API: {@code /v1/services/{s}/logs} and its stream. */
public final class ApiLogSource implements LogSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final String cluster;
  private final String baseUrl;
  private HttpClient http; // for -f only (made on first use)
  private final Duration timeout;

  public ApiLogSource(String cluster, String baseUrl, Duration timeout) {
    this.cluster = cluster;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.timeout = timeout;
  }

  @Override
  public String describe() {
    return "cluster " + cluster + "'s API at " + baseUrl;
  }

  @Override
  public Result read(LogQuery query) {
    LogsHttp.Answer response;
    try {
      response =
          LogsHttp.send(
              "GET",
              uri(query, false),
              null,
              java.util.Map.of("Accept", "application/json"),
              timeout);
    } catch (IOException e) {
      throw new UserException("cannot reach " + describe() + ": " + e);
    }
    JsonNode body = parse(response.body());
    if (response.status() != 200 || body == null) {
      String detail =
          body != null && body.has("detail") ? body.get("detail").asText() : response.body();
      throw new UserException(describe() + " answered " + response.status() + ": " + detail);
    }
    List<LogEntry> entries = new ArrayList<>();
    for (JsonNode line : body.path("lines")) {
      LogLine.parse(line.asText()).ifPresent(l -> entries.add(new LogEntry(l, line.asText())));
    }
    return new Result(
        entries, body.path("has_logs").asBoolean(true), body.path("invalid_lines").asLong());
  }

  @Override
  public void follow(LogQuery query, Consumer<LogEntry> each) throws InterruptedException {
    Optional<Instant> last = Optional.empty();
    boolean connected = false;
    while (!Thread.currentThread().isInterrupted()) {
      try (InputStream body = open(query)) {
        connected = true;
        if (last.isPresent()) { // caught up after the stream broke (the daemon restarted)
          LogQuery since =
              new LogQuery(
                  query.service(), query.filter(), OptionalInt.empty(), last, Optional.empty());
          read(since).entries().forEach(each);
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
          Optional<LogLine> line = LogLine.parse(text);
          if (line.isPresent()) {
            each.accept(new LogEntry(line.get(), text));
            last = Optional.of(line.get().timestamp());
          }
        }
      } catch (IOException | UserException e) {
        if (!connected) {
          throw e instanceof UserException u
              ? u
              : new UserException("cannot reach " + describe() + ": " + e);
        }
        // the daemon went away: follow again when it is back
      }
      if (last.isEmpty()) {
        last = Optional.of(Instant.now());
      }
      Thread.sleep(RETRY.toMillis());
    }
  }

  private InputStream open(LogQuery query) throws IOException, InterruptedException {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }
    HttpResponse<InputStream> response =
        http.send(
            HttpRequest.newBuilder(uri(query, true)).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
      response.body().close();
      JsonNode body = parse(text);
      throw new UserException(
          describe()
              + " answered "
              + response.statusCode()
              + ": "
              + (body != null && body.has("detail") ? body.get("detail").asText() : text));
    }
    return response.body();
  }

  private URI uri(LogQuery query, boolean stream) {
    return URI.create(
        baseUrl
            + "/v1/services/"
            + URLEncoder.encode(query.service(), StandardCharsets.UTF_8)
            + "/logs"
            + (stream ? "/stream" : "")
            + query.queryString(stream));
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
