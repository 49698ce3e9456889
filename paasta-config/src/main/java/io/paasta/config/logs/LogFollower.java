package io.paasta.config.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows a service's log files as they grow ({@code paasta logs -f}): each {@link #poll} returns
 * the lines appended since the previous one, in time order. A file rotated away is read to its end
 * before its successor is read from its start; files that appear later (a new component's) are read
 * from their start. Only whole lines are returned (a line being written is taken next time).
 */
public final class LogFollower implements AutoCloseable {
  private final LogPaths paths;
  private final String service;
  private final LogFilter filter;
  private final Map<Path, Followed> files = new HashMap<>();
  private final AtomicLong invalid = new AtomicLong();

  private static final class Followed {
    FileChannel channel;
    Object key;
    long offset;
    byte[] partial = new byte[0];
  }

  /** Follows from the current ends of the files: lines written before are not returned. */
  public LogFollower(String pathFormat, String service, LogFilter filter) throws IOException {
    this.paths = new LogPaths(pathFormat);
    this.service = service;
    this.filter = filter;
    for (List<Path> stream : paths.filesOf(service)) {
      Path current = stream.get(stream.size() - 1);
      Followed followed = openAt(current, true);
      if (followed != null) {
        files.put(current, followed);
      }
    }
  }

  /** Lines skipped as invalid so far. */
  public long invalidLines() {
    return invalid.get();
  }

  /** The lines appended since the previous poll, oldest first. */
  public List<LogEntry> poll() throws IOException {
    List<LogEntry> entries = new ArrayList<>();
    for (List<Path> stream : paths.filesOf(service)) {
      Path current = stream.get(stream.size() - 1);
      Followed followed = files.get(current);
      if (followed == null) {
        followed = openAt(current, false);
        if (followed == null) {
          continue;
        }
        files.put(current, followed);
      }
      Object key = keyOf(current);
      if (key != null && !key.equals(followed.key)) {
        readNew(followed, entries); // the rotated file's last lines
        followed.channel.close();
        Followed successor = openAt(current, false);
        if (successor == null) {
          files.remove(current);
          continue;
        }
        files.put(current, successor);
        followed = successor;
      }
      readNew(followed, entries);
    }
    entries.sort(Comparator.comparing(e -> e.line().timestamp()));
    return entries;
  }

  private void readNew(Followed followed, List<LogEntry> entries) throws IOException {
    long size = followed.channel.size();
    if (size < followed.offset) {
      followed.offset = 0; // truncated
      followed.partial = new byte[0];
    }
    while (followed.offset < size) {
      ByteBuffer buffer =
          ByteBuffer.allocate((int) Math.min(FileLines.BLOCK, size - followed.offset));
      int read = followed.channel.read(buffer, followed.offset);
      if (read <= 0) {
        return;
      }
      followed.offset += read;
      byte[] data = new byte[followed.partial.length + read];
      System.arraycopy(followed.partial, 0, data, 0, followed.partial.length);
      System.arraycopy(buffer.array(), 0, data, followed.partial.length, read);
      int start = 0;
      for (int i = 0; i < data.length; i++) {
        if (data[i] == '\n') {
          if (i > start) {
            String text = new String(data, start, i - start, StandardCharsets.UTF_8);
            LogFileReader.accept(text, service, filter, invalid).ifPresent(entries::add);
          }
          start = i + 1;
        }
      }
      int rest = data.length - start;
      followed.partial =
          rest > FileLines.MAX_LINE
              ? new byte[0]
              : java.util.Arrays.copyOfRange(data, start, data.length);
    }
  }

  private static Followed openAt(Path file, boolean atEnd) throws IOException {
    FileChannel channel = LogFileReader.open(file);
    if (channel == null) {
      return null;
    }
    Followed followed = new Followed();
    followed.channel = channel;
    followed.key = keyOf(file);
    followed.offset = atEnd ? channel.size() : 0;
    return followed;
  }

  private static Object keyOf(Path file) throws IOException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return Objects.requireNonNullElse(attributes.fileKey(), attributes.creationTime());
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  @Override
  public void close() throws IOException {
    for (Followed followed : files.values()) {
      followed.channel.close();
    }
    files.clear();
  }
}
