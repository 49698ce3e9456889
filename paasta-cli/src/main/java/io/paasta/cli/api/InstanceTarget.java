package io.paasta.cli.api;

import java.util.Objects;

/**
 * One instance of a service in one cluster, as soa-configs configures it: what to ask an API about.
 *
 * @param job a scheduled job ({@code chronos-<cluster>.yaml}) rather than a long-running instance
 */
public record InstanceTarget(
    String service, String cluster, String instance, String deployGroup, boolean job) {
  public InstanceTarget {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(deployGroup, "deployGroup");
  }

  /** A long-running instance. */
  public InstanceTarget(String service, String cluster, String instance, String deployGroup) {
    this(service, cluster, instance, deployGroup, false);
  }

  /** {@code cluster.instance}, the way progress lines name an instance. */
  public String clusterInstance() {
    return cluster + "." + instance;
  }
}
