package io.paasta.server;

import java.io.PrintStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * The daemon's log: one line per event, {@code <UTC time> <level> <subject>: <message>}, on stdout.
 * Thread-safe (whole lines).
 */
public final class DaemonLog {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

  /** Also told of every line (the services' logs take the lines about an instance). */
  @FunctionalInterface
  public interface Sink {
    void line(String level, String subject, String message);
  }

  private final PrintStream out;
  private final Clock clock;
  private final Sink sink;

  public DaemonLog(PrintStream out, Clock clock) {
    this(out, clock, (level, subject, message) -> {});
  }

  public DaemonLog(PrintStream out, Clock clock, Sink sink) {
    this.out = out;
    this.clock = clock;
    this.sink = sink;
  }

  public void info(String subject, String message) {
    line("INFO", subject, message);
  }

  public void warn(String subject, String message) {
    line("WARN", subject, message);
  }

  public void error(String subject, String message) {
    line("ERROR", subject, message);
  }

  private void line(String level, String subject, String message) {
    String text = TIME.format(clock.instant()) + " " + level + " " + subject + ": " + message;
    synchronized (out) {
      out.println(text);
    }
    sink.line(level, subject, message);
  }
}
