package io.paasta.cli.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.cli.testing.ApiTrees;
import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.config.logs.LogFileReader;
import io.paasta.config.logs.LogFilter;
import io.paasta.config.logs.LogLine;
import io.paasta.config.system.SystemConfigLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's own lines: to the cluster's API with the token, or the local log_writer. */
class CliLogLinesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-06T01:02:03.456789Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  @Test
  void withoutAnApiTheLocalClustersLinesGoToTheLocalLogWriter() throws Exception {
    Path etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of());
    String format = tmp.resolve("logs/{service}.log").toString();
    Files.writeString(
        etc.resolve("10-logs.json"),
        "{\"log_writer\": {\"driver\": \"file\", \"options\": {\"path_format\": \""
            + format
            + "\"}}}");
    StringWriter err = new StringWriter();
    CliLogLines lines =
        new CliLogLines(
            Optional.of(SystemConfigLoader.loadUsable(etc)),
            Optional.empty(),
            new PrintWriter(err, true),
            CLOCK);

    lines.send("web", List.of("local", "elsewhere"), "deploy", true, "main", "start: asked by me");
    lines.send("web", List.of("local"), "build", false, null, "cook-image: built x");

    List<LogLine> stored =
        new LogFileReader(format)
            .tail("web", LogFilter.all(), 10).entries().stream().map(e -> e.line()).toList();
    assertThat(stored)
        .containsExactly(
            LogLine.of(
                CLOCK.instant(), "deploy", "local", "web", "main", "event", "start: asked by me"),
            LogLine.of(
                CLOCK.instant(), "build", null, "web", null, "event", "cook-image: built x"));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aClusterWithAnApiGetsThePostWithTheToken() throws Exception {
    try (FakePaastaApi api = new FakePaastaApi("prod")) {
      api.script(
          "/v1/services/web/logs",
          new FakePaastaApi.Answer(
              201, "application/json", "{\"written\": 1}", java.time.Duration.ZERO));
      Path etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of("prod", api.url()));
      StringWriter err = new StringWriter();
      new CliLogLines(
              Optional.of(SystemConfigLoader.loadUsable(etc)),
              Optional.of("tok"),
              new PrintWriter(err, true),
              CLOCK)
          .send("web", List.of("prod"), "deploy", true, null, "rollback: prod.main");

      assertThat(api.requests()).containsExactly("/v1/services/web/logs");
      assertThat(err.toString()).isEmpty();
    }
  }

  @Test
  void aRefusedLineIsToldNotFatal() throws Exception {
    try (FakePaastaApi api = new FakePaastaApi("prod")) {
      api.script(
          "/v1/services/web/logs", FakePaastaApi.Answer.problem(401, "Unauthorized", "no token"));
      Path etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of("prod", api.url()));
      StringWriter err = new StringWriter();
      new CliLogLines(
              Optional.of(SystemConfigLoader.loadUsable(etc)),
              Optional.empty(),
              new PrintWriter(err, true),
              CLOCK)
          .send("web", List.of("prod"), "deploy", true, null, "x");

      assertThat(err.toString())
          .contains("the deploy log line for cluster prod was not kept")
          .contains("401");
    }
  }

  @Test
  void aClusterThatKeepsNoLogsIsLeftQuietly() throws Exception {
    try (FakePaastaApi api = new FakePaastaApi("prod")) {
      Path etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of("prod", api.url()));
      StringWriter err = new StringWriter();
      new CliLogLines(
              Optional.of(SystemConfigLoader.loadUsable(etc)),
              Optional.empty(),
              new PrintWriter(err, true),
              CLOCK)
          .send("web", List.of("prod"), "deploy", true, null, "x");

      assertThat(api.requests()).containsExactly("/v1/services/web/logs");
      assertThat(err.toString()).isEmpty();
    }
  }

  @Test
  void theTokenIsTheEnvironmentsElseTheFileOfPaastaApiTokenFile() throws Exception {
    Path file = Files.writeString(tmp.resolve("api_token"), "from-the-file\n");

    assertThat(CliLogLines.token(Map.of("PAASTA_API_TOKEN_FILE", file.toString())))
        .contains("from-the-file");
    assertThat(
            CliLogLines.token(
                Map.of("PAASTA_API_TOKEN", "given", "PAASTA_API_TOKEN_FILE", file.toString())))
        .contains("given");
    assertThat(
            CliLogLines.token(Map.of("PAASTA_API_TOKEN_FILE", tmp.resolve("missing").toString())))
        .isEmpty();
  }

  @Test
  void whoSaysItIsALocalUserNotAnIdentity() {
    assertThat(CliLogLines.who())
        .startsWith(System.getProperty("user.name") + "@")
        .endsWith("(local user, not authenticated)");
  }
}
