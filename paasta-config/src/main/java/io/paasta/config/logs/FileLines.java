package io.paasta.config.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Lines of one log file read without scanning it: backward from the end in blocks, and the first
 * line at or after an instant by binary search on the line timestamps (a writer appends in time
 * order, so they are sorted within a file).
 */
final class FileLines {
  static final int BLOCK = 64 * 1024;

  /** A line longer than this is no line of ours: dropped while reading backward. */
  static final int MAX_LINE = 1024 * 1024;

  private FileLines() {}

  /**
   * Gives each line before {@code end}, the last first, to {@code each} until it returns false;
   * empty lines are left out.
   */
  static void backward(FileChannel channel, long end, Predicate<String> each) throws IOException {
    long position = end;
    byte[] rest = new byte[0];
    ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
    while (position > 0) {
      int size = (int) Math.min(BLOCK, position);
      position -= size;
      buffer.clear().limit(size);
      readFully(channel, buffer, position);
      byte[] data = new byte[size + rest.length];
      System.arraycopy(buffer.array(), 0, data, 0, size);
      System.arraycopy(rest, 0, data, size, rest.length);
      int lineEnd = data.length;
      for (int i = data.length - 1; i >= 0; i--) {
        if (data[i] == '\n') {
          if (lineEnd - i > 1 && !each.test(text(data, i + 1, lineEnd))) {
            return;
          }
          lineEnd = i;
        }
      }
      rest = lineEnd > MAX_LINE ? new byte[0] : java.util.Arrays.copyOf(data, lineEnd);
    }
    if (rest.length > 0) {
      each.test(text(rest, 0, rest.length));
    }
  }

  /**
   * The offset of the first line whose timestamp is at or after {@code from} (the file's size when
   * none is); lines without a timestamp are passed over.
   */
  static long seek(FileChannel channel, Instant from) throws IOException {
    long lo = 0;
    long hi = channel.size();
    while (hi - lo > BLOCK) {
      long mid = lo + (hi - lo) / 2;
      Optional<Instant> time = firstTimeAfter(channel, mid, hi);
      if (time.isEmpty() || !time.get().isBefore(from)) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    long start = lo == 0 ? 0 : nextLineStart(channel, lo);
    BufferedReader reader = reader(channel, start); // not closed: that would close the channel
    long offset = start;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      Optional<Instant> time = LogLine.timestampOf(line);
      if (time.isPresent() && !time.get().isBefore(from)) {
        return offset;
      }
      offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
    }
    return channel.size();
  }

  /** A reader of the lines from {@code offset} on (closing it closes the channel). */
  static BufferedReader reader(FileChannel channel, long offset) throws IOException {
    channel.position(offset);
    return new BufferedReader(
        new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8), BLOCK);
  }

  /** The timestamp of the first whole line starting after {@code offset} and before {@code end}. */
  private static Optional<Instant> firstTimeAfter(FileChannel channel, long offset, long end)
      throws IOException {
    long start = nextLineStart(channel, offset);
    ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
    int lines = 0;
    while (start < end && lines < 64) {
      buffer.clear();
      int read = channel.read(buffer, start);
      if (read <= 0) {
        return Optional.empty();
      }
      int newline = indexOf(buffer.array(), 0, read, (byte) '\n');
      if (newline < 0) {
        return Optional.empty(); // a line longer than a block: none of ours
      }
      Optional<Instant> time = LogLine.timestampOf(text(buffer.array(), 0, newline));
      if (time.isPresent()) {
        return time;
      }
      start += newline + 1;
      lines++;
    }
    return Optional.empty();
  }

  private static long nextLineStart(FileChannel channel, long offset) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
    long position = offset;
    while (true) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read <= 0) {
        return channel.size();
      }
      int newline = indexOf(buffer.array(), 0, read, (byte) '\n');
      if (newline >= 0) {
        return position + newline + 1;
      }
      position += read;
    }
  }

  private static int indexOf(byte[] data, int from, int to, byte wanted) {
    for (int i = from; i < to; i++) {
      if (data[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position + buffer.position());
      if (read < 0) {
        break;
      }
    }
  }

  private static String text(byte[] data, int from, int to) {
    return new String(data, from, to - from, StandardCharsets.UTF_8);
  }
}
