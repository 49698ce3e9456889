package io.paasta.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.config.logs.LogFileWriter;
import io.paasta.config.logs.LogLine;
import io.paasta.server.DaemonLog;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The logs routes over real HTTP on loopback: read with filters, post lines, follow the stream. */
class LogsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
  private static final String TOKEN = "s3cret";

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiServer server;
  private LogFileWriter writer;
  private URI base;

  @BeforeEach
  void start() throws Exception {
    String format = dir.resolve("{service}.log").toString();
    writer = new LogFileWriter(format, 1 << 20, 2);
    LogsResource logs =
        new LogsResource(
            Optional.of(format),
            line -> {
              try {
                writer.write(line);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            Clock.systemUTC());
    Optional<ApiToken> token = Optional.of(new ApiToken(TOKEN, "test"));
    DaemonLog log =
        new DaemonLog(new PrintStream(new ByteArrayOutputStream(), true), Clock.systemUTC());
    Router router =
        new Router(
            List.of(
                new Route("GET", "/v1/services/{service}/logs", logs::read),
                new Route("POST", "/v1/services/{service}/logs", logs::write)));
    server =
        new ApiServer(
            ApiSettings.of(ApiListenAddress.parse("127.0.0.1:0"), token),
            new LogStreamHandler(logs, 2, new ApiHandler(router, token, log)));
    server.start();
    base = server.baseUri();
  }

  @AfterEach
  void stop() {
    server.close();
    writer.close();
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<String> messages(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> messages = new ArrayList<>();
    for (JsonNode line : JSON.readTree(response.body()).get("lines")) {
      messages.add(LogLine.parse(line.asText()).orElseThrow().message());
    }
    return messages;
  }

  private void write(int second, String component, String instance, String message)
      throws Exception {
    writer.write(
        LogLine.of(T0.plusSeconds(second), component, "local", "web", instance, "event", message));
  }

  @Test
  void readsTheLastLinesAndTimeRangesWithFilters() throws Exception {
    for (int i = 0; i < 10; i++) {
      write(i, i % 2 == 0 ? "stdout" : "deploy", i < 5 ? "main" : "canary", "m" + i);
    }

    assertThat(messages(get("/v1/services/web/logs")))
        .containsExactly("m0", "m2", "m4", "m6", "m8");
    assertThat(messages(get("/v1/services/web/logs?lines=2&components=deploy")))
        .containsExactly("m7", "m9");
    assertThat(messages(get("/v1/services/web/logs?components=stdout,deploy&instances=canary")))
        .containsExactly("m5", "m6", "m7", "m8", "m9");
    String from = URLEncoder.encode(T0.plusSeconds(3).toString(), StandardCharsets.UTF_8);
    String to = URLEncoder.encode(T0.plusSeconds(5).toString(), StandardCharsets.UTF_8);
    assertThat(
            messages(
                get(
                    "/v1/services/web/logs?components=app_output,deploy&from="
                        + from
                        + "&to="
                        + to)))
        .containsExactly("m3", "m4", "m5");
    JsonNode none = JSON.readTree(get("/v1/services/nothing/logs").body());
    assertThat(none.get("has_logs").asBoolean()).isFalse();
  }

  @Test
  void refusesUnknownComponentsBadTimesAndMixedFilters() throws Exception {
    HttpResponse<String> unknown = get("/v1/services/web/logs?components=stdout,bogus");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("unknown component(s) bogus; known components: build");
    assertThat(get("/v1/services/web/logs?from=yesterday").body()).contains("expected ISO 8601");
    assertThat(get("/v1/services/web/logs?lines=5&from=2026-01-01T00:00:00Z").body())
        .contains("You cannot filter based on both line counts and time");
    assertThat(
            get("/v1/services/web/logs?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").body())
        .contains("Start time bigger than end time");
  }

  @Test
  void postedLinesNeedTheTokenAndAreStored() throws Exception {
    String body =
        "{\"lines\": [{\"component\": \"build\", \"message\": \"pushed image by alice@laptop\"}]}";
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(base.resolve("/v1/services/web/logs"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> posted =
        http.send(
            HttpRequest.newBuilder(base.resolve("/v1/services/web/logs"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    assertThat(messages(get("/v1/services/web/logs?components=build")))
        .containsExactly("pushed image by alice@laptop");
    String stored =
        JSON.readTree(get("/v1/services/web/logs?components=build").body())
            .get("lines")
            .get(0)
            .asText();
    assertThat(LogLine.parse(stored).orElseThrow().cluster()).isEqualTo("N/A");
  }

  @Test
  void theStreamSendsNewLinesAsTheyAreWritten() throws Exception {
    write(0, "stdout", "main", "old");
    CompletableFuture<HttpResponse<InputStream>> response =
        http.sendAsync(
            HttpRequest.newBuilder(base.resolve("/v1/services/web/logs/stream?components=stdout"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    HttpResponse<InputStream> stream = response.get(10, TimeUnit.SECONDS);
    assertThat(stream.statusCode()).isEqualTo(200);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      write(1, "deploy", "main", "not asked for");
      write(2, "stdout", "main", "new");
      String line = reader.readLine();
      while (line.isEmpty()) {
        line = reader.readLine();
      }
      assertThat(LogLine.parse(line).orElseThrow().message()).isEqualTo("new");
    }
  }
}
