package io.paasta.backend.docker.jobs;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.events.EngineOutages;
import io.paasta.planning.observed.TaskState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Why a job attempt did not end by itself, when it did not (the run then fails with this message,
 * rather than as the job's own failure):
 *
 * <ul>
 *   <li>the kernel's OOM killer killed it: the engine marks it {@code OOMKilled} and it exited
 *       non-zero;
 *   <li>the Docker engine stopped or restarted under it: it exited non-zero within an outage of the
 *       engine that the backend's event stream saw ({@link EngineOutages}: the stream ends when the
 *       engine closes its API, before it stops its containers; a restarted engine kills the
 *       containers it finds before it answers again). When the daemon itself was down across the
 *       engine's restart, no outage was seen: the attempt is then an ordinary failure with the
 *       engine's exit code (143 or 137 after a stop, 255 when it died with the engine), never a run
 *       left running;
 *   <li>it was created but never started (the daemon stopped between creating and starting it) and
 *       still is {@code grace} after it was first seen so.
 * </ul>
 *
 * An attempt that exited 0 always ended by itself. Thread-safe.
 */
public final class JobTaskFates {
  private final EngineOutages outages;
  private final Clock clock;
  private final Duration createdGrace;
  private final Map<String, Instant> createdSince = new ConcurrentHashMap<>();

  /**
   * @param createdGrace how long an attempt may stay created (not started) before it counts as lost
   */
  public JobTaskFates(EngineOutages outages, Clock clock, Duration createdGrace) {
    this.outages = outages;
    this.clock = clock;
    this.createdGrace = createdGrace;
  }

  /** Why the attempt's container did not end by itself; empty when it did, or runs. */
  public Optional<String> lostReason(ManagedContainer container) {
    if (container.state() == TaskState.CREATED) {
      return neverStarted(container);
    }
    createdSince.remove(container.id());
    if (container.state() != TaskState.EXITED
        || container.exitCode().isEmpty()
        || container.exitCode().getAsInt() == 0) {
      return Optional.empty();
    }
    int code = container.exitCode().getAsInt();
    if (container.oomKilled()) {
      return Optional.of(
          "the kernel's OOM killer killed it (exit code "
              + code
              + "): it needs more memory than its mem limit - raise mem for the job");
    }
    if (outages.stoppedByEngine(container)) {
      return Optional.of(
          "the Docker engine stopped or restarted while it ran (it ended at "
              + container.finishedAt().map(Instant::toString).orElse("?")
              + " with exit code "
              + code
              + "): not a failure of the job's own");
    }
    return Optional.empty();
  }

  private Optional<String> neverStarted(ManagedContainer container) {
    Instant now = clock.instant();
    Instant since = createdSince.computeIfAbsent(container.id(), id -> now);
    if (now.isBefore(since.plus(createdGrace))) {
      return Optional.empty();
    }
    return Optional.of(
        "its container "
            + container.name()
            + " was created but never started (the daemon stopped between creating and starting"
            + " it)");
  }

  /** Forgets what it noted of containers not among {@code listed} (removed ones). */
  public void retainOnly(Collection<ManagedContainer> listed) {
    Set<String> ids = listed.stream().map(ManagedContainer::id).collect(Collectors.toSet());
    createdSince.keySet().retainAll(ids);
  }
}
