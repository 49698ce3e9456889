package io.paasta.deploy.pipeline;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How one step ended.
 *
 * @param exitStatus the exit status of what the step ran, when it ran a command that has one
 * @param detail why it was skipped or failed; empty when it went well
 */
public record StepResult(Status status, OptionalInt exitStatus, String detail) {

  /** The three ways a step ends. */
  public enum Status {
    OK,
    /** Nothing to do (a check the service repository does not define); the pipeline goes on. */
    SKIPPED,
    /** The pipeline stops. */
    FAILED
  }

  public StepResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(exitStatus, "exitStatus");
    Objects.requireNonNull(detail, "detail");
  }

  public static StepResult ok() {
    return new StepResult(Status.OK, OptionalInt.of(0), "");
  }

  public static StepResult skipped(String reason) {
    return new StepResult(Status.SKIPPED, OptionalInt.empty(), reason);
  }

  /** A command that exited with a non-zero status. */
  public static StepResult failed(int exitStatus, String detail) {
    return new StepResult(Status.FAILED, OptionalInt.of(exitStatus), detail);
  }

  /** A failure without an exit status (the step could not start, or threw). */
  public static StepResult failed(String detail) {
    return new StepResult(Status.FAILED, OptionalInt.empty(), detail);
  }

  public boolean isFailed() {
    return status == Status.FAILED;
  }

  /** {@code exit status 2: detail}, {@code detail}, or empty: what a failure line shows. */
  public String explanation() {
    String exit =
        exitStatus.isPresent() && status == Status.FAILED
            ? "exit status " + exitStatus.getAsInt()
            : "";
    if (exit.isEmpty() || detail.isEmpty()) {
      return exit + detail;
    }
    return exit + ": " + detail;
  }
}
