package io.paasta.discovery;

/**
 * One registered task of a SmartStack namespace, as nerve wrote it into ZooKeeper and as HAProxy
 * routes to it: {@code {"host": ..., "port": ..., "name": ..., "weight": ...}}.
 *
 * @param name unique per registration (nerve used {@code <host>_<service>.<namespace>} style names)
 */
public record Endpoint(String host, int port, String name, int weight) {
  public Endpoint {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("an endpoint needs a host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("an endpoint's port must be 1-65535, not " + port);
    }
  }
}
