package io.paasta.discovery.watch;

import io.paasta.discovery.location.Location;
import io.paasta.discovery.registration.NervePaths;
import io.paasta.model.ServiceInstance;
import java.util.Objects;

/**
 * A namespace this host routes to, and the location whose registrations it routes to (the
 * namespace's {@code discover} type resolved against this host's location).
 */
public record NamespaceDiscovery(ServiceInstance namespace, Location location) {
  public NamespaceDiscovery {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(location, "location");
  }

  /** The node whose children are the namespace's registrations at that location. */
  public String path() {
    return NervePaths.namespacePath(location, namespace);
  }
}
