package io.paasta.backend.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.paasta.backend.kubernetes.render.InstanceRenderer;
import io.paasta.model.InstanceRef;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.NamespaceConfig;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.backend.BackendException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The renderer of section 14 as the backend calls it, with the cluster's settings. */
public final class InstanceRendering implements KubernetesBackend.Rendering {
  private final KubernetesCluster cluster;
  private final Function<String, Map<String, NamespaceConfig>> namespaces;

  /**
   * @param namespaces a service's SmartStack namespaces (its smartstack.yaml), by service
   */
  public InstanceRendering(
      KubernetesCluster cluster, Function<String, Map<String, NamespaceConfig>> namespaces) {
    this.cluster = cluster;
    this.namespaces = namespaces;
  }

  @Override
  public List<HasMetadata> render(
      InstanceRef ref, DesiredInstance desired, Optional<LongRunningConfig> config) {
    LongRunningConfig instance =
        config.orElseThrow(
            () -> new BackendException(ref + ": deployed but its config could not be read"));
    return InstanceRenderer.render(desired, instance, cluster, namespaces.apply(ref.service()))
        .objects()
        .stream()
        .map(HasMetadata.class::cast)
        .toList();
  }

  /** The desired state, the config and the service's SmartStack namespaces: all it reads. */
  @Override
  public Object inputs(
      InstanceRef ref, DesiredInstance desired, Optional<LongRunningConfig> config) {
    return List.of(desired, config, namespaces.apply(ref.service()));
  }
}
