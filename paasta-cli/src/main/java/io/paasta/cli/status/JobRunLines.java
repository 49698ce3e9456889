package io.paasta.cli.status;

import static io.paasta.cli.output.Markup.plain;
import static io.paasta.cli.output.Markup.printable;

import io.paasta.cli.api.JobRunInfo;
import io.paasta.cli.jobs.RunText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's recent runs for {@code paasta status -v} (execution date, trigger, state, start,
 * duration, exit code, attempts, {@code (Launched by paasta rerun)}), and with {@code -vv} each
 * run's last output lines. Pure: markup lines out.
 */
final class JobRunLines {
  private static final List<String> HEADER =
      List.of("EXECUTION DATE", "TRIGGER", "STATE", "START", "DURATION", "EXIT", "ATTEMPTS", "");

  private JobRunLines() {}

  static List<String> of(List<JobRunInfo> runs, int verbose, Instant now) {
    if (runs.isEmpty()) {
      return List.of("  Runs:     none yet");
    }
    List<List<String>> rows = runs.stream().map(run -> row(run, now)).toList();
    List<String> lines = new ArrayList<>(List.of("  Runs:"));
    Table.render(HEADER, rows, (r, column) -> column == 2 ? colour(runs.get(r)) : "")
        .forEach(line -> lines.add("    " + line));
    if (verbose >= 2) {
      runs.forEach(run -> lines.addAll(output(run)));
    }
    return lines;
  }

  private static List<String> row(JobRunInfo run, Instant now) {
    List<String> notes = new ArrayList<>();
    if (run.rerun()) {
      notes.add("(Launched by paasta rerun)");
    }
    run.message().ifPresent(notes::add);
    return List.of(
        run.executionDate().map(JobRunLines::seconds).orElse("-"),
        run.trigger(),
        run.state(),
        run.start().map(JobRunLines::seconds).orElse("-"),
        RunText.duration(run, now).map(RunText::duration).orElse("-"),
        run.exitCode().isPresent() ? String.valueOf(run.exitCode().getAsInt()) : "-",
        run.maxAttempts() > 0
            ? run.attempts() + "/" + run.maxAttempts()
            : String.valueOf(run.attempts()),
        printable(String.join(" ", notes)));
  }

  private static String seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String colour(JobRunInfo run) {
    return switch (run.state()) {
      case "succeeded" -> "green";
      case "failed", "killed" -> "red";
      case "running" -> "cyan";
      default -> "yellow";
    };
  }

  private static List<String> output(JobRunInfo run) {
    String what =
        "run " + run.runId() + run.executionDate().map(d -> " (" + seconds(d) + ")").orElse("");
    return TaskLines.outputBlock(plain(what), run.output(), "  ").stream()
        .map(line -> "  " + line)
        .toList();
  }
}
