package io.paasta.config.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Log lines in their stored form (SPEC section 13: JSON with sorted keys as Python's {@code
 * json.dumps(..., sort_keys=True)} writes it, ASCII only), each ending with a newline, back to back
 * in one growing array: what the writer appends to a file in one write. Encoded straight to bytes,
 * as it runs for every line every task prints.
 */
final class EncodedLines {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private byte[] bytes = new byte[4096];
  private int size;
  private int[] ends = new int[64];
  private int count;

  /** Appends {@code line} with its newline. */
  void add(LogLine line) {
    encode(line);
    put((byte) '\n');
    if (count == ends.length) {
      ends = Arrays.copyOf(ends, count * 2);
    }
    ends[count++] = size;
  }

  /** The JSON of {@code line} without a newline. */
  static String json(LogLine line) {
    EncodedLines one = new EncodedLines();
    one.encode(line);
    return new String(one.bytes, 0, one.size, StandardCharsets.US_ASCII);
  }

  int count() {
    return count;
  }

  byte[] bytes() {
    return bytes;
  }

  /** Where line {@code i} starts. */
  int start(int i) {
    return i == 0 ? 0 : ends[i - 1];
  }

  /** Where line {@code i} ends (after its newline). */
  int end(int i) {
    return ends[i];
  }

  private void encode(LogLine line) {
    put((byte) '{');
    field("cluster", line.cluster());
    field("component", line.component());
    field("instance", line.instance());
    field("level", line.level());
    field("message", line.message());
    field("service", line.service());
    line.taskId().ifPresent(id -> field("task_id", id));
    key("timestamp");
    put((byte) '"');
    put(line.timestamp());
    put((byte) '"');
    put((byte) '}');
  }

  private void field(String key, String value) {
    key(key);
    quote(value);
    put((byte) ',');
    put((byte) ' ');
  }

  private void key(String key) {
    ensure(key.length() + 4);
    bytes[size++] = '"';
    for (int i = 0; i < key.length(); i++) {
      bytes[size++] = (byte) key.charAt(i);
    }
    bytes[size++] = '"';
    bytes[size++] = ':';
    bytes[size++] = ' ';
  }

  /** A JSON string as Python's {@code json.dumps} writes it (ASCII only). */
  private void quote(String value) {
    int length = value.length();
    ensure(length + 2);
    bytes[size++] = '"';
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
        bytes[size++] = (byte) c;
        continue;
      }
      ensure(length - i + 6); // room for this escape and the rest unescaped
      switch (c) {
        case '"' -> escape('"');
        case '\\' -> escape('\\');
        case '\n' -> escape('n');
        case '\r' -> escape('r');
        case '\t' -> escape('t');
        case '\b' -> escape('b');
        case '\f' -> escape('f');
        default -> {
          bytes[size++] = '\\';
          bytes[size++] = 'u';
          bytes[size++] = HEX[(c >> 12) & 0xf];
          bytes[size++] = HEX[(c >> 8) & 0xf];
          bytes[size++] = HEX[(c >> 4) & 0xf];
          bytes[size++] = HEX[c & 0xf];
        }
      }
    }
    put((byte) '"');
  }

  private void escape(char c) {
    bytes[size++] = '\\';
    bytes[size++] = (byte) c;
  }

  /** UTC with microseconds, e.g. {@code 2026-01-01T00:00:00.000000Z}. */
  static String time(Instant instant) {
    EncodedLines one = new EncodedLines();
    one.put(instant);
    return new String(one.bytes, 0, one.size, StandardCharsets.US_ASCII);
  }

  private void put(Instant instant) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (time.getYear() < 0 || time.getYear() > 9999) {
      String text = MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
      ensure(text.length());
      for (int i = 0; i < text.length(); i++) {
        bytes[size++] = (byte) text.charAt(i);
      }
      return;
    }
    ensure(27);
    digits(4, time.getYear());
    bytes[size++] = '-';
    digits(2, time.getMonthValue());
    bytes[size++] = '-';
    digits(2, time.getDayOfMonth());
    bytes[size++] = 'T';
    digits(2, time.getHour());
    bytes[size++] = ':';
    digits(2, time.getMinute());
    bytes[size++] = ':';
    digits(2, time.getSecond());
    bytes[size++] = '.';
    digits(6, instant.getNano() / 1000);
    bytes[size++] = 'Z';
  }

  private void digits(int count, int value) {
    for (int i = size + count - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += count;
  }

  private void put(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
