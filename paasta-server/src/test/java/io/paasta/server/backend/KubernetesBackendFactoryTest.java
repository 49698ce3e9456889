package io.paasta.server.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.model.SystemConfig;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.BackendPorts;
import io.paasta.server.DaemonProcess;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubernetesBackendFactoryTest {
  private static final SystemConfig LISTED =
      system(
          Map.of(
              "kubernetes_clusters",
              Map.of("norcal", Map.of("kubeconfig", "/nonexistent/kubeconfig"))));

  @Test
  void aClusterListedInKubernetesClustersIsAKubernetesCluster() {
    assertThat(KubernetesBackendFactory.clusterOf(LISTED)).isPresent();
    assertThat(KubernetesBackendFactory.clusterOf(system(Map.of()))).isEmpty();
  }

  @Test
  void theKubernetesBackendOfAnUnlistedClusterIsRefusedNamingTheCluster() {
    BackendFactory factory =
        Backends.named(Backends.KUBERNETES, "31000-32767", Path.of("."), false);
    assertThatThrownBy(() -> factory.start(system(Map.of()), BackendPorts.NONE))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("cluster norcal has no usable entry")
        .hasMessageContaining("kubernetes_clusters");
  }

  @Test
  void anUnreadableKubeconfigIsACleanErrorNamingTheFile() {
    assertThatThrownBy(
            () ->
                Backends.forCluster(Optional.empty(), "31000-32767", Path.of("."), false)
                    .start(LISTED, BackendPorts.NONE))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("kubernetes_clusters.norcal")
        .hasMessageContaining("/nonexistent/kubeconfig");
  }

  private static SystemConfig system(Map<String, Object> raw) {
    return DaemonProcess.systemConfig("norcal", "registry.local:5000", raw);
  }
}
