package io.paasta.model;

import java.util.Objects;

/** Where an instance is configured: service, cluster and instance name, and the kind of file. */
public record InstanceRef(String service, String cluster, String instance, InstanceKind kind) {
  public InstanceRef {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(kind, "kind");
  }

  /** {@code service.instance}, the way PaaSTA names an instance within a cluster. */
  public ServiceInstance serviceInstance() {
    return new ServiceInstance(service, instance);
  }

  @Override
  public String toString() {
    return service + "." + instance + " in " + cluster;
  }
}
