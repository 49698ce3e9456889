package io.paasta.cli.logs;

import io.paasta.config.logs.LogEntry;
import java.util.List;
import java.util.function.Consumer;

/** Where {@code paasta logs} reads a cluster's lines: its API, or the log files on this host. */
public interface LogSource {
  /** What was read, oldest first. */
  record Result(List<LogEntry> entries, boolean hasLogs, long invalidLines) {
    public Result {
      entries = List.copyOf(entries);
    }
  }

  /** For messages: which cluster, and through what. */
  String describe();

  /** The lines {@code query} asks for. */
  Result read(LogQuery query);

  /**
   * Gives each new line to {@code each} as it is written, until the thread is interrupted; keeps
   * following when the source goes away for a while (lines may be given twice then).
   */
  void follow(LogQuery query, Consumer<LogEntry> each) throws InterruptedException;
}
