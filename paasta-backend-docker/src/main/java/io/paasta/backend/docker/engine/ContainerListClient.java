package io.paasta.backend.docker.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.paasta.planning.app.Labels;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lists the managed containers of the engine (every cluster's, running and exited). The listing
 * lacks start and finish times, so each container is inspected once per engine state it is seen in
 * (a cache: a container's times change only when its state does).
 */
public final class ContainerListClient {
  private final DockerClient docker;
  private final Map<String, Details> details = new ConcurrentHashMap<>();

  public ContainerListClient(DockerClient docker) {
    this.docker = docker;
  }

  /** What inspecting a container adds to the listing, for the state it was listed in. */
  private record Details(
      String listedState,
      TaskState state,
      Optional<Instant> startedAt,
      Optional<Instant> finishedAt,
      OptionalInt exitCode,
      boolean oomKilled) {}

  /** Every container labelled {@code paasta_managed=true}, of every cluster. */
  public List<ManagedContainer> listAll() {
    return list(Map.of(), true);
  }

  /** The managed containers of one service instance (of any cluster); the engine filters them. */
  public List<ManagedContainer> listInstance(String service, String instance) {
    return list(Map.of(Labels.SERVICE, service, Labels.INSTANCE, instance), false);
  }

  /**
   * The managed containers that carry every one of {@code labels}, filtered by the engine. Forgets
   * the cached details of containers not listed: for a client that lists only these.
   */
  public List<ManagedContainer> listOnly(Map<String, String> labels) {
    return list(labels, true);
  }

  /**
   * @param prune whether to forget cached details of containers not listed (only a full listing
   *     may)
   */
  private List<ManagedContainer> list(Map<String, String> labels, boolean prune) {
    Map<String, String> filter = new java.util.HashMap<>(labels);
    filter.put(Labels.MANAGED, "true");
    List<Container> listed =
        docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec();
    List<ManagedContainer> result = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Container container : listed) {
      ids.add(container.getId());
      detailsOf(container)
          .ifPresent(
              d ->
                  result.add(
                      new ManagedContainer(
                          container.getId(),
                          nameOf(container.getNames()),
                          container.getImage(),
                          labelsOf(container.getLabels()),
                          d.state(),
                          d.startedAt(),
                          d.finishedAt(),
                          d.exitCode(),
                          d.oomKilled())));
    }
    if (prune) {
      details.keySet().retainAll(ids);
    }
    return result;
  }

  /** One managed container, inspected now; empty when it is gone or not managed. */
  public Optional<ManagedContainer> inspect(String idOrName) {
    InspectContainerResponse response;
    try {
      response = docker.inspectContainerCmd(idOrName).exec();
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    Map<String, String> labels =
        labelsOf(response.getConfig() == null ? null : response.getConfig().getLabels());
    if (!"true".equals(labels.get(Labels.MANAGED))) {
      return Optional.empty();
    }
    Details d = detailsOf(response, "");
    return Optional.of(
        new ManagedContainer(
            response.getId(),
            nameOf(new String[] {response.getName()}),
            response.getConfig().getImage(),
            labels,
            d.state(),
            d.startedAt(),
            d.finishedAt(),
            d.exitCode(),
            d.oomKilled()));
  }

  private Optional<Details> detailsOf(Container container) {
    Details cached = details.get(container.getId());
    if (cached != null && cached.listedState().equals(container.getState())) {
      return Optional.of(cached);
    }
    try {
      Details fresh =
          detailsOf(docker.inspectContainerCmd(container.getId()).exec(), container.getState());
      details.put(container.getId(), fresh);
      return Optional.of(fresh);
    } catch (NotFoundException e) {
      return Optional.empty(); // removed since the listing
    }
  }

  private static Details detailsOf(InspectContainerResponse response, String listedState) {
    InspectContainerResponse.ContainerState engine = response.getState();
    TaskState state = ContainerStates.taskState(engine == null ? null : engine.getStatus());
    Optional<Instant> startedAt =
        state == TaskState.CREATED || engine == null
            ? Optional.empty()
            : ContainerStates.time(engine.getStartedAt());
    boolean exited = state == TaskState.EXITED && engine != null;
    Optional<Instant> finishedAt =
        exited
            ? ContainerStates.finishedAt(startedAt, ContainerStates.time(engine.getFinishedAt()))
            : Optional.empty();
    OptionalInt exitCode =
        exited && engine.getExitCodeLong() != null
            ? OptionalInt.of(engine.getExitCodeLong().intValue())
            : OptionalInt.empty();
    boolean oomKilled = exited && Boolean.TRUE.equals(engine.getOOMKilled());
    return new Details(
        listedState == null ? "" : listedState, state, startedAt, finishedAt, exitCode, oomKilled);
  }

  static String nameOf(String[] names) {
    if (names == null || names.length == 0 || names[0] == null) {
      return "";
    }
    String name = names[0];
    return name.startsWith("/") ? name.substring(1) : name;
  }

  private static Map<String, String> labelsOf(Map<String, String> labels) {
    if (labels == null) {
      return Map.of();
    }
    Map<String, String> copy = new java.util.HashMap<>();
    labels.forEach(
        (key, value) -> {
          if (key != null && value != null) {
            copy.put(key, value);
          }
        });
    return copy;
  }
}
