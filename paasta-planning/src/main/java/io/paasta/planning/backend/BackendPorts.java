package io.paasta.planning.backend;

import java.util.Optional;

/**
 * What the daemon hands a backend when it starts one: the ports the backend calls out through. Both
 * a Docker and a later Kubernetes backend take the same ports, so the daemon's wiring does not
 * depend on which backend runs.
 *
 * @param discoveryDrain takes tasks out of service discovery ({@code hacheck} drains)
 * @param oomKills told of each new OOM kill; empty leaves it to the backend's own log
 * @param taskLogs where the tasks' output and lifecycle go ({@code paasta logs})
 * @param secrets decrypts the secrets of a task's env when it starts (and only then)
 */
public record BackendPorts(
    DiscoveryDrain discoveryDrain,
    Optional<OomKillSink> oomKills,
    TaskLogSink taskLogs,
    SecretResolver secrets) {
  /** No service discovery, OOM kills to the backend's own log (tools, tests). */
  public static final BackendPorts NONE = new BackendPorts(DiscoveryDrain.NONE, Optional.empty());

  /** Ports whose tasks get their env as written ({@code SECRET(name)} left as text). */
  public BackendPorts(
      DiscoveryDrain discoveryDrain, Optional<OomKillSink> oomKills, TaskLogSink taskLogs) {
    this(discoveryDrain, oomKills, taskLogs, SecretResolver.NONE);
  }

  /** Ports without a task log sink (no output is collected). */
  public BackendPorts(DiscoveryDrain discoveryDrain, Optional<OomKillSink> oomKills) {
    this(discoveryDrain, oomKills, TaskLogSink.NONE);
  }
}
