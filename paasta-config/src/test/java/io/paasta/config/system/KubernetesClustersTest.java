package io.paasta.config.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.config.problem.Problem;
import io.paasta.model.KubernetesCluster;
import io.paasta.model.SystemConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesClustersTest {
  private static final String FILE = "/etc/paasta/*.json";

  @TempDir Path tmp;

  /** The system config a {@code 00.json} holding these keys (and the required ones) loads as. */
  private SystemConfig system(Map<String, Object> keys) {
    Map<String, Object> json = new LinkedHashMap<>(keys);
    json.put("cluster", "local");
    json.put("docker_registry", "127.0.0.1:5000");
    try {
      Files.writeString(tmp.resolve("00.json"), new ObjectMapper().writeValueAsString(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SystemConfigLoader.loadUsable(tmp);
  }

  private KubernetesClusters.Read read(Object clusters) {
    return KubernetesClusters.read(system(Map.of("kubernetes_clusters", clusters)), FILE);
  }

  @Test
  void everyKeyAndItsDefaults() {
    KubernetesClusters.Read read =
        read(
            Map.of(
                "prod",
                Map.of(
                    "kubeconfig", "/etc/paasta/prod.kubeconfig",
                    "context", "prod-admin",
                    "registry", "registry.prod:443",
                    "docker_config", "/etc/paasta/docker.json",
                    "namespace_prefix", "svc-"),
                "pods",
                Map.of("in_cluster", true)));
    assertThat(read.problems()).isEmpty();
    assertThat(read.cluster("prod"))
        .contains(
            new KubernetesCluster(
                "prod",
                Optional.of("/etc/paasta/prod.kubeconfig"),
                Optional.of("prod-admin"),
                false,
                "registry.prod:443",
                Optional.of("/etc/paasta/docker.json"),
                "svc-"));
    assertThat(read.cluster("pods"))
        .contains(
            new KubernetesCluster(
                "pods",
                Optional.empty(),
                Optional.empty(),
                true,
                "127.0.0.1:5000",
                Optional.empty(),
                "paastasvc-"));
    assertThat(read.cluster("local")).isEmpty();
  }

  @Test
  void noKeyNoClusters() {
    KubernetesClusters.Read read = KubernetesClusters.read(system(Map.of()), FILE);
    assertThat(read.clusters()).isEmpty();
    assertThat(read.problems()).isEmpty();
  }

  @Test
  void badEntriesAreExplainedAndLeftOutTheOthersRead() {
    KubernetesClusters.Read read =
        read(
            Map.of(
                "a", Map.of("context", "x"),
                "b", Map.of("kubeconfig", 7),
                "c", "kubeconfig",
                "d", Map.of("in_cluster", true, "namespace_prefix", "Bad_Prefix"),
                "e", Map.of("kubeconfig", " ", "in_cluster", "yes"),
                "ok", Map.of("in_cluster", true)));
    assertThat(read.clusters()).containsOnlyKeys("ok");
    assertThat(read.problems().stream().map(Problem::format))
        .containsExactlyInAnyOrder(
            FILE
                + ": kubernetes_clusters.a.kubeconfig: is missing (and in_cluster is not true) -"
                + " the path of a kubeconfig file, or in_cluster: true when the daemon runs as a"
                + " pod",
            FILE + ": kubernetes_clusters.b.kubeconfig: is a whole number (7) - expected a string",
            FILE
                + ": kubernetes_clusters.b.kubeconfig: is missing (and in_cluster is not true) -"
                + " the path of a kubeconfig file, or in_cluster: true when the daemon runs as a"
                + " pod",
            FILE
                + ": kubernetes_clusters.c: is not a dict (\"kubeconfig\") - {kubeconfig: /path |"
                + " in_cluster: true, context, registry, docker_config, namespace_prefix}",
            FILE
                + ": kubernetes_clusters.d.namespace_prefix: is not the start of a Kubernetes"
                + " namespace name (\"Bad_Prefix\") - lower-case letters, digits and '-', such as"
                + " paastasvc-",
            FILE
                + ": kubernetes_clusters.e.kubeconfig: is empty (\" \") - a non-empty string, or"
                + " leave the key out",
            FILE
                + ": kubernetes_clusters.e.in_cluster: is a string (\"yes\") - expected true or"
                + " false",
            FILE
                + ": kubernetes_clusters.e.kubeconfig: is missing (and in_cluster is not true) -"
                + " the path of a kubeconfig file, or in_cluster: true when the daemon runs as a"
                + " pod");
  }

  @Test
  void aKeyThatIsNoDictIsOneProblem() {
    KubernetesClusters.Read read = read(List.of("prod"));
    assertThat(read.clusters()).isEmpty();
    assertThat(read.problems().stream().map(Problem::format))
        .containsExactly(FILE + ": kubernetes_clusters: is a list ([prod]) - expected a dict");
  }
}
