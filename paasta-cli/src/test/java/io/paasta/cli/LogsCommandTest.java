package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.cli.testing.ApiTrees;
import io.paasta.cli.testing.FakePaastaApi;
import io.paasta.config.logs.LogFileWriter;
import io.paasta.config.logs.LogLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code paasta logs} on this host's log files (a cluster without an API) and through fakes of the
 * clusters' APIs: formats, filters, merge order, errors, follow.
 */
class LogsCommandTest {
  private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneId.systemDefault());

  @TempDir Path tmp;
  private Path soa;
  private Path etc;
  private String format;

  @BeforeEach
  void tree() throws IOException {
    soa = ApiTrees.soaConfigs(tmp.resolve("soa"), null);
    etc = ApiTrees.systemConfig(tmp.resolve("etc"), Map.of());
    format = tmp.resolve("logs").resolve("{service}.log").toString();
    Files.writeString(
        etc.resolve("10-logs.json"),
        "{\"log_writer\": {\"driver\": \"file\", \"options\": {\"path_format\": \""
            + format
            + "\"}}}");
  }

  private void write(LogLine... lines) throws IOException {
    try (LogFileWriter writer = new LogFileWriter(format, 1 << 20, 1)) {
      for (LogLine line : lines) {
        writer.write(line);
      }
    }
  }

  private static LogLine line(int second, String component, String instance, String message) {
    return LogLine.of(
        T0.plusSeconds(second), component, "local", "hello-web", instance, "event", message);
  }

  private CliRun logs(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "logs",
                "-s",
                "hello-web",
                "-c",
                "local",
                "-y",
                soa.toString(),
                "--system-config-dir",
                etc.toString()));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void theLastLinesOfTheTasksOutputPlainWhenPiped() throws IOException {
    write(
        line(1, "stdout", "main", "one"),
        line(2, "deploy", "main", "bounced"),
        LogLine.output(T0.plusSeconds(3), "stderr", "local", "hello-web", "canary", "t1", "two"));

    CliRun r = logs();

    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.outLines())
        .containsExactly(
            LOCAL.format(T0.plusSeconds(1)) + " [stdout] [local] [main] - one",
            LOCAL.format(T0.plusSeconds(3)) + " [stderr] [local] [canary] - two");
  }

  @Test
  void markupInAMessageIsPrintedAsWrittenWhenPiped() throws IOException {
    write(line(1, "stdout", "main", "@|red,bold not a style|@ <b>"));

    assertThat(logs().outLines())
        .containsExactly(
            LOCAL.format(T0.plusSeconds(1))
                + " [stdout] [local] [main] - @|red,bold not a style|@ <b>");
  }

  @Test
  void componentsInstancesTaskLinesRawAndStripped() throws IOException {
    LogLine build = LogLine.of(T0, "build", null, "hello-web", null, "event", "pushed");
    write(
        build,
        line(1, "stdout", "main", "one"),
        line(2, "deploy", "main", "bounced"),
        line(3, "deploy", "canary", "scaled"),
        LogLine.output(T0.plusSeconds(4), "stdout", "local", "hello-web", "main", "abc123", "x"));

    assertThat(logs("-C", "build,deploy", "-i", "main", "-r").outLines())
        .containsExactly(build.toJson(), line(2, "deploy", "main", "bounced").toJson());
    assertThat(logs("-C", "deploy", "-l", "1", "-S").outLines()).containsExactly("scaled");
    assertThat(logs("--task", "abc", "-S").outLines()).containsExactly("x");
    assertThat(
            logs(
                    "-C",
                    "app_output,deploy",
                    "-S",
                    "-a",
                    "2026-12-06T00:00:02Z",
                    "-t",
                    "2026-12-06T00:00:03Z")
                .outLines())
        .containsExactly("bounced", "scaled");
  }

  @Test
  void theErrorsOfTheSpec() {
    assertThat(logs("-f", "-l", "5").err())
        .contains("You cannot specify line/time based filtering parameters when tailing");
    assertThat(logs("-l", "5", "-a", "5m").err())
        .contains("You cannot filter based on both line counts and time");
    assertThat(logs("-a", "1h", "-t", "2h").err()).contains("Start time bigger than end time");
    CliRun unknown = logs("-C", "stdout,bogus");
    assertThat(unknown.exit()).isNotZero();
    assertThat(unknown.err())
        .contains("unknown component(s) bogus; known components: build, deploy, monitoring");
    assertThat(logs("-a", "yesterday").err())
        .contains("--from 'yesterday' is not a time I can read; use ISO 8601")
        .contains("5m");
  }

  @Test
  void aServiceWithoutLogsSaysSo() {
    CliRun r = logs();

    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("No logs yet for hello-web.");
  }

  @Test
  void followPrintsNewLinesOnly() throws Exception {
    write(line(1, "stdout", "main", "old"));
    StringWriter out = new StringWriter();
    CommandLine cmd = PaastaMain.newCommandLine("logs");
    cmd.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(new StringWriter(), true));
    Thread run =
        new Thread(
            () ->
                cmd.execute(
                    "logs",
                    "-s",
                    "hello-web",
                    "-c",
                    "local",
                    "-y",
                    soa.toString(),
                    "--system-config-dir",
                    etc.toString(),
                    "-f",
                    "-S"));
    run.start();
    try {
      Thread.sleep(1500); // the follower starts at the files' current ends
      write(line(2, "stdout", "main", "new"), line(3, "deploy", "main", "not asked"));
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!out.toString().contains("new") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(out.toString().lines().toList()).containsExactly("new");
    } finally {
      run.interrupt();
      run.join(5000);
    }
  }

  @Test
  void readsEveryClustersApiAndMergesInTimeOrder() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (FakePaastaApi local = new FakePaastaApi("local");
        FakePaastaApi prod = new FakePaastaApi("prod")) {
      local.json(
          "/v1/services/hello-web/logs",
          json.writeValueAsString(
              Map.of(
                  "has_logs",
                  true,
                  "invalid_lines",
                  0,
                  "lines",
                  List.of(
                      line(1, "stdout", "main", "l1").toJson(),
                      line(3, "stdout", "main", "l3").toJson()))));
      prod.json(
          "/v1/services/hello-web/logs",
          json.writeValueAsString(
              Map.of(
                  "has_logs",
                  true,
                  "invalid_lines",
                  2,
                  "lines",
                  List.of(
                      LogLine.of(
                              T0.plusSeconds(2),
                              "stdout",
                              "prod",
                              "hello-web",
                              "main",
                              "event",
                              "p2")
                          .toJson()))));
      Path apiEtc =
          ApiTrees.systemConfig(
              tmp.resolve("etc-api"), Map.of("local", local.url(), "prod", prod.url()));

      CliRun r =
          CliRun.run(
              "logs",
              "-s",
              "hello-web",
              "-y",
              soa.toString(),
              "--system-config-dir",
              apiEtc.toString(),
              "-S",
              "-l",
              "2",
              "-i",
              "main");

      assertThat(r.exit()).as(r.all()).isZero();
      assertThat(r.outLines()).containsExactly("p2", "l3");
      assertThat(r.err()).contains("2 invalid stored line(s) skipped");
      assertThat(local.requests())
          .singleElement()
          .satisfies(q -> assertThat(q).contains("lines=2").contains("instances=main"));
    }
  }
}
