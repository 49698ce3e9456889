package io.paasta.cli.logs;

import io.paasta.cli.output.Output;
import io.paasta.config.logs.LogEntry;
import io.paasta.config.logs.LogLine;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints log lines as {@code <local time> [component] [cluster] [instance] - message}, the
 * component coloured on a terminal (plain when piped); raw mode prints the stored JSON line, {@code
 * -S} the message alone. A line given twice (a source that caught up after it went away) is printed
 * once. Thread-safe.
 */
public final class LogLinePrinter {
  private static final int REMEMBERED = 10_000;
  private static final Map<String, String> STYLES =
      Map.of(
          "build", "blue",
          "deploy", "cyan",
          "monitoring", "magenta",
          "oom", "red,bold",
          "task_lifecycle", "yellow",
          "stdout", "green",
          "stderr", "red",
          "marathon", "cyan",
          "chronos", "cyan");

  /** How lines are printed. */
  public enum Mode {
    PRETTY,
    RAW,
    MESSAGE_ONLY
  }

  private final Output out;
  private final Mode mode;
  private final DateTimeFormatter time;
  private final Map<String, Boolean> printed =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  public LogLinePrinter(Output out, Mode mode, ZoneId zone) {
    this.out = out;
    this.mode = mode;
    this.time = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(zone);
  }

  /** Prints one line at once (following). */
  public synchronized void print(LogEntry entry) {
    write(entry);
    out.flush();
  }

  /** Prints lines read in one go, flushed once at the end. */
  public synchronized void printAll(List<LogEntry> entries) {
    entries.forEach(this::write);
    out.flush();
  }

  private void write(LogEntry entry) {
    if (printed.put(entry.raw(), Boolean.TRUE) != null) {
      return;
    }
    LogLine line = entry.line();
    switch (mode) {
      case RAW -> out.line(entry.raw());
      case MESSAGE_ONLY -> out.line(line.message());
      default -> {
        if (out.coloured()) {
          out.styled(format(line));
        } else {
          out.line(plain(line)); // no markup to parse when piped
        }
      }
    }
  }

  /** The pretty form without colours, as {@link #format} reads once its markup is dropped. */
  String plain(LogLine line) {
    return time.format(line.timestamp())
        + " ["
        + line.component()
        + "] ["
        + line.cluster()
        + "] ["
        + line.instance()
        + "] - "
        + io.paasta.cli.output.Markup.printable(line.message());
  }

  /** The pretty form, in picocli markup. */
  String format(LogLine line) {
    String style = STYLES.getOrDefault(line.component(), "white");
    return time.format(line.timestamp())
        + " @|"
        + style
        + " ["
        + line.component()
        + "]|@ ["
        + Output.escape(line.cluster())
        + "] ["
        + Output.escape(line.instance())
        + "] - "
        + Output.escape(io.paasta.cli.output.Markup.printable(line.message()));
  }
}
