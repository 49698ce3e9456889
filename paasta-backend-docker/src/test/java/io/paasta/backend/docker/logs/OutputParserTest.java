package io.paasta.backend.docker.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputParserTest {
  private static final String T1 = "2026-12-06T03:36:46.418541864Z";
  private static final String T2 = "2026-12-06T03:36:46.418804663Z";

  private static List<OutputParser.Line> feedInChunks(String stream, int chunk) {
    OutputParser parser = new OutputParser();
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    List<OutputParser.Line> lines = new ArrayList<>();
    for (int i = 0; i < bytes.length; i += chunk) {
      lines.addAll(
          parser.feed(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + chunk))));
    }
    lines.addAll(parser.end());
    return lines;
  }

  @Test
  void linesWithTheEnginesTimesWhateverTheChunks() {
    String stream = T1 + " hello\n" + T2 + " world\n";
    for (int chunk : new int[] {1, 7, 1024}) {
      assertThat(feedInChunks(stream, chunk))
          .containsExactly(
              new OutputParser.Line(Instant.parse(T1), "hello"),
              new OutputParser.Line(Instant.parse(T2), "world"));
    }
  }

  @Test
  void theEnginesTimesAreReadAsInstantParseReadsThem() {
    List<String> times =
        List.of(
            T1,
            "2026-12-07T00:00:00.000000001Z",
            "2026-12-07T23:59:59Z",
            "2024-02-29T12:00:00.5Z",
            "1970-01-01T00:00:00.123Z",
            T2);
    StringBuilder stream = new StringBuilder();
    times.forEach(t -> stream.append(t).append(" at ").append(t).append('\n'));

    assertThat(feedInChunks(stream.toString(), 4096))
        .containsExactlyElementsOf(
            times.stream().map(t -> new OutputParser.Line(Instant.parse(t), "at " + t)).toList());
  }

  @Test
  void timesNotInTheEnginesFormAreReadOrTakenAsText() {
    String offset = "2026-12-06T04:36:46.5+01:00";
    String stream = offset + " offset\n" + "2026-13-06T03:36:46Z oops\n";

    assertThat(feedInChunks(stream, 5))
        .containsExactly(
            new OutputParser.Line(Instant.parse("2026-12-06T03:36:46.5Z"), "offset"),
            new OutputParser.Line(
                Instant.parse("2026-12-06T03:36:46.5Z"), "2026-13-06T03:36:46Z oops"));
  }

  @Test
  void theEnginesPartsOfALongLineAreLinesOfTheirOwn() {
    String part = "x".repeat(OutputParser.MAX_LINE);
    String stream = T1 + " " + part + T2 + " " + part + T2 + " tail\n" + T2 + " next\n";

    List<OutputParser.Line> lines = feedInChunks(stream, 1024);

    assertThat(lines)
        .extracting(OutputParser.Line::text)
        .containsExactly(part, part, "tail", "next");
  }

  @Test
  void aLastLineWithoutNewlineComesWhenTheStreamEnds() {
    assertThat(feedInChunks(T1 + " no newline", 3))
        .containsExactly(new OutputParser.Line(Instant.parse(T1), "no newline"));
  }

  @Test
  void invalidUtf8IsReplacedNotFatal() {
    OutputParser parser = new OutputParser();
    byte[] head = (T1 + " ").getBytes(StandardCharsets.US_ASCII);
    byte[] bad = {(byte) 0xff, (byte) 0xfe, 'a', '\n'};
    parser.feed(head);

    assertThat(parser.feed(bad)).singleElement().satisfies(l -> assertThat(l.text()).endsWith("a"));
  }

  @Test
  void aLineEndingInCrlfLosesItsCrWhereverTheChunksEnd() {
    String stream = T1 + " dos\r\n" + T2 + " a\rb\r\n" + T2 + " \r\n";
    for (int chunk : new int[] {1, 2, 3, 1024}) {
      assertThat(feedInChunks(stream, chunk))
          .extracting(OutputParser.Line::text)
          .containsExactly("dos", "a\rb", "");
    }
  }

  @Test
  void rangesOfALargerBufferAreReadAsChunksAre() {
    byte[] bytes = (T1 + " hello\n" + T2 + " world\n").getBytes(StandardCharsets.UTF_8);
    byte[] buffer = new byte[bytes.length + 20];
    System.arraycopy(bytes, 0, buffer, 10, bytes.length);
    OutputParser parser = new OutputParser();
    List<OutputParser.Line> lines = new ArrayList<>();

    parser.feed(buffer, 10, 20, lines);
    parser.feed(buffer, 20, 10 + bytes.length, lines);

    assertThat(lines)
        .containsExactly(
            new OutputParser.Line(Instant.parse(T1), "hello"),
            new OutputParser.Line(Instant.parse(T2), "world"));
  }
}
