package io.paasta.cli.api;

import java.util.Objects;

/**
 * One instance of a service in one cluster, as soa-configs configures it: what to ask an API about.
 */
public record InstanceTarget(String service, String cluster, String instance, String deployGroup) {
  public InstanceTarget {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(deployGroup, "deployGroup");
  }

  /** {@code cluster.instance}, the way progress lines name an instance. */
  public String clusterInstance() {
    return cluster + "." + instance;
  }
}
