package io.paasta.backend.docker.oom;

import com.github.dockerjava.api.model.Event;
import io.paasta.backend.docker.ObservedStateMapper;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.events.ContainerEvents;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.Optional;

/**
 * What the engine says as OOM kills of a cluster's instances: its {@code oom} container events
 * (whose attributes repeat the container's labels, plus its {@code name} and {@code image}) and its
 * exited containers marked {@code OOMKilled}. Pure.
 */
public final class OomEvents {
  private OomEvents() {}

  /**
   * The kill an engine event reports: an {@code oom} event of a managed container of {@code
   * cluster} (or of none) with service and instance labels; empty for any other event.
   */
  public static Optional<OomKill> fromEvent(Event event, String cluster) {
    if (!ContainerEvents.OOM.equals(ContainerEvents.action(event))) {
      return Optional.empty();
    }
    Optional<String> id = ContainerEvents.containerId(event);
    Optional<Instant> at = ContainerEvents.timeOf(event);
    if (id.isEmpty() || at.isEmpty()) {
      return Optional.empty();
    }
    return ContainerEvents.refOf(event, cluster)
        .map(ref -> new OomKill(ref, id.get(), nameOf(event), at.get(), OomKill.Source.EVENT));
  }

  /**
   * The kill an exited container of {@code cluster} stands for when the engine marks it {@code
   * OOMKilled} (at its finish time); empty otherwise.
   */
  public static Optional<OomKill> fromExited(ManagedContainer container, String cluster) {
    if (container.state() != TaskState.EXITED
        || !container.oomKilled()
        || container.finishedAt().isEmpty()
        || !ObservedStateMapper.isServiceTaskOf(container, cluster)) {
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

  /** The container's name in the event's attributes (refOf found them). */
  private static String nameOf(Event event) {
    return event.getActor().getAttributes().getOrDefault("name", "");
  }
}
