package io.paasta.cli.status;

import static io.paasta.cli.output.Markup.plain;
import static io.paasta.cli.output.Markup.printable;

import io.paasta.cli.api.TaskInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-task table of {@code paasta status -v} (short id, state, health, host:port, started, app)
 * and, with {@code -vv}, the last output lines of each task. Pure: markup lines out.
 */
public final class TaskLines {
  private static final List<String> HEADER =
      List.of("ID", "STATE", "HEALTH", "HOST:PORT", "STARTED", "APP");

  private TaskLines() {}

  public static List<String> of(List<TaskInfo> tasks, int verbose, Instant now) {
    if (tasks.isEmpty()) {
      return List.of("Tasks: none");
    }
    List<List<String>> rows = tasks.stream().map(task -> row(task, now)).toList();
    List<String> lines = new ArrayList<>(List.of("Tasks:"));
    Table.render(HEADER, rows, (r, column) -> styleOf(column, tasks.get(r)))
        .forEach(line -> lines.add("  " + line));
    if (verbose >= 2) {
      tasks.forEach(task -> lines.addAll(output(task)));
    }
    return lines;
  }

  private static List<String> row(TaskInfo task, Instant now) {
    String address =
        task.host().orElse("-") + (task.port().isPresent() ? ":" + task.port().getAsInt() : "");
    String state = task.state() + (task.drain() ? " (draining)" : "");
    if (task.exitCode().isPresent()) {
      state += " (exit " + task.exitCode().getAsInt() + ")";
    }
    String started =
        task.startedAt()
            .map(t -> t.truncatedTo(ChronoUnit.SECONDS) + " (" + age(t, now) + " ago)")
            .orElse("-");
    return List.of(
        shortId(task.id()),
        state,
        task.health(),
        address,
        started,
        task.appId().isEmpty() ? "-" : task.appId());
  }

  private static String styleOf(int column, TaskInfo task) {
    if (column == 1 && task.drain()) {
      return "yellow";
    }
    if (column != 2) {
      return "";
    }
    return switch (task.health()) {
      case "healthy" -> "green";
      case "unhealthy" -> "red";
      default -> "yellow";
    };
  }

  private static List<String> output(TaskInfo task) {
    return outputBlock(plain(shortId(task.id())), task.output(), "  ");
  }

  /**
   * {@code Output of <what> (last N lines):} then each line, indented by {@code indent} more, its
   * control characters removed; nothing when there is no output.
   *
   * @param what markup naming whose output it is
   */
  static List<String> outputBlock(String what, List<String> output, String indent) {
    if (output.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "Output of "
            + what
            + " (last "
            + output.size()
            + (output.size() == 1 ? " line):" : " lines):"));
    output.forEach(line -> lines.add(indent + plain(printable(line))));
    return lines;
  }

  /** A container id (hex) cut to 12 characters, as docker shows it; other ids whole. */
  static String shortId(String id) {
    return id.length() > 12 && id.matches("[0-9a-f]+") ? id.substring(0, 12) : id;
  }

  static String age(Instant then, Instant now) {
    long seconds = Math.max(0, Duration.between(then, now).getSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }
    if (seconds < 86400) {
      return seconds / 3600 + "h" + (seconds % 3600 / 60 == 0 ? "" : seconds % 3600 / 60 + "m");
    }
    return seconds / 86400
        + "d"
        + (seconds % 86400 / 3600 == 0 ? "" : seconds % 86400 / 3600 + "h");
  }
}
