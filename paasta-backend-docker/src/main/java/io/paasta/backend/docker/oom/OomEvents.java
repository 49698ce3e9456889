package io.paasta.backend.docker.oom;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.paasta.backend.docker.ObservedStateMapper;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.planning.app.Labels;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine says as OOM kills of a cluster's instances: its {@code oom} container events
 * (whose attributes repeat the container's labels, plus its {@code name} and {@code image}) and its
 * exited containers marked {@code OOMKilled}. Pure.
 */
public final class OomEvents {
  /** The engine's action for a container hit by the OOM killer. */
  public static final String OOM_ACTION = "oom";

  private OomEvents() {}

  /**
   * The kill an engine event reports: an {@code oom} event of a managed container of {@code
   * cluster} (or of none) with service and instance labels; empty for any other event.
   */
  public static Optional<OomKill> fromEvent(Event event, String cluster) {
    if (event.getType() != null && event.getType() != EventType.CONTAINER) {
      return Optional.empty();
    }
    String action = event.getAction() != null ? event.getAction() : event.getStatus();
    if (!OOM_ACTION.equals(action) || event.getActor() == null) {
      return Optional.empty();
    }
    String id = event.getActor().getId() != null ? event.getActor().getId() : event.getId();
    Map<String, String> attributes = event.getActor().getAttributes();
    if (id == null || attributes == null || !"true".equals(attributes.get(Labels.MANAGED))) {
      return Optional.empty();
    }
    Optional<Instant> at = timeOf(event);
    if (at.isEmpty() || !ObservedStateMapper.belongsTo(attributes, cluster)) {
      return Optional.empty();
    }
    String name = attributes.getOrDefault("name", "");
    return ObservedStateMapper.refOf(attributes, cluster)
        .map(ref -> new OomKill(ref, id, name, at.get(), OomKill.Source.EVENT));
  }

  /**
   * The kill an exited container of {@code cluster} stands for when the engine marks it {@code
   * OOMKilled} (at its finish time); empty otherwise.
   */
  public static Optional<OomKill> fromExited(ManagedContainer container, String cluster) {
    if (container.state() != TaskState.EXITED
        || !container.oomKilled()
        || container.finishedAt().isEmpty()
        || !ObservedStateMapper.belongsTo(container, cluster)) {
      return Optional.empty();
    }
    return ObservedStateMapper.refOf(container, cluster)
        .map(
            ref ->
                new OomKill(
                    ref,
                    container.id(),
                    container.name(),
                    container.finishedAt().get(),
                    OomKill.Source.EXIT));
  }

  /** The event's time, to the nanosecond when the engine gives it. */
  static Optional<Instant> timeOf(Event event) {
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
