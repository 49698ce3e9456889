package io.paasta.cli.testing;

import java.time.Instant;

/**
 * Canned answers of a job's status and runs endpoints in the JSON contract's shapes (the {@code
 * chronos} object and {@code <run>}s), at {@link #NOW}: three hours after the nightly run of
 * 2026-01-01. Each carries a field the contract does not name, which clients must ignore.
 */
public final class JobAnswers {
  /** The time the answers are relative to. */
  public static final Instant NOW = Instant.parse("2026-01-01T03:00:00Z");

  private JobAnswers() {}

  /** A run of the history; {@code end}, {@code exitCode} and {@code output} may be null. */
  public static String run(
      String id,
      String executionDate,
      String trigger,
      String state,
      String start,
      String end,
      Integer exitCode,
      int attempts,
      String message,
      String output) {
    return "{\"run_id\":\""
        + id
        + "\",\"execution_date\":\""
        + executionDate
        + "\",\"trigger\":\""
        + trigger
        + "\",\"state\":\""
        + state
        + "\",\"start\":"
        + quoted(start)
        + ",\"end\":"
        + quoted(end)
        + ",\"exit_code\":"
        + exitCode
        + ",\"attempts\":"
        + attempts
        + ",\"max_attempts\":3,\"git_sha\":\""
        + StatusAnswers.SHA
        + "\",\"config_hash\":\"config1234abcd\",\"task_id\":\"paasta-job-local-x-"
        + id
        + "\",\"message\":"
        + quoted(message)
        + (output == null ? "" : ",\"output\":" + output)
        + ",\"later_field\":1}";
  }

  /** The nightly run of 2026-01-01, which succeeded in 2 s. */
  public static String succeeded(String id, String output) {
    return run(
        id,
        "2026-01-01T00:00:00Z",
        "schedule",
        "succeeded",
        "2026-01-01T00:00:01Z",
        "2026-01-01T00:00:03Z",
        0,
        1,
        null,
        output);
  }

  /** A rerun for 2025-12-31, running for 12 s, attempt 2 of 3. */
  public static String rerunning(String id) {
    return run(
        id,
        "2025-12-31T00:00:00Z",
        "rerun",
        "running",
        "2026-01-01T02:59:48Z",
        null,
        null,
        2,
        null,
        null);
  }

  /** The nightly run of 2025-12-30, which failed after three attempts. */
  public static String failed(String id, String output) {
    return run(
        id,
        "2025-12-30T00:00:00Z",
        "schedule",
        "failed",
        "2025-12-30T00:00:02Z",
        "2025-12-30T00:04:07Z",
        1,
        3,
        "exit 1 after 3 attempts",
        output);
  }

  /**
   * A job's status answer.
   *
   * @param chronos the {@code chronos} object
   */
  public static String status(String service, String instance, String chronos) {
    return "{\"service\":\""
        + service
        + "\",\"instance\":\""
        + instance
        + "\",\"cluster\":\"local\",\"git_sha\":\""
        + StatusAnswers.SHA
        + "\",\"chronos\":"
        + chronos
        + ",\"something_new\":[1]}";
  }

  /** The SPEC's example: batch-reports.nightly, scheduled, last OK three hours ago. */
  public static String nightly(String running, String runs) {
    return "{\"job_id\":\"batch-reports.nightly\",\"desired_state\":\"Scheduled\",\"run_state\":\""
        + (running == null ? "idle" : "running")
        + "\",\"schedule\":\"R/2026-01-01T00:00:00Z/PT24H\",\"schedule_time_zone\":\"UTC\","
        + "\"epsilon\":\"PT30M\",\"parents\":[],\"next_run\":\"2026-01-02T00:00:00Z\","
        + "\"command\":\"echo building report for 2026-01-01\",\"deployed\":true,\"problem\":null,"
        + "\"last_result\":\"OK\",\"last_result_time\":\"2026-01-01T00:00:00Z\","
        + "\"max_attempts\":3,\"running\":"
        + running
        + ",\"runs\":"
        + runs
        + "}";
  }

  /** batch-reports.summarize: runs after its parent, disabled, never ran. */
  public static String summarizeDisabled() {
    return "{\"job_id\":\"batch-reports.summarize\",\"desired_state\":\"Disabled\","
        + "\"run_state\":\"idle\",\"schedule\":null,\"schedule_time_zone\":\"UTC\","
        + "\"epsilon\":\"PT60S\",\"parents\":[\"batch-reports.nightly\"],\"next_run\":null,"
        + "\"command\":\"echo summarizing 2026-01-01\",\"deployed\":false,"
        + "\"problem\":\"no image deployed for deploy group local.everything\","
        + "\"last_result\":\"New\",\"last_result_time\":null,\"max_attempts\":2,"
        + "\"running\":null,\"runs\":[]}";
  }

  private static String quoted(String text) {
    return text == null ? "null" : "\"" + text + "\"";
  }
}
