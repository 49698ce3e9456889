package io.paasta.backend.docker.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One output stream of a container (its stdout or its stderr) as the engine sends it when asked
 * with timestamps, cut into lines. The engine sends entries {@code <RFC 3339 nano time> <text>}: a
 * whole line ends with a newline; a longer line comes as parts of {@link #MAX_LINE} bytes without
 * one, each with its own time; and the client hands the bytes over in chunks that need not match
 * entries. Each part is a line of its own, so no stored line is longer than {@link #MAX_LINE}
 * bytes. Text that is no UTF-8 is decoded with replacement characters. Pure (one instance per
 * stream).
 */
public final class OutputParser {
  /** The engine's part size: the longest line stored, in bytes. */
  public static final int MAX_LINE = 16 * 1024;

  private static final int MAX_TIME = 40;

  /** A line of output with the engine's time. */
  public record Line(Instant at, String text) {}

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private Instant at;
  private Instant lastTime;

  /** The lines completed by {@code chunk}. */
  public List<Line> feed(byte[] chunk) {
    List<Line> lines = new ArrayList<>();
    for (byte b : chunk) {
      if (at == null) {
        readTime(b, lines);
      } else if (b == '\n') {
        emit(lines);
      } else {
        buffer.write(b);
        if (buffer.size() >= MAX_LINE) {
          emit(lines);
        }
      }
    }
    return lines;
  }

  /** What is left when the stream ends (a last line without newline). */
  public List<Line> end() {
    List<Line> lines = new ArrayList<>();
    if (at != null && buffer.size() > 0) {
      emit(lines);
    }
    return lines;
  }

  /** Reads an entry's time; bytes where none is are text of the previous entry's time. */
  private void readTime(byte b, List<Line> lines) {
    if (b == ' ') {
      Optional<Instant> time = time(buffer.toString(StandardCharsets.US_ASCII));
      if (time.isPresent()) {
        at = time.get();
        buffer.reset();
        return;
      }
    }
    if (b == '\n') {
      if (buffer.size() > 0 && lastTime != null) {
        at = lastTime;
        emit(lines);
      }
      buffer.reset(); // or the newline after a part of exactly MAX_LINE bytes
      return;
    }
    buffer.write(b);
    if (buffer.size() > MAX_TIME) {
      at = lastTime;
      if (at == null) {
        buffer.reset();
      }
    }
  }

  private void emit(List<Line> lines) {
    lines.add(new Line(at, buffer.toString(StandardCharsets.UTF_8)));
    buffer.reset();
    lastTime = at;
    at = null;
  }

  private static Optional<Instant> time(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
