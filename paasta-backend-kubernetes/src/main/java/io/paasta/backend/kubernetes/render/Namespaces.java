package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.KubernetesNames;
import java.util.Map;

/**
 * An instance's Kubernetes namespace: the instance key {@code namespace:} when set, else the
 * cluster's prefix ({@code paastasvc-}) + the service, sanitised.
 */
final class Namespaces {
  private Namespaces() {}

  static String name(KubernetesCluster cluster, String service, Map<String, Object> effective) {
    if (effective.get("namespace") instanceof String written && !written.isBlank()) {
      return KubernetesNames.sanitise(written, KubernetesNames.MAX_NAME);
    }
    return KubernetesNames.sanitise(cluster.namespacePrefix() + service, KubernetesNames.MAX_NAME);
  }

  static Namespace object(String name) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(ObjectLabels.managed())
        .endMetadata()
        .build();
  }
}
