package io.paasta.backend.docker.engine;

import io.paasta.planning.app.Labels;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A container the platform manages (label {@code paasta_managed=true}), as the engine reports it:
 * what every other part of the backend reads (labels carry everything that survives a daemon
 * restart).
 *
 * @param name without the leading slash the engine reports
 * @param startedAt when it last started running; empty while created
 * @param finishedAt when it exited; empty unless EXITED
 * @param exitCode its exit code; empty unless EXITED
 * @param oomKilled whether the engine says the kernel's OOM killer struck it (its {@code
 *     State.OOMKilled}); read for exited containers only, false otherwise
 */
public record ManagedContainer(
    String id,
    String name,
    String image,
    Map<String, String> labels,
    TaskState state,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    OptionalInt exitCode,
    boolean oomKilled) {

  public ManagedContainer {
    Objects.requireNonNull(id, "id");
    labels = Map.copyOf(labels);
  }

  /** A container the OOM killer did not strike (or not known to have). */
  public ManagedContainer(
      String id,
      String name,
      String image,
      Map<String, String> labels,
      TaskState state,
      Optional<Instant> startedAt,
      Optional<Instant> finishedAt,
      OptionalInt exitCode) {
    this(id, name, image, labels, state, startedAt, finishedAt, exitCode, false);
  }

  public Optional<String> label(String key) {
    return Optional.ofNullable(labels.get(key)).filter(value -> !value.isBlank());
  }

  public boolean isRunning() {
    return state == TaskState.RUNNING;
  }

  /** The port of its {@code paasta_port0} label, if it has a valid one. */
  public OptionalInt port0() {
    return label(Labels.PORT0).map(TaskLabels::port).orElse(OptionalInt.empty());
  }

  /** Every host port it was given: its {@code paasta_ports} label, else its port0. */
  public List<Integer> ports() {
    return TaskLabels.ports(labels);
  }
}
