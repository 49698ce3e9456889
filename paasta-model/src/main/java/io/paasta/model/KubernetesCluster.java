package io.paasta.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A cluster that runs on Kubernetes, and how to reach it: one entry of the system config's {@code
 * kubernetes_clusters} (our key; SPEC section 14 leaves the form open).
 *
 * @param name the cluster's name, as in {@code kubernetes-<cluster>.yaml}
 * @param kubeconfig the kubeconfig file; empty with {@code inCluster}
 * @param context the kubeconfig context; empty for its current context
 * @param inCluster reach the API server with the pod's service account (the daemon runs as a pod)
 * @param registry {@code host:port} the cluster pulls images from (default: {@code
 *     docker_registry})
 * @param dockerConfig a docker {@code config.json} with pull credentials: the backend makes the
 *     imagePullSecret from it
 * @param namespacePrefix the Kubernetes namespace of a service is this prefix + the service name
 */
public record KubernetesCluster(
    String name,
    Optional<String> kubeconfig,
    Optional<String> context,
    boolean inCluster,
    String registry,
    Optional<String> dockerConfig,
    String namespacePrefix) {
  public static final String DEFAULT_NAMESPACE_PREFIX = "paastasvc-";

  public KubernetesCluster {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kubeconfig, "kubeconfig");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(dockerConfig, "dockerConfig");
    Objects.requireNonNull(namespacePrefix, "namespacePrefix");
  }
}
