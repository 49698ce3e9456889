package io.paasta.discovery.registration;

import io.paasta.discovery.Endpoint;
import java.util.Objects;

/**
 * One node that must exist in ZooKeeper: a task registered in one namespace at one location.
 *
 * @param path the node's full path ({@link NervePaths#nodePath})
 * @param endpoint what the node holds, as JSON ({@link EndpointJson})
 */
public record Registration(String path, Endpoint endpoint) {
  public Registration {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(endpoint, "endpoint");
    if (!path.startsWith(NervePaths.ROOT + "/")) {
      throw new IllegalArgumentException(
          "a registration lives under " + NervePaths.ROOT + ": " + path);
    }
  }

  /** The node's data: {@code {"host": ..., "port": ..., "name": ..., "weight": ...}}. */
  public byte[] data() {
    return EndpointJson.encode(endpoint);
  }
}
