package io.paasta.config.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code file} log writer: appends each line to the file its {@code path_format} names, in one
 * write (a reader never sees half of a line another writer wrote after it), and rotates a file by
 * size before it would grow beyond {@code max_file_bytes}, keeping {@code keep_files} rotated
 * files: so that a task printing without end fills no disk. Lines written together go to each file
 * in one write. Thread-safe.
 */
public final class LogFileWriter implements AutoCloseable {
  private static final int OPEN_FILES = 64;

  private final LogPaths paths;
  private final long maxFileBytes;
  private final int keepFiles;

  /**
   * What this writer knows of each open file's size (others may append too: the size is asked of
   * the file before rotating).
   */
  private final Map<Path, Long> sizes = new java.util.HashMap<>();

  private final Map<Path, FileChannel> open =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, FileChannel> eldest) {
          if (size() > OPEN_FILES) {
            closeQuietly(eldest.getValue());
            sizes.remove(eldest.getKey());
            return true;
          }
          return false;
        }
      };

  public LogFileWriter(String pathFormat, long maxFileBytes, int keepFiles) {
    this.paths = new LogPaths(pathFormat);
    this.maxFileBytes = maxFileBytes;
    this.keepFiles = keepFiles;
  }

  /** A writer of {@code settings} (which must write somewhere). */
  public static LogFileWriter of(LogWriterSettings settings) {
    return new LogFileWriter(
        settings.pathFormat().orElseThrow(), settings.maxFileBytes(), settings.keepFiles());
  }

  /** Appends {@code line}. */
  public void write(LogLine line) throws IOException {
    write(List.of(line));
  }

  /**
   * Appends {@code lines} in their order: the lines of one file in as few writes as rotation allows
   * (one when they fit), each write of whole lines, so that the appends stay atomic.
   */
  public void write(List<LogLine> lines) throws IOException {
    Map<Path, EncodedLines> byPath = new LinkedHashMap<>();
    for (LogLine line : lines) {
      byPath.computeIfAbsent(paths.pathOf(line), p -> new EncodedLines()).add(line);
    }
    synchronized (open) {
      for (Map.Entry<Path, EncodedLines> file : byPath.entrySet()) {
        append(file.getKey(), file.getValue());
      }
    }
  }

  private void append(Path path, EncodedLines lines) throws IOException {
    int i = 0;
    while (i < lines.count()) {
      FileChannel channel = channel(path);
      long size = sizes.getOrDefault(path, 0L);
      int first = lines.end(i) - lines.start(i);
      if (size + first > maxFileBytes
          && (size = channel.size()) > 0
          && size + first > maxFileBytes) {
        rotate(path);
        continue;
      }
      int end = i + 1;
      while (end < lines.count() && size + (lines.end(end) - lines.start(i)) <= maxFileBytes) {
        end++;
      }
      int bytes = lines.end(end - 1) - lines.start(i);
      ByteBuffer buffer = ByteBuffer.wrap(lines.bytes(), lines.start(i), bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      sizes.put(path, size + bytes);
      i = end;
    }
  }

  private FileChannel channel(Path path) throws IOException {
    FileChannel channel = open.get(path);
    if (channel == null || !channel.isOpen()) {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      channel =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      open.put(path, channel);
      sizes.put(path, channel.size());
    }
    return channel;
  }

  private void rotate(Path path) throws IOException {
    closeQuietly(open.remove(path));
    if (keepFiles == 0) {
      Files.deleteIfExists(path);
      return;
    }
    Files.deleteIfExists(LogPaths.rotated(path, keepFiles));
    for (int i = keepFiles - 1; i >= 1; i--) {
      Path older = LogPaths.rotated(path, i);
      if (Files.exists(older)) {
        Files.move(older, LogPaths.rotated(path, i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(path, LogPaths.rotated(path, 1), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    synchronized (open) {
      open.values().forEach(LogFileWriter::closeQuietly);
      open.clear();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
