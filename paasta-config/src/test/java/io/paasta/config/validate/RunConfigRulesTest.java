package io.paasta.config.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.TestTree;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules validate and the daemon share (issue 12): which problems block a run and which are tree
 * policy, the new bounds, and files that lead out of the soa-configs directory.
 */
class RunConfigRulesTest {
  private static final SchemaValidator SCHEMAS = new SchemaValidator();

  @TempDir Path tmp;
  private Path root;
  private TestTree tree;

  @BeforeEach
  void aTree() throws Exception {
    root = Files.createDirectories(tmp.resolve("soa"));
    tree = new TestTree(root);
  }

  private LoadedService checked(String service, RunLimits limits) {
    return new ServiceCheck(SoaConfigsLoader.open(root), SCHEMAS, limits).check(service);
  }

  private static List<String> blocking(LoadedService loaded) {
    return loaded.problems().stream().filter(Problem::blocksRun).map(Problem::format).toList();
  }

  @Test
  void healthCheckIntervalAndTimeoutAreAtLeastOneSecond() {
    tree.file(
        "web/marathon-dev.yaml",
        "main:",
        "  healthcheck_interval_seconds: 0",
        "  healthcheck_timeout_seconds: -5",
        "ok:",
        "  healthcheck_interval_seconds: 1",
        "  healthcheck_timeout_seconds: 1.5");
    assertThat(blocking(checked("web", RunLimits.defaults())))
        .containsExactly(
            "web/marathon-dev.yaml:2: main.healthcheck_interval_seconds: is too small (0) - at least 1",
            "web/marathon-dev.yaml:3: main.healthcheck_timeout_seconds: is too small (-5) - at least 1");
  }

  @Test
  void instancesAreBoundedByTheClusterLimit() {
    tree.file(
        "web/marathon-dev.yaml",
        "main:",
        "  instances: 100000",
        "auto:",
        "  min_instances: 1",
        "  max_instances: 1001",
        "small:",
        "  instances: 20");
    assertThat(blocking(checked("web", RunLimits.defaults())))
        .containsExactly(
            "web/marathon-dev.yaml:2: main.instances: is more tasks than one instance may run (100000) - at most 1000 (this cluster's max_instances_per_instance)",
            "web/marathon-dev.yaml:5: auto.max_instances: is more tasks than one instance may run (1001) - at most 1000 (this cluster's max_instances_per_instance)");
    assertThat(
            blocking(
                checked("web", RunLimits.of(java.util.Map.of("max_instances_per_instance", 10)))))
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("small.instances").contains("at most 10"));
  }

  @Test
  void deployYamlMembershipIsTreePolicyAndDoesNotBlockARun() {
    tree.file("web/deploy.yaml", "pipeline:", "- step: dev.everything")
        .file("web/marathon-dev.yaml", "main:", "  deploy_group: other");
    LoadedService loaded = checked("web", RunLimits.defaults());
    assertThat(loaded.hasErrors()).as("validate refuses it").isTrue();
    assertThat(blocking(loaded)).as("the daemon deploys it").isEmpty();
    Problem policy =
        loaded.problems().stream()
            .filter(p -> p.subject().equals("main.deploy_group"))
            .findFirst()
            .orElseThrow();
    assertThat(policy.scope()).isEqualTo(Problem.Scope.TREE_POLICY);
    assertThat(policy.forDaemon().format())
        .startsWith("web/marathon-dev.yaml:2: warning: main.deploy_group: is not a step");
  }

  @Test
  void validateFailsOnTreePolicyProblemsToo() {
    tree.file("web/deploy.yaml", "pipeline:", "- step: dev.everything")
        .file("web/marathon-dev.yaml", "main:", "  deploy_group: other");
    assertThat(
            new SoaValidator(SoaConfigsLoader.open(root), SCHEMAS).validateService("web").valid())
        .isFalse();
  }

  @Test
  void aSymlinkLeadingOutOfTheTreeIsRefusedWithoutItsContent() throws Exception {
    Path secret = Files.writeString(tmp.resolve("shadow"), "root:SECRET-HASH:19000:0:99999:7:::\n");
    tree.file("web/service.yaml", "description: web");
    Files.createSymbolicLink(root.resolve("web/marathon-dev.yaml"), secret);
    Files.createSymbolicLink(root.resolve("web/deployments.json"), secret);
    LoadedService loaded = checked("web", RunLimits.defaults());
    assertThat(blocking(loaded))
        .containsExactly(
            "web/deployments.json: is a symlink that leads out of the soa-configs directory, so it is not read - a file inside the soa-configs directory (soa-configs are read only there)",
            "web/marathon-dev.yaml: is a symlink that leads out of the soa-configs directory, so it is not read - a file inside the soa-configs directory (soa-configs are read only there)");
    assertThat(loaded.problems().toString()).doesNotContain("SECRET").doesNotContain("root:");
  }

  @Test
  void aServiceFolderLeadingOutOfTheTreeIsRefused() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(outside.resolve("marathon-dev.yaml"), "main: {instances: 1}\n");
    Files.createSymbolicLink(root.resolve("web"), outside);
    assertThat(
            new SoaValidator(SoaConfigsLoader.open(root), SCHEMAS)
                .validateService("web")
                .services()
                .get(0)
                .problems()
                .toString())
        .contains("leads out of the soa-configs directory");
  }

  @Test
  void symlinksInsideTheTreeAreFollowed() throws Exception {
    tree.file("web/marathon-dev.yaml", "main:", "  instances: 2");
    Files.createSymbolicLink(root.resolve("web/marathon-prod.yaml"), Path.of("marathon-dev.yaml"));
    LoadedService loaded = checked("web", RunLimits.defaults());
    assertThat(blocking(loaded)).isEmpty();
    assertThat(loaded.service().instancesIn("prod")).hasSize(1);
  }

  @Test
  void parserMessagesQuoteNoTextOfTheFile() {
    tree.file("web/secrets/db.json", "SECRET-VALUE-123");
    tree.file("web/deployments.json", "{\"v2\": nonsense-token}");
    String problems = checked("web", RunLimits.defaults()).problems().toString();
    assertThat(problems)
        .contains("web/secrets/db.json:1:", "web/deployments.json:1:", "is not valid JSON")
        .doesNotContain("SECRET", "nonsense");
  }
}
