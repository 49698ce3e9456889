package io.paasta.cli.status;

import static io.paasta.cli.output.Markup.plain;
import static io.paasta.cli.output.Markup.style;

import io.paasta.cli.api.ChronosStatus;
import io.paasta.cli.api.InstanceStatus;
import io.paasta.cli.api.InstanceTarget;
import io.paasta.cli.api.JobRunInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines of {@code paasta status} for a scheduled job, the block of SPEC section 6: desired
 * state, job id, status and last result, schedule (or parents), next run, command, the running run.
 * Pure: picocli markup out, relative times from the given {@code now}.
 */
final class JobStatusLines {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

  private JobStatusLines() {}

  static List<String> of(
      InstanceTarget target, InstanceStatus status, ChronosStatus job, int verbose, Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add("Desired:    " + desired(job));
    String id = job.jobId().isEmpty() ? target.service() + "." + target.instance() : job.jobId();
    lines.add("Job:     " + style("cyan", id));
    lines.add("  Status:   " + state(job) + "  Last: " + last(job, now));
    lines.add("  " + scheduleOrParents(job));
    lines.add("  Next:     " + next(job, now));
    lines.add("  Command:  " + plain(job.command().orElse("-")));
    lines.add("  Running:  " + running(job, now));
    if (!status.deployed() || !job.deployed()) {
      lines.add(
          "  "
              + style("red", "Not deployed")
              + plain(
                  ": deploy group "
                      + target.deployGroup()
                      + " has no image yet (paasta mark-for-deployment -l "
                      + target.deployGroup()
                      + ")"));
    }
    job.problem().ifPresent(p -> lines.add("  Problem:  " + style("red", p)));
    if (verbose >= 1) {
      status.gitSha().ifPresent(sha -> lines.add("  Git sha:  " + plain(sha)));
      lines.addAll(JobRunLines.of(job.runs(), verbose, now));
    }
    return lines;
  }

  private static String desired(ChronosStatus job) {
    return job.disabled() ? style("red", job.desiredState()) : style("green", job.desiredState());
  }

  private static String state(ChronosStatus job) {
    String word = job.disabled() ? style("red", "Not scheduled") : style("green", "Scheduled");
    return word + plain(" (" + job.runState() + ")");
  }

  private static String last(ChronosStatus job, Instant now) {
    String colour =
        switch (job.lastResult()) {
          case "OK" -> "green";
          case "Failed" -> "red";
          default -> "yellow";
        };
    String when =
        job.lastResultTime()
            .map(t -> MINUTE.format(t) + ", " + RelativeTime.of(t, now))
            .orElse("never");
    return style(colour, job.lastResult()) + plain(" (" + when + ")");
  }

  private static String scheduleOrParents(ChronosStatus job) {
    if (job.schedule().isEmpty()) {
      return "Parents:  " + plain(String.join(", ", job.parents()));
    }
    return "Schedule: "
        + plain(job.schedule().get() + " (" + job.scheduleTimeZone() + ")")
        + job.epsilon().map(e -> plain(" Epsilon: " + e)).orElse("");
  }

  private static String next(ChronosStatus job, Instant now) {
    if (job.nextRun().isPresent()) {
      Instant next = job.nextRun().get();
      return plain(MINUTE.format(next) + "Z (" + RelativeTime.of(next, now) + ")");
    }
    if (job.disabled()) {
      return plain("none (disabled)");
    }
    if (job.schedule().isEmpty()) {
      return plain("after each successful run of " + String.join(", ", job.parents()));
    }
    return plain("none (the schedule has no more runs)");
  }

  private static String running(ChronosStatus job, Instant now) {
    Optional<JobRunInfo> run = job.running();
    if (run.isEmpty()) {
      return plain("no");
    }
    JobRunInfo r = run.get();
    int max = r.maxAttempts() > 0 ? r.maxAttempts() : job.maxAttempts();
    String started = r.start().map(s -> "started " + TaskLines.age(s, now) + " ago, ").orElse("");
    return style("green", "yes")
        + plain(
            " ("
                + started
                + "attempt "
                + Math.max(1, r.attempts())
                + (max > 0 ? " of " + max : "")
                + ")"
                + (r.rerun() ? " (Launched by paasta rerun)" : ""));
  }
}
