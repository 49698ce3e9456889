package io.paasta.config.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogLineTest {
  private static final Instant T = Instant.parse("2026-12-06T03:20:11.123456789Z");

  @Test
  void writesSortedKeysAsPythonsJsonDumpsWithMicroseconds() {
    LogLine line = LogLine.of(T, "deploy", "local", "web", "main", "event", "bounced é \"x\"");

    assertThat(line.toJson())
        .isEqualTo(
            "{\"cluster\": \"local\", \"component\": \"deploy\", \"instance\": \"main\", \"level\":"
                + " \"event\", \"message\": \"bounced \\u00e9 \\\"x\\\"\", \"service\": \"web\","
                + " \"timestamp\": \"2026-12-06T03:20:11.123456Z\"}");
  }

  @Test
  void escapesEveryCharacterOutsidePrintableAsciiAsPythonsJsonDumps() {
    // json.dumps("\x00\x1f\x7f\b\f\n\r\t\"\\/ \u00e9\u2028\U0001F600\ufffd~") in Python 3
    String message = "\u0000\u001f\u007f\b\f\n\r\t\"\\/ \u00e9\u2028\uD83D\uDE00\ufffd~";
    String python =
        "\"\\u0000\\u001f\\u007f\\b\\f\\n\\r\\t\\\"\\\\/ \\u00e9\\u2028\\ud83d\\ude00\\ufffd~\"";

    String json = LogLine.of(T, "deploy", "c", "s", "i", "event", message).toJson();

    assertThat(json).contains("\"message\": " + python + ", ");
    assertThat(LogLine.parse(json).orElseThrow().message()).isEqualTo(message);
  }

  @Test
  void linesOfYearsBeyondFourDigitsStillParseBack() {
    LogLine line =
        LogLine.of(
            Instant.parse("+12026-01-01T00:00:00Z"), "deploy", "c", "s", "i", "event", "far");

    assertThat(line.toJson()).contains("\"timestamp\": \"+12026-01-01T00:00:00.000000Z\"");
  }

  @Test
  void timestampsAreUtcWithMicrosecondsWhateverTheInstant() {
    java.time.format.DateTimeFormatter micros =
        java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    for (String at :
        List.of(
            "2026-12-06T04:46:19.123456789Z",
            "1970-01-01T00:00:00Z",
            "2024-02-29T23:59:59.000001Z",
            "1969-12-31T23:59:59.999999Z",
            "9999-12-31T23:59:59.5Z")) {
      Instant instant = Instant.parse(at);
      assertThat(LogLine.formatTime(instant))
          .as(at)
          .isEqualTo(micros.format(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
    }
  }

  @Test
  void taskOutputCarriesTheTaskIdAndLosesItsAnsiEscapes() {
    LogLine line =
        LogLine.output(T, "stderr", "local", "web", "main", "abc123", "\u001B[31mred\u001B[0m");

    assertThat(line.toJson()).contains("\"message\": \"red\"").contains("\"task_id\": \"abc123\"");
    assertThat(LogLine.parse(line.toJson())).contains(line);
  }

  @Test
  void aLineAboutNoClusterOrInstanceSaysNA() {
    LogLine line = LogLine.of(T, "build", null, "web", null, "event", "pushed");

    assertThat(line.cluster()).isEqualTo("N/A");
    assertThat(line.instance()).isEqualTo("N/A");
  }

  @Test
  void readsPaastasNaiveUtcTimestampsAndPodName() {
    String stored =
        "{\"cluster\": \"norcal\", \"component\": \"stdout\", \"instance\": \"main\", \"level\":"
            + " \"event\", \"message\": \"hi\", \"pod_name\": \"p1\", \"service\": \"web\","
            + " \"timestamp\": \"2026-01-01T00:00:00.000001\"}";

    Optional<LogLine> line = LogLine.parse(stored);

    assertThat(line).isPresent();
    assertThat(line.get().timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00.000001Z"));
    assertThat(line.get().taskId()).contains("p1");
    assertThat(LogLine.timestampOf(stored)).contains(line.get().timestamp());
  }

  @Test
  void invalidLinesAreNoLines() {
    String good = LogLine.of(T, "deploy", "c", "s", "i", "event", "m").toJson();

    assertThat(LogLine.parse(good.substring(0, good.length() / 2))).isEmpty();
    assertThat(LogLine.parse("not json")).isEmpty();
    assertThat(LogLine.parse("\u0000\u00ff\u0001binary")).isEmpty();
    assertThat(LogLine.parse("{\"service\": \"s\"}")).isEmpty();
    assertThat(LogLine.parse("[1, 2]")).isEmpty();
  }
}
