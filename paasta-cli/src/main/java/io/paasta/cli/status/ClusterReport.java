package io.paasta.cli.status;

import java.util.List;
import java.util.Optional;

/**
 * What one cluster's API answered for the requested instances, or why the cluster could not be
 * asked at all (no endpoint, unreachable, the wrong cluster).
 */
public record ClusterReport(
    String cluster,
    Optional<String> endpoint,
    Optional<String> error,
    List<InstanceReport> instances) {

  public ClusterReport {
    instances = List.copyOf(instances);
  }

  public static ClusterReport failed(String cluster, Optional<String> endpoint, String error) {
    return new ClusterReport(cluster, endpoint, Optional.of(error), List.of());
  }

  public boolean failed() {
    return error.isPresent() || instances.stream().anyMatch(InstanceReport::failed);
  }
}
