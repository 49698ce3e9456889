package io.paasta.backend.docker.oom;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Event;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.model.InstanceRef;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the OOM kills of the daemon's cluster: it is handed the engine's {@code oom} events of
 * managed containers (by an {@link io.paasta.backend.docker.events.EngineEventWatcher}; the engine
 * sends one for a kill of any process of the container, its main process or another: on cgroup v1
 * it follows the cgroup's {@code memory.oom_control}), and is told of exited containers the engine
 * marks {@code OOMKilled} (kills the stream missed while the daemon or the engine was down). Kills
 * go to an {@link OomKillHistory}; each new one is reported once to the listener.
 */
public final class OomWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(OomWatcher.class);

  private final DockerClient docker;
  private final String cluster;
  private final OomKillHistory history;
  private volatile Consumer<OomKillReport> listener =
      report -> LOG.warn("oom: {}", report.describe());

  public OomWatcher(DockerClient docker, String cluster, OomKillHistory history) {
    this.docker = docker;
    this.cluster = cluster;
    this.history = history;
  }

  /**
   * Tells {@code listener} of every new kill, once (called on the watcher's or caller's thread).
   */
  public void onKill(Consumer<OomKillReport> listener) {
    this.listener = listener;
  }

  /** When the instance's tasks were OOM-killed within the history's retention, oldest first. */
  public List<Instant> oomKills(InstanceRef ref) {
    return history.times(ref);
  }

  /** Counts the exited containers marked {@code OOMKilled} (each container once). */
  public void observeExited(Collection<ManagedContainer> containers) {
    for (ManagedContainer container : containers) {
      OomEvents.fromExited(container, cluster).ifPresent(this::record);
    }
  }

  /** Counts an engine event when it is an {@code oom} event of the cluster (repeats once). */
  public void handle(Event event) {
    OomEvents.fromEvent(event, cluster).ifPresent(this::record);
  }

  private void record(OomKill kill) {
    if (!history.add(kill)) {
      return;
    }
    OomKillReport report = new OomKillReport(kill, memoryLimitOf(kill.containerId()));
    try {
      listener.accept(report);
    } catch (RuntimeException e) {
      LOG.warn("reporting {} broke: {}", report.describe(), e.toString());
    }
  }

  /** The container's memory limit in bytes (0: none); empty when it cannot be inspected. */
  private OptionalLong memoryLimitOf(String containerId) {
    try {
      InspectContainerResponse inspect = docker.inspectContainerCmd(containerId).exec();
      Long memory = inspect.getHostConfig() == null ? null : inspect.getHostConfig().getMemory();
      return memory == null ? OptionalLong.of(0) : OptionalLong.of(memory);
    } catch (RuntimeException e) {
      return OptionalLong.empty(); // removed already, or the engine went away
    }
  }
}
