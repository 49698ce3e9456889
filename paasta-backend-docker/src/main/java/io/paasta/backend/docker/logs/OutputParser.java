package io.paasta.backend.docker.logs;

import io.paasta.model.UtcInstants;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One output stream of a container (its stdout or its stderr) as the engine sends it when asked
 * with timestamps, cut into lines. The engine sends entries {@code <RFC 3339 nano time> <text>}: a
 * whole line ends with a newline; a longer line comes as parts of {@link #MAX_LINE} bytes without
 * one, each with its own time; and the client hands the bytes over in chunks that need not match
 * entries. Each part is a line of its own, so no stored line is longer than {@link #MAX_LINE}
 * bytes. A line ending in CRLF loses its CR. Text that is no UTF-8 is decoded with replacement
 * characters. Pure (one instance per stream).
 *
 * <p>It runs for every line every task prints, so the text of a line is copied in one piece (not
 * byte by byte) and the engine's time, always {@code YYYY-MM-DDTHH:MM:SS.fffffffffZ}, is read
 * without a general date parser (one is used for any other form).
 */
public final class OutputParser {
  /** The engine's part size: the longest line stored, in bytes. */
  public static final int MAX_LINE = 16 * 1024;

  private static final int MAX_TIME = 40;

  /** A line of output with the engine's time. */
  public record Line(Instant at, String text) {}

  private byte[] buffer = new byte[256];
  private int size;
  private Instant at;
  private Instant lastTime;

  /** The lines completed by {@code chunk}. */
  public List<Line> feed(byte[] chunk) {
    List<Line> lines = new ArrayList<>();
    feed(chunk, 0, chunk.length, lines);
    return lines;
  }

  /** Adds to {@code lines} the lines completed by bytes {@code [from, to)} of {@code chunk}. */
  public void feed(byte[] chunk, int from, int to, List<Line> lines) {
    int i = from;
    while (i < to) {
      if (at == null) {
        readTime(chunk[i++], lines);
        continue;
      }
      int limit = Math.min(to, i + (MAX_LINE - size));
      int newline = indexOf(chunk, (byte) '\n', i, limit);
      int end = newline < 0 ? limit : newline;
      append(chunk, i, end - i);
      if (newline >= 0) {
        if (size > 0 && buffer[size - 1] == '\r') {
          size--; // a line ending in CRLF
        }
        emit(lines);
        i = newline + 1;
      } else {
        i = end;
        if (size >= MAX_LINE) {
          emit(lines);
        }
      }
    }
  }

  /** What is left when the stream ends (a last line without newline). */
  public List<Line> end() {
    List<Line> lines = new ArrayList<>();
    if (at != null && size > 0) {
      emit(lines);
    }
    return lines;
  }

  /** Reads an entry's time; bytes where none is are text of the previous entry's time. */
  private void readTime(byte b, List<Line> lines) {
    if (b == ' ') {
      Optional<Instant> time = time(buffer, size);
      if (time.isPresent()) {
        at = time.get();
        size = 0;
        return;
      }
    }
    if (b == '\n') {
      if (size > 0 && lastTime != null) {
        at = lastTime;
        emit(lines);
      }
      size = 0; // or the newline after a part of exactly MAX_LINE bytes
      return;
    }
    append(b);
    if (size > MAX_TIME) {
      at = lastTime;
      if (at == null) {
        size = 0;
      }
    }
  }

  private void append(byte b) {
    if (size == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    buffer[size++] = b;
  }

  private void append(byte[] bytes, int from, int length) {
    if (size + length > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length));
    }
    System.arraycopy(bytes, from, buffer, size, length);
    size += length;
  }

  private static int indexOf(byte[] bytes, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private void emit(List<Line> lines) {
    lines.add(new Line(at, new String(buffer, 0, size, StandardCharsets.UTF_8)));
    size = 0;
    lastTime = at;
    at = null;
  }

  private static Optional<Instant> time(byte[] text, int length) {
    String time = new String(text, 0, length, StandardCharsets.US_ASCII);
    Instant fast = UtcInstants.parseOrNull(time);
    if (fast != null) {
      return Optional.of(fast);
    }
    try {
      return Optional.of(Instant.parse(time));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
