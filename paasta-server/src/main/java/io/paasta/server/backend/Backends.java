package io.paasta.server.backend;

import io.paasta.backend.docker.port.PortRange;
import java.util.List;

/** The backends a daemon can run its cluster on, by the name {@code --backend} gives. */
public final class Backends {
  /** The local Docker engine. */
  public static final String LOCAL = "local";

  /** A Kubernetes cluster (the system config's {@code kubernetes_clusters} entry). */
  public static final String KUBERNETES = "kubernetes";

  /** Every name {@link #named} knows, for help texts and errors. */
  public static final List<String> NAMES = List.of(LOCAL, KUBERNETES);

  private Backends() {}

  /**
   * @param portRange the host ports tasks get as PORT0..., {@code FIRST-LAST} (the {@code local}
   *     backend's)
   * @throws IllegalArgumentException naming the value (and the known backends) when unknown or
   *     malformed
   */
  public static BackendFactory named(String name, String portRange) {
    return named(name, portRange, java.nio.file.Path.of(""), true);
  }

  /**
   * As {@link #named}, for the {@code kubernetes} backend too.
   *
   * @param soaDir where the renderer reads a service's smartstack.yaml
   * @param lead whether a {@code kubernetes} backend takes part in the leader election
   */
  public static BackendFactory named(
      String name, String portRange, java.nio.file.Path soaDir, boolean lead) {
    return named(name, portRange, soaDir, lead, false);
  }

  /**
   * As {@link #named}, with the daemon's {@code --force-cleanup} for the {@code kubernetes}
   * backend's clean-up of shared objects.
   */
  public static BackendFactory named(
      String name,
      String portRange,
      java.nio.file.Path soaDir,
      boolean lead,
      boolean forceCleanup) {
    if (KUBERNETES.equals(name)) {
      return new KubernetesBackendFactory(soaDir, lead, forceCleanup);
    }
    if (LOCAL.equals(name)) {
      try {
        return new LocalBackendFactory(PortRange.parse(portRange));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--port-range " + portRange + ": " + e.getMessage(), e);
      }
    }
    throw new IllegalArgumentException(
        "--backend "
            + name
            + ": no such backend; known: "
            + String.join(", ", NAMES)
            + " (local: the Docker engine of this host; kubernetes: the cluster's entry in"
            + " kubernetes_clusters)");
  }

  /**
   * The backend of the cluster: {@code name} when given, else {@code kubernetes} for a cluster the
   * system config lists under {@code kubernetes_clusters} and {@code local} for the others.
   */
  public static BackendFactory forCluster(
      java.util.Optional<String> name, String portRange, java.nio.file.Path soaDir, boolean lead) {
    return forCluster(name, portRange, soaDir, lead, false);
  }

  /** As {@link #forCluster}, with the daemon's {@code --force-cleanup}. */
  public static BackendFactory forCluster(
      java.util.Optional<String> name,
      String portRange,
      java.nio.file.Path soaDir,
      boolean lead,
      boolean forceCleanup) {
    if (name.isPresent()) {
      return named(name.get(), portRange, soaDir, lead, forceCleanup);
    }
    BackendFactory local = named(LOCAL, portRange, soaDir, lead);
    return (system, ports) ->
        KubernetesBackendFactory.clusterOf(system).isPresent()
            ? new KubernetesBackendFactory(soaDir, lead, forceCleanup).start(system, ports)
            : local.start(system, ports);
  }
}
