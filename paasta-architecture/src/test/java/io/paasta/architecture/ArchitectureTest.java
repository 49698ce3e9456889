package io.paasta.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The production classes of every product module (not their tests, not the benchmarks) keep the
 * arrows of DESIGN.md; a violation fails the build with the offending classes and lines.
 */
class ArchitectureTest {
  /** The product modules' packages; paasta-bench (a measuring harness) is not one. */
  private static final JavaClasses PRODUCT =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              "io.paasta.model",
              "io.paasta.config",
              "io.paasta.deploy",
              "io.paasta.engine",
              "io.paasta.planning",
              "io.paasta.backend",
              "io.paasta.discovery",
              "io.paasta.monitoring",
              "io.paasta.server",
              "io.paasta.cli");

  @Test
  void theModelDependsOnTheJdkOnly() {
    ArchitectureRules.MODEL_DEPENDS_ON_THE_JDK_ONLY.check(PRODUCT);
  }

  @Test
  void configDoesNotImportPlanning() {
    ArchitectureRules.CONFIG_DOES_NOT_IMPORT_PLANNING.check(PRODUCT);
  }

  @Test
  void planningDoesNotImportConfig() {
    ArchitectureRules.PLANNING_DOES_NOT_IMPORT_CONFIG.check(PRODUCT);
  }

  @Test
  void planningDoesNoIo() {
    ArchitectureRules.PLANNING_DOES_NO_IO.check(PRODUCT);
  }

  @Test
  void planningDependsOnTheModelOnly() {
    ArchitectureRules.PLANNING_DEPENDS_ON_THE_MODEL_ONLY.check(PRODUCT);
  }

  @Test
  void dockerJavaStaysAtItsEdges() {
    ArchitectureRules.DOCKER_JAVA_STAYS_AT_ITS_EDGES.check(PRODUCT);
  }

  @Test
  void theCliDoesNotImportDockerJava() {
    ArchitectureRules.CLI_DOES_NOT_IMPORT_DOCKER_JAVA.check(PRODUCT);
  }

  @Test
  void zooKeeperStaysInDiscoveryAndTheServer() {
    ArchitectureRules.ZOOKEEPER_STAYS_IN_DISCOVERY_AND_THE_SERVER.check(PRODUCT);
  }

  @Test
  void jettyStaysInTheServer() {
    ArchitectureRules.JETTY_STAYS_IN_THE_SERVER.check(PRODUCT);
  }

  @Test
  void jgitStaysInDeploy() {
    ArchitectureRules.JGIT_STAYS_IN_DEPLOY.check(PRODUCT);
  }

  @Test
  void fabric8StaysInTheKubernetesBackend() {
    ArchitectureRules.FABRIC8_STAYS_IN_THE_KUBERNETES_BACKEND.check(PRODUCT);
  }

  @Test
  void theCliDoesNotImportTheServer() {
    ArchitectureRules.CLI_DOES_NOT_IMPORT_THE_SERVER.check(PRODUCT);
  }

  @Test
  void productCodeUsesNoTestSupport() {
    ArchitectureRules.PRODUCT_CODE_USES_NO_TEST_SUPPORT.check(PRODUCT);
  }
}
