package io.paasta.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code chronos} object of a job's {@code GET /v1/services/{s}/{i}/status}, read tolerantly.
 *
 * @param desiredState {@code Scheduled} or {@code Disabled}
 * @param runState {@code running}, {@code idle} or {@code queued}
 * @param schedule as written; empty for a job with parents
 * @param epsilon an ISO 8601 duration such as {@code PT30M}
 * @param lastResult {@code OK}, {@code Failed} or {@code New}
 * @param runs the recent runs, newest first
 */
public record ChronosStatus(
    String jobId,
    String desiredState,
    String runState,
    Optional<String> schedule,
    String scheduleTimeZone,
    Optional<String> epsilon,
    List<String> parents,
    Optional<Instant> nextRun,
    Optional<String> command,
    boolean deployed,
    Optional<String> problem,
    String lastResult,
    Optional<Instant> lastResultTime,
    int maxAttempts,
    Optional<JobRunInfo> running,
    List<JobRunInfo> runs) {

  public ChronosStatus {
    parents = List.copyOf(parents);
    runs = List.copyOf(runs);
  }

  public static ChronosStatus from(JsonNode json) {
    return new ChronosStatus(
        JsonFields.text(json, "job_id", ""),
        JsonFields.text(json, "desired_state", "Scheduled"),
        JsonFields.text(json, "run_state", "idle"),
        JsonFields.text(json, "schedule").filter(s -> !s.isBlank()),
        JsonFields.text(json, "schedule_time_zone", "UTC"),
        JsonFields.text(json, "epsilon").filter(s -> !s.isBlank()),
        JsonFields.texts(json, "parents"),
        JsonFields.instant(json, "next_run"),
        JsonFields.text(json, "command"),
        !json.has("deployed") || JsonFields.bool(json, "deployed"),
        JsonFields.text(json, "problem").filter(s -> !s.isBlank()),
        JsonFields.text(json, "last_result", "New"),
        JsonFields.instant(json, "last_result_time"),
        JsonFields.integer(json, "max_attempts", 0),
        JsonFields.object(json, "running").map(JobRunInfo::from),
        JobRunInfo.listFrom(json));
  }

  /** Desired state {@code Disabled} (by config or {@code paasta stop}). */
  public boolean disabled() {
    return "Disabled".equalsIgnoreCase(desiredState);
  }
}
