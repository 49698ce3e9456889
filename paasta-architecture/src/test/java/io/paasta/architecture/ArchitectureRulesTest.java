package io.paasta.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.paasta.backend.docker.wrong.BackendUsingCurator;
import io.paasta.cli.wrong.CliCallingDocker;
import io.paasta.cli.wrong.CliStartingTheServer;
import io.paasta.cli.wrong.CliUsingJgit;
import io.paasta.config.wrong.ConfigDeciding;
import io.paasta.discovery.wrong.DiscoveryServingHttp;
import io.paasta.model.wrong.ModelWithJackson;
import io.paasta.monitoring.wrong.MonitoringCallingDocker;
import io.paasta.planning.wrong.PlanningCallingOut;
import io.paasta.planning.wrong.PlanningLoadingConfig;
import io.paasta.planning.wrong.PlanningReadingFiles;
import io.paasta.server.wrong.ServerOnATestClock;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule can fail: each one, run on a deliberately wrong class (in this module's test sources,
 * under the package the rule watches), reports that class and the forbidden dependency.
 */
class ArchitectureRulesTest {
  static Stream<Arguments> rulesAndTheirViolators() {
    return Stream.of(
        Arguments.of(
            "model: JDK only",
            ArchitectureRules.MODEL_DEPENDS_ON_THE_JDK_ONLY,
            ModelWithJackson.class,
            "com.fasterxml.jackson.databind.ObjectMapper"),
        Arguments.of(
            "config -/-> planning",
            ArchitectureRules.CONFIG_DOES_NOT_IMPORT_PLANNING,
            ConfigDeciding.class,
            "io.paasta.planning.plan.Plan"),
        Arguments.of(
            "planning -/-> config",
            ArchitectureRules.PLANNING_DOES_NOT_IMPORT_CONFIG,
            PlanningLoadingConfig.class,
            "io.paasta.config.ConfigException"),
        Arguments.of(
            "planning: no file I/O",
            ArchitectureRules.PLANNING_DOES_NO_IO,
            PlanningReadingFiles.class,
            "java.nio.file.Path"),
        Arguments.of(
            "planning: no network I/O",
            ArchitectureRules.PLANNING_DOES_NO_IO,
            PlanningCallingOut.class,
            "java.net.http.HttpClient"),
        Arguments.of(
            "planning: model only",
            ArchitectureRules.PLANNING_DEPENDS_ON_THE_MODEL_ONLY,
            PlanningLoadingConfig.class,
            "io.paasta.config.ConfigException"),
        Arguments.of(
            "docker-java at its edges",
            ArchitectureRules.DOCKER_JAVA_STAYS_AT_ITS_EDGES,
            MonitoringCallingDocker.class,
            "com.github.dockerjava.api.DockerClient"),
        Arguments.of(
            "CLI: no docker-java",
            ArchitectureRules.CLI_DOES_NOT_IMPORT_DOCKER_JAVA,
            CliCallingDocker.class,
            "com.github.dockerjava.api.DockerClient"),
        Arguments.of(
            "Curator in discovery and the server",
            ArchitectureRules.ZOOKEEPER_STAYS_IN_DISCOVERY_AND_THE_SERVER,
            BackendUsingCurator.class,
            "org.apache.curator.framework.CuratorFramework"),
        Arguments.of(
            "Jetty in the server",
            ArchitectureRules.JETTY_STAYS_IN_THE_SERVER,
            DiscoveryServingHttp.class,
            "org.eclipse.jetty.server.Server"),
        Arguments.of(
            "JGit in deploy",
            ArchitectureRules.JGIT_STAYS_IN_DEPLOY,
            CliUsingJgit.class,
            "org.eclipse.jgit.api.Git"),
        Arguments.of(
            "CLI -/-> server",
            ArchitectureRules.CLI_DOES_NOT_IMPORT_THE_SERVER,
            CliStartingTheServer.class,
            "io.paasta.server.PaastaServer"),
        Arguments.of(
            "no test support in product code",
            ArchitectureRules.PRODUCT_CODE_USES_NO_TEST_SUPPORT,
            ServerOnATestClock.class,
            "io.paasta.testing.ManualClock"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rulesAndTheirViolators")
  void aWrongImportFailsTheRule(String name, ArchRule rule, Class<?> violator, String target) {
    EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(violator));

    assertThat(result.hasViolation()).as(name).isTrue();
    assertThat(result.getFailureReport().toString()).contains(violator.getName()).contains(target);
  }
}
