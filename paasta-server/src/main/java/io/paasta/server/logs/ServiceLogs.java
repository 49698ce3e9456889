package io.paasta.server.logs;

import io.paasta.config.logs.LogComponents;
import io.paasta.config.logs.LogFileReader;
import io.paasta.config.logs.LogFileWriter;
import io.paasta.config.logs.LogFilter;
import io.paasta.config.logs.LogLine;
import io.paasta.config.logs.LogWriterSettings;
import io.paasta.model.InstanceRef;
import io.paasta.monitoring.alert.Event;
import io.paasta.planning.backend.TaskLogSink;
import io.paasta.server.DaemonLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The daemon's writer of the services' log lines ({@code paasta logs}): {@code deploy} lines (the
 * daemon's log lines about an instance: bounces, scaling, cleanup, failures), {@code monitoring}
 * (alerts and resolutions), {@code oom}, {@code task_lifecycle} and the tasks' {@code
 * stdout}/{@code stderr} from the backend's collector, and the lines the CLI posts. Writing never
 * stops the daemon: a failure is told once on the daemon's log until a write works again.
 */
public final class ServiceLogs implements TaskLogSink, AutoCloseable {
  /** How long positions of tasks not heard of are kept. */
  static final Duration FORGET_TASKS_AFTER = Duration.ofDays(7);

  private static final Pattern INSTANCE_SUBJECT = Pattern.compile("([^.\\s]+)\\.([^.\\s]+)");

  private final Optional<LogFileWriter> writer;
  private final Optional<String> pathFormat;
  private final String cluster;
  private final TaskLogPositions positions;
  private final DaemonLog warnings;
  private final Clock clock;
  private volatile boolean failing;

  ServiceLogs(
      LogWriterSettings settings,
      String cluster,
      TaskLogPositions positions,
      DaemonLog warnings,
      Clock clock) {
    this.writer = settings.writes() ? Optional.of(LogFileWriter.of(settings)) : Optional.empty();
    this.pathFormat = settings.pathFormat();
    this.cluster = cluster;
    this.positions = positions;
    this.warnings = warnings;
    this.clock = clock;
    settings.problems().forEach(p -> warnings.warn("logs", "system config: " + p));
  }

  /**
   * The services' logs as {@code settings} say, with the collector's positions in {@code
   * <stateDir>/logs/positions.json}.
   */
  public static ServiceLogs open(
      LogWriterSettings settings, String cluster, Path stateDir, DaemonLog warnings, Clock clock) {
    return new ServiceLogs(
        settings,
        cluster,
        new TaskLogPositions(
            stateDir.resolve("logs").resolve("positions.json"),
            clock,
            Duration.ofSeconds(1),
            FORGET_TASKS_AFTER),
        warnings,
        clock);
  }

  /** Whether lines are written anywhere (the {@code null} driver writes none). */
  public boolean writes() {
    return writer.isPresent();
  }

  /** Appends one line. */
  public void write(LogLine line) {
    write(List.of(line));
  }

  /** Appends {@code lines} together (one write per file). */
  private void write(List<LogLine> lines) {
    if (writer.isEmpty() || lines.isEmpty()) {
      return;
    }
    try {
      writer.get().write(lines);
      failing = false;
    } catch (IOException | RuntimeException e) {
      if (!failing) {
        failing = true;
        warnings.warn(
            "logs",
            "cannot write the log line of "
                + lines.get(0).service()
                + " ("
                + e
                + "); lines are lost until a write works again (system config: log_writer)");
      }
    }
  }

  /**
   * The daemon's log lines about an instance (subject {@code service.instance}) as deploy lines.
   */
  public DaemonLog.Sink deployLines() {
    return (level, subject, message) -> {
      var m = INSTANCE_SUBJECT.matcher(subject);
      if (m.matches()) {
        write(
            LogLine.of(
                clock.instant(),
                LogComponents.DEPLOY,
                cluster,
                m.group(1),
                m.group(2),
                LogLine.EVENT,
                ("INFO".equals(level) ? "" : level + " ") + message));
      }
    };
  }

  /** An OOM kill of a task of {@code ref}. */
  public void oom(InstanceRef ref, String description) {
    write(
        LogLine.of(
            clock.instant(),
            LogComponents.OOM,
            cluster,
            ref.service(),
            ref.instance(),
            LogLine.EVENT,
            description));
  }

  /** A monitoring event: a check result that changed (alert or resolution). */
  public void monitoring(Event event) {
    write(
        LogLine.of(
            event.at() == null ? clock.instant() : event.at(),
            LogComponents.MONITORING,
            cluster,
            event.ref().service(),
            event.ref().instance(),
            LogLine.EVENT,
            event.transition()
                + " "
                + event.status()
                + " "
                + event.name()
                + ": "
                + event.output()));
  }

  /**
   * The last {@code lines} lines (stdout and stderr) {@code taskId} printed, as stored; empty when
   * none of its output is stored (or nothing is written anywhere, or the files cannot be read).
   */
  public Optional<List<String>> lastOutput(InstanceRef ref, String taskId, int lines) {
    if (writer.isEmpty()
        || positions.storedUpTo(taskId).filter(Instant.EPOCH::isBefore).isEmpty()) {
      return Optional.empty();
    }
    LogFilter filter =
        new LogFilter(
            Set.of(LogComponents.STDOUT, LogComponents.STDERR),
            Set.of(cluster),
            Set.of(ref.instance()),
            Optional.of(taskId));
    try {
      List<String> messages =
          new LogFileReader(pathFormat.orElseThrow())
              .tail(ref.service(), filter, lines).entries().stream()
                  .map(entry -> entry.line().message())
                  .toList();
      return messages.isEmpty() ? Optional.empty() : Optional.of(messages);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<Instant> storedUpTo(String taskId) {
    return positions.storedUpTo(taskId);
  }

  @Override
  public void output(InstanceRef ref, String taskId, String stream, Instant at, String text) {
    write(LogLine.output(at, stream, cluster, ref.service(), ref.instance(), taskId, text));
    positions.stored(taskId, at);
  }

  @Override
  public void outputs(List<Output> lines) {
    write(logLinesOf(lines, cluster));
    Map<String, Instant> last = new LinkedHashMap<>();
    lines.forEach(line -> last.put(line.taskId(), line.at()));
    positions.storedAll(last);
  }

  /** The log lines of tasks' output lines of {@code cluster}. */
  public static List<LogLine> logLinesOf(List<Output> lines, String cluster) {
    List<LogLine> logLines = new ArrayList<>(lines.size());
    for (Output line : lines) {
      logLines.add(
          LogLine.output(
              line.at(),
              line.stream(),
              cluster,
              line.ref().service(),
              line.ref().instance(),
              line.taskId(),
              line.text()));
    }
    return logLines;
  }

  @Override
  public void lifecycle(InstanceRef ref, String taskId, Instant at, String message) {
    if (positions.firstLifecycle(taskId, message)) {
      write(
          new LogLine(
              at,
              LogComponents.TASK_LIFECYCLE,
              cluster,
              ref.instance(),
              LogLine.EVENT,
              message,
              ref.service(),
              Optional.of(taskId)));
    }
  }

  @Override
  public void close() {
    positions.save();
    writer.ifPresent(LogFileWriter::close);
  }
}
