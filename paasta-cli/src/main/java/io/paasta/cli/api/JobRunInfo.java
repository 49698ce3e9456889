package io.paasta.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One run of a scheduled job, as the API's {@code <run>} objects send it ({@code chronos.runs},
 * {@code GET|POST /v1/services/{s}/{i}/runs}), read tolerantly.
 *
 * @param trigger {@code schedule}, {@code parents}, {@code rerun} or {@code run_now}
 * @param state {@code running}, {@code succeeded}, {@code failed}, {@code skipped} or {@code
 *     killed}
 * @param output its last output lines, when they were asked for
 */
public record JobRunInfo(
    String runId,
    Optional<Instant> executionDate,
    String trigger,
    String state,
    Optional<Instant> start,
    Optional<Instant> end,
    OptionalInt exitCode,
    int attempts,
    int maxAttempts,
    Optional<String> gitSha,
    Optional<String> message,
    List<String> output) {

  public JobRunInfo {
    output = List.copyOf(output);
  }

  public static JobRunInfo from(JsonNode json) {
    return new JobRunInfo(
        JsonFields.text(json, "run_id", "?"),
        JsonFields.instant(json, "execution_date"),
        JsonFields.text(json, "trigger", "unknown"),
        JsonFields.text(json, "state", "unknown"),
        JsonFields.instant(json, "start"),
        JsonFields.instant(json, "end"),
        JsonFields.integer(json, "exit_code"),
        JsonFields.integer(json, "attempts", 0),
        JsonFields.integer(json, "max_attempts", 0),
        JsonFields.text(json, "git_sha").filter(s -> !s.isBlank()),
        JsonFields.text(json, "message").filter(s -> !s.isBlank()),
        JsonFields.texts(json, "output"));
  }

  /** The runs of a {@code {"runs": [...]}} answer (or of a {@code chronos} object). */
  public static List<JobRunInfo> listFrom(JsonNode json) {
    return JsonFields.array(json, "runs").stream().map(JobRunInfo::from).toList();
  }

  /** Started by {@code paasta rerun}. */
  public boolean rerun() {
    return "rerun".equals(trigger);
  }

  /** Still going: neither finished nor given up. */
  public boolean running() {
    return "running".equals(state);
  }

  /** Over, one way or another: succeeded, failed, killed or skipped. */
  public boolean ended() {
    return switch (state) {
      case "succeeded", "failed", "killed", "skipped" -> true;
      default -> false;
    };
  }

  public boolean succeeded() {
    return "succeeded".equals(state);
  }
}
