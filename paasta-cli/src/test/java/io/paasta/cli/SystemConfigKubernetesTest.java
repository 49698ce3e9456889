package io.paasta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paasta system-config} on the {@code kubernetes_clusters} key. */
class SystemConfigKubernetesTest {
  private static final String BASE =
      "\"cluster\": \"local\", \"docker_registry\": \"127.0.0.1:5000\"";

  @Test
  void wellFormedClustersAreValid(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("00.json"),
        "{"
            + BASE
            + ", \"kubernetes_clusters\": {\"prod\": {\"kubeconfig\": \"/etc/k\", \"context\":"
            + " \"p\", \"registry\": \"r:443\", \"docker_config\": \"/etc/d.json\","
            + " \"namespace_prefix\": \"apps-\"}, \"pods\": {\"in_cluster\": true}}}");
    CliRun r = CliRun.run("system-config", "-d", dir.toString());
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("✓ valid: cluster local");
  }

  @Test
  void badValuesAreExplainedWithFileKeyValueAndExpectation(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("00.json"),
        "{"
            + BASE
            + ", \"kubernetes_clusters\": {\"prod\": {\"context\": \"p\"},"
            + " \"east\": {\"in_cluster\": true, \"namespace_prefix\": \"Apps_\", \"extra\": 1}}}");
    CliRun r = CliRun.run("system-config", "-d", dir.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            dir
                + "/*.json: kubernetes_clusters.prod.kubeconfig: is missing (and in_cluster is not"
                + " true) - the path of a kubeconfig file, or in_cluster: true when the daemon runs"
                + " as a pod")
        .contains("kubernetes_clusters.east.namespace_prefix")
        .contains("Apps_")
        .contains("kubernetes_clusters.east")
        .contains("extra");
  }
}
