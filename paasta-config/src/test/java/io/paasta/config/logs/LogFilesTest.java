package io.paasta.config.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file writer and reader together: rotation, last N, time ranges, filters, merge, follow. */
class LogFilesTest {
  private static final Instant T0 = Instant.parse("2026-12-06T00:00:00Z");

  @TempDir Path dir;

  private static LogLine line(int second, String component, String instance, String message) {
    return LogLine.of(
        T0.plusSeconds(second), component, "local", "web", instance, "event", message);
  }

  private static List<String> messages(LogFileReader.Read read) {
    return read.entries().stream().map(e -> e.line().message()).toList();
  }

  @Test
  void writesOneLinePerServiceFileAndReadsTheLastLinesFromTheEnd() throws Exception {
    String format = dir.resolve("{service}.log").toString();
    try (LogFileWriter writer = new LogFileWriter(format, 1 << 20, 2)) {
      for (int i = 0; i < 1000; i++) {
        writer.write(line(i, "stdout", "main", "line " + i));
      }
      writer.write(LogLine.of(T0, "deploy", "local", "api", "main", "event", "other service"));
    }
    LogFileReader reader = new LogFileReader(format);

    LogFileReader.Read last = reader.tail("web", LogFilter.all(), 3);

    assertThat(messages(last)).containsExactly("line 997", "line 998", "line 999");
    assertThat(Files.readAllLines(dir.resolve("web.log"))).hasSize(1000);
    assertThat(reader.hasLogs("nothing")).isFalse();
  }

  @Test
  void rotatesBySizeAndKeepsTheConfiguredNumberOfFiles() throws Exception {
    String format = dir.resolve("{service}.log").toString();
    try (LogFileWriter writer = new LogFileWriter(format, 10_000, 2)) {
      for (int i = 0; i < 2000; i++) {
        writer.write(line(i, "stdout", "main", "line " + i));
      }
    }

    assertThat(Files.size(dir.resolve("web.log"))).isLessThanOrEqualTo(10_000);
    assertThat(dir.resolve("web.log.1")).exists();
    assertThat(dir.resolve("web.log.2")).exists();
    assertThat(dir.resolve("web.log.3")).doesNotExist();
    LogFileReader.Read last = new LogFileReader(format).tail("web", LogFilter.all(), 150);
    assertThat(messages(last)).hasSize(150).endsWith("line 1999").startsWith("line 1850");
  }

