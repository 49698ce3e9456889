package io.paasta.config.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads what the {@link LogFileWriter} wrote for a service: the last N lines (from the end of the
 * files, never scanning them), or a time range (its start found by binary search), the lines of all
 * files merged in time order. Lines that do not parse (cut by a crash, not JSON) are skipped and
 * counted.
 *
 * <p>A file is in time order but for lines stored a little late (the collector stores a round of
 * several tasks' lines together, finds a new task at its next scan): a time range and the last N
 * lines take lines up to {@link #DISORDER} out of order into account, and give them in time order.
 * Lines stored later than that after newer ones (the output a task printed while the daemon was
 * down, collected when it is back) are found by a time range only when the range reaches past them,
 * and may be left out of the last N (which then end with the newest lines, in time order).
 */
public final class LogFileReader {
  /** How far out of time order a file's lines may be and still be read in order. */
  static final Duration DISORDER = Duration.ofSeconds(2);

  private final LogPaths paths;

  public LogFileReader(String pathFormat) {
    this.paths = new LogPaths(pathFormat);
  }

  /** What was read, oldest first, and how many stored lines were skipped as invalid. */
  public record Read(List<LogEntry> entries, long invalidLines) {
    public Read {
      entries = List.copyOf(entries);
    }
  }

  /** Whether anything was ever written for {@code service}. */
  public boolean hasLogs(String service) throws IOException {
    return !paths.filesOf(service).isEmpty();
  }

  /** The files the reader reads for {@code service} (each oldest first). */
  public List<List<Path>> filesOf(String service) throws IOException {
    return paths.filesOf(service);
  }

  /** The last {@code count} lines of {@code service} that {@code filter} accepts, oldest first. */
  public Read tail(String service, LogFilter filter, int count) throws IOException {
    AtomicLong invalid = new AtomicLong();
    List<LogEntry> all = new ArrayList<>();
    for (List<Path> files : paths.filesOf(service)) {
      all.addAll(tailOf(files, service, filter, count, invalid));
    }
    all.sort(Comparator.comparing(e -> e.line().timestamp()));
    return new Read(all.subList(Math.max(0, all.size() - count), all.size()), invalid.get());
  }

  /**
   * The lines of {@code service} that {@code filter} accepts from {@code from} (inclusive) to
   * {@code to} (inclusive), oldest first, at most {@code limit} (the oldest).
   */
  public Read range(String service, LogFilter filter, Instant from, Instant to, int limit)
      throws IOException {
    AtomicLong invalid = new AtomicLong();
    List<LogEntry> all = new ArrayList<>();
    for (List<Path> files : paths.filesOf(service)) {
      all.addAll(rangeOf(files, service, filter, from, to, limit, invalid));
    }
    all.sort(Comparator.comparing(e -> e.line().timestamp()));
    return new Read(all.subList(0, Math.min(limit, all.size())), invalid.get());
  }

  private static List<LogEntry> tailOf(
      List<Path> files, String service, LogFilter filter, int count, AtomicLong invalid)
      throws IOException {
    List<LogEntry> newestFirst = new ArrayList<>();
    PriorityQueue<Instant> newest = new PriorityQueue<>(); // the times of the newest count found
    for (int i = files.size() - 1; i >= 0; i--) {
      try (FileChannel channel = open(files.get(i))) {
        if (channel == null) {
          continue;
        }
        boolean[] more = {true};
        FileLines.backward(
            channel,
            channel.size(),
            text -> {
              Optional<LogEntry> entry = accept(text, service, filter, invalid);
              Optional<Instant> time =
                  entry.isPresent()
                      ? Optional.of(entry.get().line().timestamp())
                      : newest.size() < count ? Optional.empty() : LogLine.timestampOf(text);
              if (newest.size() >= count
                  && time.isPresent()
                  && time.get().isBefore(newest.peek().minus(DISORDER))) {
                more[0] = false; // older than any line that can still be among the last count
                return false;
              }
              entry.ifPresent(
                  e -> {
                    newestFirst.add(e);
                    newest.add(e.line().timestamp());
                    if (newest.size() > count) {
                      newest.poll();
                    }
                  });
              return true;
            });
        if (!more[0]) {
          break;
        }
      }
    }
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  private static List<LogEntry> rangeOf(
      List<Path> files,
      String service,
      LogFilter filter,
      Instant from,
      Instant to,
      int limit,
      AtomicLong invalid)
      throws IOException {
    List<LogEntry> entries = new ArrayList<>();
    Instant early = from.minus(DISORDER);
    Instant late = to.plus(DISORDER);
    Instant latest = from;
    boolean started = false;
    for (Path file : files) {
      try (FileChannel channel = open(file)) {
        if (channel == null || (!started && lastTime(channel).map(early::isAfter).orElse(true))) {
          continue;
        }
        long offset = started ? 0 : FileLines.seek(channel, early);
        started = true;
        try (BufferedReader reader = FileLines.reader(channel, offset)) {
          for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            Optional<LogEntry> entry = accept(text, service, filter, invalid);
            if (entry.isEmpty()) {
              continue;
            }
            Instant at = entry.get().line().timestamp();
            if (at.isAfter(late)) {
              return entries;
            }
            if (at.isBefore(from) || at.isAfter(to)) {
              continue;
            }
            entries.add(entry.get());
            latest = at.isAfter(latest) ? at : latest;
            if (entries.size() >= limit && latest.plus(DISORDER).isBefore(late)) {
              late = latest.plus(DISORDER); // no line after it can be among the first limit
            }
          }
        }
      }
    }
    return entries;
  }

  private static Optional<Instant> lastTime(FileChannel channel) throws IOException {
    Instant[] last = new Instant[1];
    FileLines.backward(
        channel,
        channel.size(),
        text -> {
          last[0] = LogLine.timestampOf(text).orElse(null);
          return last[0] == null;
        });
    return Optional.ofNullable(last[0]);
  }

  /** The entry of a stored line for {@code service} if {@code filter} wants it. */
  static Optional<LogEntry> accept(
      String text, String service, LogFilter filter, AtomicLong invalid) {
    Optional<LogLine> line = LogLine.parse(text);
    if (line.isEmpty()) {
      invalid.incrementAndGet();
      return Optional.empty();
    }
    return line.get().service().equals(service) && filter.accepts(line.get())
        ? Optional.of(new LogEntry(line.get(), text))
        : Optional.empty();
  }

  /** The file open for reading; null when it is gone (rotated away meanwhile). */
  static FileChannel open(Path file) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
