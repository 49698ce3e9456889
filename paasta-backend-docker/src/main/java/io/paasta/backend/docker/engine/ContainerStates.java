package io.paasta.backend.docker.engine;

import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The engine's words for a container's state and times, as the backend's types. */
public final class ContainerStates {
  /** The engine writes "0001-01-01T00:00:00Z" for a time that has not happened. */
  private static final Instant NEVER_BEFORE = Instant.parse("1971-01-01T00:00:00Z");

  private ContainerStates() {}

  /**
   * {@code created} is CREATED; {@code running}, {@code paused} and {@code restarting} still hold
   * the task's resources and are RUNNING; {@code exited}, {@code dead} and {@code removing} are
   * EXITED.
   */
  public static TaskState taskState(String engineState) {
    if (engineState == null) {
      return TaskState.EXITED;
    }
    return switch (engineState) {
      case "created" -> TaskState.CREATED;
      case "running", "paused", "restarting" -> TaskState.RUNNING;
      default -> TaskState.EXITED;
    };
  }

  /** An engine timestamp (RFC 3339 with nanoseconds); empty for the engine's zero time. */
  public static Optional<Instant> time(String engineTime) {
    if (engineTime == null || engineTime.isBlank()) {
      return Optional.empty();
    }
    try {
      Instant instant = OffsetDateTime.parse(engineTime.trim()).toInstant();
      return instant.isBefore(NEVER_BEFORE) ? Optional.empty() : Optional.of(instant);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * When an exited container finished, never before it started: the engine records a container that
   * exits at once as finished up to a millisecond before its start.
   */
  public static Optional<Instant> finishedAt(
      Optional<Instant> startedAt, Optional<Instant> finishedAt) {
    if (startedAt.isPresent()
        && finishedAt.isPresent()
        && finishedAt.get().isBefore(startedAt.get())) {
      return startedAt;
    }
    return finishedAt;
  }
}
