package io.paasta.backend.docker.oom;

import io.paasta.model.InstanceRef;
import java.time.Instant;
import java.util.Objects;

/**
 * The kernel's OOM killer striking a task (a process in its container) of an instance.
 *
 * @param containerName the container's name, without the engine's leading slash
 * @param at when: the engine's {@code oom} event time; for {@link Source#EXIT}, when the container
 *     exited
 * @param source how the kill became known
 */
public record OomKill(
    InstanceRef ref, String containerId, String containerName, Instant at, Source source) {

  /** How a kill became known. */
  public enum Source {
    /** The engine's {@code oom} container event (one per kill, running containers included). */
    EVENT,
    /**
     * An exited container whose inspect says {@code OOMKilled}: a kill the event stream missed (the
     * daemon was down, or the engine restarted). It stands for at least one kill.
     */
    EXIT
  }

  public OomKill {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(containerName, "containerName");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(source, "source");
  }

  /** The first 12 characters of the container id, as {@code docker ps} shows it. */
  public String shortId() {
    return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
  }
}
