package io.paasta.server.api;

import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON of scheduled jobs (snake_case, instants as ISO-8601 UTC strings, null when absent): the
 * {@code chronos} object of a job's status, and {@code <run>}s.
 */
final class JobDocument {
  private JobDocument() {}

  /**
   * {@code {job_id, desired_state, run_state, schedule, schedule_time_zone, epsilon, parents,
   * next_run, command, deployed, problem, last_result, last_result_time, max_attempts, running,
   * runs}}.
   *
   * @param runs newest first
   * @param output a run's last lines; empty: runs carry no {@code output}
   */
  static Map<String, Object> chronos(
      JobStatus status,
      List<JobRun> runs,
      Optional<Function<JobRun, List<String>>> output,
      Instant now) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("job_id", status.job().service() + "." + status.job().instance());
    doc.put("desired_state", status.scheduled() ? "Scheduled" : "Disabled");
    doc.put("run_state", runState(status, now));
    doc.put("schedule", status.schedule().orElse(null));
    doc.put("schedule_time_zone", status.timeZone());
    doc.put("epsilon", status.epsilon().toString());
    doc.put("parents", new ArrayList<>(status.parents()));
    doc.put("next_run", status.nextRun().map(Instant::toString).orElse(null));
    doc.put("command", status.command());
    doc.put("deployed", status.deployed());
    doc.put("problem", status.problem().orElse(null));
    doc.put("last_result", lastResult(status.lastResult()));
    doc.put(
        "last_result_time",
        status.lastFinished().map(r -> r.end().orElse(r.executionDate()).toString()).orElse(null));
    doc.put("max_attempts", status.maxAttempts());
    doc.put("running", status.running().map(r -> run(r, output)).orElse(null));
    doc.put("runs", runs(runs, output));
    return doc;
  }

  static List<Map<String, Object>> runs(
      List<JobRun> runs, Optional<Function<JobRun, List<String>>> output) {
    return runs.stream().map(r -> run(r, output)).toList();
  }

  /**
   * {@code {run_id, execution_date, trigger, state, start, end, exit_code, attempts, max_attempts,
   * git_sha, config_hash, task_id, message}}, and {@code output} when asked for.
   */
  static Map<String, Object> run(JobRun run, Optional<Function<JobRun, List<String>>> output) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run_id", run.runId());
    doc.put("execution_date", run.executionDate().toString());
    doc.put("trigger", run.trigger().name().toLowerCase(Locale.ROOT));
    doc.put("state", run.state().name().toLowerCase(Locale.ROOT));
    doc.put("start", run.start().map(Instant::toString).orElse(null));
    doc.put("end", run.end().map(Instant::toString).orElse(null));
    doc.put("exit_code", run.exitCode().isPresent() ? run.exitCode().getAsInt() : null);
    doc.put("attempts", run.attempts());
    doc.put("max_attempts", run.maxAttempts());
    doc.put("git_sha", run.gitSha());
    doc.put("config_hash", run.configHash());
    doc.put("task_id", run.taskId().orElse(null));
    doc.put("message", run.message());
    output.ifPresent(lines -> doc.put("output", new ArrayList<>(lines.apply(run))));
    return doc;
  }

  /**
   * {@code running} while a run runs; {@code queued} when a scheduled time has come and its run has
   * not started; {@code idle} otherwise.
   */
  static String runState(JobStatus status, Instant now) {
    if (status.running().isPresent()) {
      return "running";
    }
    boolean due = status.scheduled() && status.nextRun().map(t -> !t.isAfter(now)).orElse(false);
    return due ? "queued" : "idle";
  }

  private static String lastResult(JobStatus.LastResult result) {
    return switch (result) {
      case OK -> "OK";
      case FAILED -> "Failed";
      case NEW -> "New";
    };
  }
}
