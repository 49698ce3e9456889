package io.paasta.backend.docker.events;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.paasta.backend.docker.ObservedStateMapper;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's container events as the backend reads them: whose task (the attributes repeat the
 * container's labels) and what happened. Pure.
 */
public final class ContainerEvents {
  /** A task's main process exited (by itself, killed, or stopped). */
  public static final String DIE = "die";

  /** The kernel's OOM killer killed a process of a task (any process of its cgroup). */
  public static final String OOM = "oom";

  private ContainerEvents() {}

  /** The event's action ({@code die}, {@code oom}, ...); "" when it has none. */
  public static String action(Event event) {
    String action = event.getAction() != null ? event.getAction() : event.getStatus();
    return action == null ? "" : action;
  }

  /** The container's id; empty when the event names none. */
  public static Optional<String> containerId(Event event) {
    if (event.getActor() != null && event.getActor().getId() != null) {
      return Optional.of(event.getActor().getId());
    }
    return Optional.ofNullable(event.getId());
  }

  /**
   * The instance of a container event of a managed task of {@code cluster} (or of none); empty for
   * other events.
   */
  public static Optional<InstanceRef> refOf(Event event, String cluster) {
    if (event.getType() != null && event.getType() != EventType.CONTAINER) {
      return Optional.empty();
    }
    Map<String, String> attributes =
        event.getActor() == null ? null : event.getActor().getAttributes();
    if (attributes == null
        || !"true".equals(attributes.get(Labels.MANAGED))
        || !ObservedStateMapper.isServiceTaskOf(attributes, cluster)) {
      return Optional.empty();
    }
    return ObservedStateMapper.refOf(attributes, cluster);
  }

  /** The event's time, to the nanosecond when the engine gives it. */
  public static Optional<Instant> timeOf(Event event) {
    if (event.getTimeNano() != null && event.getTimeNano() > 0) {
      long nanos = event.getTimeNano();
      return Optional.of(Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L));
    }
    if (event.getTime() != null && event.getTime() > 0) {
      return Optional.of(Instant.ofEpochSecond(event.getTime()));
    }
    return Optional.empty();
  }

  /** An instant as the engine's {@code since} parameter: Unix seconds with nanoseconds. */
  public static String engineTime(Instant instant) {
    return instant.getEpochSecond() + "." + String.format("%09d", instant.getNano());
  }
}
