package io.paasta.discovery.watch;

import io.paasta.discovery.Endpoint;
import java.util.List;
import java.util.Map;

/**
 * Receives what the {@link DiscoveryWatcher} sees. Called on the watcher's own thread, one call at
 * a time.
 */
public interface DiscoveryListener {
  /**
   * The registered endpoints of every watched namespace that has been read from ZooKeeper, keyed by
   * {@code service.namespace}, endpoints sorted by host and port. A namespace not yet read (for
   * instance while ZooKeeper is down at start-up) is absent; a namespace read and empty maps to an
   * empty list. Called after every change, never twice in a row with the same map.
   */
  void snapshot(Map<String, List<Endpoint>> endpoints);

  /**
   * A node under a watched namespace that is not a usable registration (not JSON, no host or port,
   * a bad port); it is left out of the snapshots. Called once per node and content.
   */
  default void garbage(String path, String problem) {}
}
