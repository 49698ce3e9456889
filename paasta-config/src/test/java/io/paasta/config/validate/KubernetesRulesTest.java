package io.paasta.config.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.TestTree;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.SoaConfigsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validate's rules for instances that run on Kubernetes (SPEC section 14). */
class KubernetesRulesTest {
  private static final SchemaValidator SCHEMAS = new SchemaValidator();
  private static final RunLimits PROD_ON_KUBERNETES =
      RunLimits.of(Map.of("kubernetes_clusters", Map.of("prod", Map.of("in_cluster", true))));

  @TempDir Path tmp;
  private Path root;
  private TestTree tree;

  @BeforeEach
  void aTree() throws Exception {
    root = Files.createDirectories(tmp.resolve("soa"));
    tree = new TestTree(root);
  }

  private List<String> blocking(RunLimits limits) {
    return new ServiceCheck(SoaConfigsLoader.open(root), SCHEMAS, limits)
        .check("web").problems().stream().filter(Problem::blocksRun).map(Problem::format).toList();
  }

  @Test
  void upthendownIsRefusedInAKubernetesFile() {
    tree.file(
        "web/kubernetes-dev.yaml",
        "main:",
        "  bounce_method: upthendown",
        "other:",
        "  bounce_method: crossover");
    assertThat(blocking(RunLimits.defaults()))
        .containsExactly(
            "web/kubernetes-dev.yaml:2: main.bounce_method: cannot run on Kubernetes (cluster dev"
                + " is a Kubernetes cluster) (\"upthendown\") - crossover, brutal or downthenup");
  }

  @Test
  void upthendownIsRefusedInAMarathonFileOfAKubernetesClusterOnly() {
    tree.file("web/marathon-prod.yaml", "main:", "  bounce_method: upthendown");
    tree.file("web/marathon-dev.yaml", "main:", "  bounce_method: upthendown");
    assertThat(blocking(PROD_ON_KUBERNETES))
        .containsExactly(
            "web/marathon-prod.yaml:2: main.bounce_method: cannot run on Kubernetes (cluster prod"
                + " is a Kubernetes cluster) (\"upthendown\") - crossover, brutal or downthenup");
    assertThat(blocking(RunLimits.defaults())).isEmpty();
  }

  @Test
  void upthendownInheritedFromServiceYamlIsLocatedThere() {
    tree.file("web/service.yaml", "bounce_method: upthendown");
    tree.file("web/kubernetes-dev.yaml", "main:", "  instances: 2");
    assertThat(blocking(RunLimits.defaults()))
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("web/service.yaml:1: main.bounce_method:"));
  }

  @Test
  void instancesWhoseSanitisedNamesCollideAreRefusedNamingBoth() {
    tree.file(
        "web/kubernetes-dev.yaml",
        "api_v2:",
        "  instances: 1",
        "api--v2:",
        "  instances: 1",
        "api-v2:",
        "  instances: 1");
    assertThat(blocking(RunLimits.defaults()))
        .containsExactly(
            "web/kubernetes-dev.yaml:3: api--v2: has the Kubernetes name web-api--v2, as has"
                + " instance api_v2 in cluster dev (names are lower-cased and '_' is written '--')"
                + " (\"api--v2\") - instance names that stay distinct once sanitised");
  }

  @Test
  void collisionsAreOnlyAProblemOnKubernetesAndWithinOneKind() {
    tree.file("web/marathon-dev.yaml", "api_v2:", "  instances: 1", "api--v2:", "  instances: 1");
    tree.file(
        "web/chronos-prod.yaml",
        "report_a:",
        "  schedule: '0 4 * * *'",
        "  cmd: x",
        "report--a:",
        "  schedule: '0 5 * * *'",
        "  cmd: x");
    tree.file("web/marathon-prod.yaml", "job_b:", "  instances: 1");
    assertThat(blocking(RunLimits.defaults())).isEmpty();
    assertThat(blocking(PROD_ON_KUBERNETES))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .startsWith("web/chronos-prod.yaml:4: report--a: has the Kubernetes name")
                    .contains("as has instance report_a in cluster prod"));
  }

  @Test
  void runLimitsReadTheKubernetesClusters() {
    assertThat(PROD_ON_KUBERNETES.kubernetesClusters()).containsExactly("prod");
    assertThat(RunLimits.of(Map.of()).kubernetesClusters()).isEmpty();
    assertThat(RunLimits.of(Map.of("kubernetes_clusters", "nonsense")).kubernetesClusters())
        .isEmpty();
  }
}
