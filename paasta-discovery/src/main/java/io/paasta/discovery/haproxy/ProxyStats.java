package io.paasta.discovery.haproxy;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A snapshot of HAProxy's stats: frontends with their status ({@code OPEN}, ...) and backends with
 * their servers, by name.
 */
public record ProxyStats(Map<String, String> frontends, Map<String, BackendStats> backends) {
  public ProxyStats {
    frontends = Map.copyOf(frontends);
    backends = java.util.Collections.unmodifiableMap(new TreeMap<>(backends));
  }

  public Optional<BackendStats> backend(String name) {
    return Optional.ofNullable(backends.get(name));
  }

  /** Available servers of a namespace's backend; 0 when HAProxy has no such backend. */
  public int availableCount(String namespace) {
    return backend(namespace).map(BackendStats::availableCount).orElse(0);
  }
}
