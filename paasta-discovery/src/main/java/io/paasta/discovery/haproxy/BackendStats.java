package io.paasta.discovery.haproxy;

import java.util.List;

/** A backend of HAProxy's stats with its servers (slots), in the order HAProxy lists them. */
public record BackendStats(String name, String status, List<ServerStats> servers) {
  public BackendStats {
    servers = List.copyOf(servers);
  }

  /** How many servers are available (status starting with UP). */
  public int availableCount() {
    return (int) servers.stream().filter(ServerStats::available).count();
  }

  /** Sessions open to {@code target} ({@code ip:port}) now, over every slot routing to it. */
  public int sessionsTo(String target) {
    return servers.stream()
        .filter(s -> s.address().equals(target))
        .mapToInt(ServerStats::sessions)
        .sum();
  }

  /** Whether a server routing to {@code target} ({@code ip:port}) is available. */
  public boolean isUp(String target) {
    return servers.stream().anyMatch(s -> s.address().equals(target) && s.available());
  }
}