  @Test
  void linesWrittenTogetherGoToEachServicesFileInOrderAndRotateWithoutLoss() throws Exception {
    String format = dir.resolve("{service}.log").toString();
    try (LogFileWriter writer = new LogFileWriter(format, 10_000, 20)) {
      List<LogLine> batch = new java.util.ArrayList<>();
      for (int i = 0; i < 300; i++) {
        batch.add(line(i, "stdout", "main", "line " + i));
        batch.add(
            LogLine.of(T0.plusSeconds(i), "deploy", "local", "api", "main", "event", "a" + i));
      }
      writer.write(batch);
    }

    assertThat(dir.resolve("web.log.2")).exists();
    assertThat(messagesOfAllFiles("web"))
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 300).mapToObj(i -> "line " + i).toList());
    assertThat(messagesOfAllFiles("api"))
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 300).mapToObj(i -> "a" + i).toList());
  }

  /** The messages of a service's files, oldest rotated file first; each file within its bound. */
  private List<String> messagesOfAllFiles(String service) throws java.io.IOException {
    List<String> messages = new java.util.ArrayList<>();
    for (int i = 20; i >= 0; i--) {
      Path file = dir.resolve(service + (i == 0 ? ".log" : ".log." + i));
      if (Files.exists(file)) {
        assertThat(Files.size(file)).as(file.toString()).isLessThanOrEqualTo(10_000);
        Files.readAllLines(file)
            .forEach(l -> messages.add(LogLine.parse(l).orElseThrow().message()));
      }
    }
    return messages;
  }

  @Test
  void aTimeRangeIsFoundBySeekingAndSpansRotatedFiles() throws Exception {
    String format = dir.resolve("{service}.log").toString();
    try (LogFileWriter writer = new LogFileWriter(format, 200_000, 5)) {
      for (int i = 0; i < 5000; i++) {
        writer.write(line(i, "stdout", "main", "line " + i));
      }
    }

    LogFileReader.Read range =
        new LogFileReader(format)
            .range("web", LogFilter.all(), T0.plusSeconds(1234), T0.plusSeconds(1236), 100);
    LogFileReader.Read limited =
        new LogFileReader(format)
            .range("web", LogFilter.all(), T0.plusSeconds(10), T0.plusSeconds(4000), 2);

    assertThat(messages(range)).containsExactly("line 1234", "line 1235", "line 1236");
    assertThat(messages(limited)).containsExactly("line 10", "line 11");
  }

  private static LogLine lineAt(long millis, String message) {
    return LogLine.of(T0.plusMillis(millis), "stdout", "local", "web", "main", "event", message);
  }

  @Test
  void linesStoredALittleLateAreReadInTimeOrderByRangesAndTheLastN() throws Exception {
    String format = dir.resolve("{service}.log").toString();
    try (LogFileWriter writer = new LogFileWriter(format, 1 << 20, 2)) {
      for (int i = 0; i < 2000; i++) {
        writer.write(lineAt(i * 5L, "early " + i)); // 0 to 10 s
      }
      writer.write( // as a collector's round stores them: 11.0 s comes after 12.0 s
          List.of(
              lineAt(10_000, "a"),
              lineAt(10_500, "b"),
              lineAt(11_500, "d"),
              lineAt(12_000, "e"),
              lineAt(11_000, "c late"),
              lineAt(12_500, "f")));
    }
    LogFileReader reader = new LogFileReader(format);

    assertThat(
            messages(
                reader.range(
                    "web", LogFilter.all(), T0.plusMillis(10_900), T0.plusMillis(11_200), 100)))
        .containsExactly("c late");
    assertThat(
            messages(
                reader.range("web", LogFilter.all(), T0.plusMillis(10_000), T0.plusSeconds(20), 3)))
        .containsExactly("a", "b", "c late");
    assertThat(messages(reader.tail("web", LogFilter.all(), 3))).containsExactly("d", "e", "f");
    assertThat(messages(reader.tail("web", LogFilter.all(), 4)))
        .containsExactly("c late", "d", "e", "f");
  }

  @Test
  void filtersByComponentInstanceClusterAndTask() throws Exception {
    String format = dir.resolve("{service}.log").toString();
    try (LogFileWriter writer = new LogFileWriter(format, 1 << 20, 1)) {
      writer.write(line(1, "stdout", "main", "a"));
      writer.write(line(2, "deploy", "main", "b"));
      writer.write(line(3, "stdout", "canary", "c"));
      writer.write(LogLine.of(T0.plusSeconds(4), "stdout", "other", "web", "main", "event", "d"));
      writer.write(
          LogLine.output(T0.plusSeconds(5), "stderr", "local", "web", "main", "abcdef", "e"));
      writer.write(LogLine.of(T0.plusSeconds(6), "build", null, "web", null, "event", "f"));
    }
    LogFileReader reader = new LogFileReader(format);

    assertThat(
            messages(
                reader.tail(
                    "web", filter(Set.of("stdout", "stderr"), Set.of(), Set.of(), null), 10)))
        .containsExactly("a", "c", "d", "e");
    assertThat(
            messages(
                reader.tail(
                    "web",
                    filter(
                        LogComponents.expand(List.of("app_output")),
                        Set.of("local"),
                        Set.of("main"),
                        null),
                    10)))
        .containsExactly("a", "e");
    assertThat(
            messages(
                reader.tail(
                    "web",
                    filter(Set.copyOf(LogComponents.KNOWN), Set.of("local"), Set.of("main"), null),
                    10)))
        .containsExactly("a", "b", "e", "f");
    assertThat(
            messages(
                reader.tail(
                    "web", filter(Set.copyOf(LogComponents.KNOWN), Set.of(), Set.of(), "abc"), 10)))
        .containsExactly("e");
  }

  private static LogFilter filter(
      Set<String> components, Set<String> clusters, Set<String> instances, String task) {
    return new LogFilter(components, clusters, instances, Optional.ofNullable(task));
  }

  @Test
  void mergesTheFilesOfAServiceInTimeOrder() throws Exception {
    String format = dir.resolve("{service}/{component}-{instance}.log").toString();
    try (LogFileWriter writer = new LogFileWriter(format, 1 << 20, 1)) {
      writer.write(line(1, "deploy", "main", "1"));
      writer.write(line(3, "stdout", "main", "3"));
      writer.write(line(2, "stdout", "canary", "2"));
      writer.write(line(5, "deploy", "main", "5"));
      writer.write(line(4, "stderr", "main", "4"));
    }
    LogFileReader reader = new LogFileReader(format);

    assertThat(reader.filesOf("web")).hasSize(4);
    assertThat(messages(reader.tail("web", LogFilter.all(), 10)))
        .containsExactly("1", "2", "3", "4", "5");
    assertThat(messages(reader.tail("web", LogFilter.all(), 2))).containsExactly("4", "5");
    assertThat(
            messages(
                reader.range("web", LogFilter.all(), T0.plusSeconds(2), T0.plusSeconds(4), 10)))
        .containsExactly("2", "3", "4");
  }

  @Test
  void skipsAndCountsLinesCutByACrashNotJsonOrBinary() throws Exception {
    Path file = dir.resolve("web.log");
    String good = line(1, "stdout", "main", "good").toJson();
    Files.write(
        file,
        (good.substring(0, 40) + "\nnot json at all\n\u0000\u0001\u00ff binary\n" + good + "\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    Files.write(
        file, good.substring(0, 30).getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

    LogFileReader.Read read =
        new LogFileReader(dir.resolve("{service}.log").toString()).tail("web", LogFilter.all(), 10);

    assertThat(messages(read)).containsExactly("good");
    assertThat(read.invalidLines()).isEqualTo(4);
  }

  @Test
  void followReturnsNewLinesOnlyAndKeepsFollowingAcrossRotation() throws Exception {
    String format = dir.resolve("{service}.log").toString();
    try (LogFileWriter writer = new LogFileWriter(format, 2_000, 3)) {
      writer.write(line(0, "stdout", "main", "before"));
      try (LogFollower follower = new LogFollower(format, "web", LogFilter.all())) {
        assertThat(follower.poll()).isEmpty();
        for (int i = 1; i <= 30; i++) {
          writer.write(line(i, "stdout", "main", "line " + i));
          if (i % 7 == 0) {
            assertThat(follower.poll()).hasSize(7); // rotations happen in between
          }
        }
        assertThat(follower.poll()).hasSize(2);
        assertThat(dir.resolve("web.log.1")).exists();
      }
    }
  }

  @Test
  void theSystemConfigsLogWriterSaysWhere() {
    Path state = Path.of("/var/lib/paasta/state");
    assertThat(LogWriterSettings.from(null, state, false).pathFormat())
        .contains("/var/lib/paasta/state/logs/{service}.log");
    assertThat(LogWriterSettings.from(null, state, true).writes()).isFalse();
    assertThat(LogWriterSettings.from(Map.of("driver", "null"), state, true).writes()).isFalse();
    LogWriterSettings old =
        LogWriterSettings.from(
            Map.of("driver", "file", "options", Map.of("path", "/var/log/paasta/paasta.log")),
            state,
            true);
    assertThat(old.pathFormat()).contains("/var/log/paasta/paasta.log");
    LogWriterSettings set =
        LogWriterSettings.from(
            Map.of(
                "driver",
                "file",
                "options",
                Map.of("path_format", "/l/{service}.log", "max_file_bytes", 5000, "keep_files", 1)),
            state,
            true);
    assertThat(set)
        .isEqualTo(new LogWriterSettings(Optional.of("/l/{service}.log"), 5000, 1, List.of()));
    LogWriterSettings bad =
        LogWriterSettings.from(
            Map.of("driver", "file", "options", Map.of("max_file_bytes", -1)), state, true);
    assertThat(bad.problems())
        .containsExactly(
            "log_writer.options.path_format is null: expected a path such as"
                + " \"/var/log/paasta_logs/{service}.log\"; writing to"
                + " /var/lib/paasta/state/logs/{service}.log",
            "log_writer.options.max_file_bytes is -1: expected a whole number of at least 4096;"
                + " using 104857600");
    assertThat(Duration.ZERO).isZero();
  }
}
