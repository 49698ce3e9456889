package io.paasta.cli.render;

import io.paasta.cli.UserException;
import io.paasta.config.problem.Problem;
import io.paasta.config.system.KubernetesClusters;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.SystemConfig;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The Kubernetes settings {@code paasta render} renders a cluster with. */
public final class RenderTarget {
  private RenderTarget() {}

  /**
   * The cluster's {@code kubernetes_clusters} entry; a cluster without one is rendered with the
   * defaults (registry: the service's or the system config's {@code docker_registry}, namespace
   * prefix {@code paastasvc-}, no pull secret), and {@code note} says so.
   *
   * @param file how problems name the system config
   * @param serviceRegistry service.yaml's {@code docker_registry}, if any
   * @throws UserException when the cluster's entry is malformed, or no registry is known
   */
  public static KubernetesCluster cluster(
      String name,
      SystemConfig system,
      String file,
      Optional<String> serviceRegistry,
      Consumer<String> note) {
    KubernetesClusters.Read read = KubernetesClusters.read(system, file);
    Optional<KubernetesCluster> configured = read.cluster(name);
    if (configured.isPresent()) {
      return configured.get();
    }
    List<Problem> own = read.problems().stream().filter(p -> isAbout(p, name)).toList();
    if (!own.isEmpty()) {
      throw new UserException(
          own.stream().map(Problem::format).collect(Collectors.joining("; "))
              + " - fix it (paasta system-config shows it)");
    }
    String registry = serviceRegistry.orElse(system.dockerRegistry());
    if (registry.isBlank()) {
      throw new UserException(
          "no registry for cluster "
              + name
              + ": set kubernetes_clusters."
              + name
              + ".registry or docker_registry in the system config, or docker_registry in"
              + " service.yaml");
    }
    note.accept(
        "note: cluster "
            + name
            + " is not in the system config's kubernetes_clusters: rendering with registry "
            + registry
            + " and namespace prefix "
            + KubernetesCluster.DEFAULT_NAMESPACE_PREFIX);
    return new KubernetesCluster(
        name,
        Optional.empty(),
        Optional.empty(),
        false,
        registry,
        Optional.empty(),
        KubernetesCluster.DEFAULT_NAMESPACE_PREFIX);
  }

  private static boolean isAbout(Problem problem, String cluster) {
    String entry = KubernetesClusters.KEY + "." + cluster;
    return problem.subject().equals(entry) || problem.subject().startsWith(entry + ".");
  }
}
