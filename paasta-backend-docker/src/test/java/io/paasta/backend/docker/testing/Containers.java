package io.paasta.backend.docker.testing;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Managed containers for unit tests. */
public final class Containers {
  private Containers() {}

  public static ManagedContainer running(String id, Map<String, String> labels) {
    return new ManagedContainer(
        id,
        "name-" + id,
        "img",
        labels,
        TaskState.RUNNING,
        Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
        Optional.empty(),
        OptionalInt.empty());
  }

  public static ManagedContainer exited(String id, Map<String, String> labels, int exitCode) {
    return new ManagedContainer(
        id,
        "name-" + id,
        "img",
        labels,
        TaskState.EXITED,
        Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
        Optional.of(Instant.parse("2026-01-01T00:01:00Z")),
        OptionalInt.of(exitCode));
  }
}
