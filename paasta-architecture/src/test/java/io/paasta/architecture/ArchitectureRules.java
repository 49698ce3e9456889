package io.paasta.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency arrows of DESIGN.md ("Shape of the code") as ArchUnit rules over the production
 * classes of the product modules.
 */
final class ArchitectureRules {
  private static final String DOCKER_JAVA = "com.github.dockerjava..";
  private static final String[] ZOOKEEPER = {"org.apache.curator..", "org.apache.zookeeper.."};
  private static final String JETTY = "org.eclipse.jetty..";
  private static final String JGIT = "org.eclipse.jgit..";
  private static final String FABRIC8 = "io.fabric8..";

  private ArchitectureRules() {}

  static final ArchRule MODEL_DEPENDS_ON_THE_JDK_ONLY =
      classes()
          .that()
          .resideInAPackage("io.paasta.model..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.paasta.model..", "java..")
          .because("the model depends on the JDK only (DESIGN.md)");

  static final ArchRule CONFIG_DOES_NOT_IMPORT_PLANNING =
      noClasses()
          .that()
          .resideInAPackage("io.paasta.config..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.paasta.planning..")
          .because("config (loading) and planning (deciding) never import each other (DESIGN.md)");

  static final ArchRule PLANNING_DOES_NOT_IMPORT_CONFIG =
      noClasses()
          .that()
          .resideInAPackage("io.paasta.planning..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.paasta.config..")
          .because("config (loading) and planning (deciding) never import each other (DESIGN.md)");

  static final ArchRule PLANNING_DOES_NO_IO =
      noClasses()
          .that()
          .resideInAPackage("io.paasta.planning..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              DOCKER_JAVA, ZOOKEEPER[0], ZOOKEEPER[1], JETTY, JGIT, "java.net..", "java.nio.file..")
          .because("planning is pure: it decides, executors do the I/O (DESIGN.md habit 1)");

  static final ArchRule PLANNING_DEPENDS_ON_THE_MODEL_ONLY =
      classes()
          .that()
          .resideInAPackage("io.paasta.planning..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.paasta.planning..", "io.paasta.model..", "java..")
          .because("planning may depend on the model only (DESIGN.md)");

  /**
   * docker-java in the Docker backend and the image builder; the CLI's local-run is allowed here
   * until {@link #CLI_DOES_NOT_IMPORT_DOCKER_JAVA} is enabled.
   */
  static final ArchRule DOCKER_JAVA_STAYS_AT_ITS_EDGES =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "io.paasta.backend.docker..", "io.paasta.deploy.image..", "io.paasta.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(DOCKER_JAVA)
          .because(
              "docker-java is used only by the Docker backend, the image builder and their one engine"
                  + " client factory, paasta-docker-engine (DESIGN.md)");

  static final ArchRule CLI_DOES_NOT_IMPORT_DOCKER_JAVA =
      noClasses()
          .that()
          .resideInAPackage("io.paasta.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(DOCKER_JAVA)
          .because(
              "the CLI runs tasks through the Docker backend's code, never docker-java itself"
                  + " (DESIGN.md)");

  static final ArchRule ZOOKEEPER_STAYS_IN_DISCOVERY_AND_THE_SERVER =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.paasta.discovery..", "io.paasta.server..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ZOOKEEPER)
          .because("Curator and ZooKeeper are used only by discovery and the server (DESIGN.md)");

  static final ArchRule JETTY_STAYS_IN_THE_SERVER =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.paasta.server..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(JETTY)
          .because("Jetty is used only by the server (DESIGN.md)");

  static final ArchRule JGIT_STAYS_IN_DEPLOY =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.paasta.deploy..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(JGIT)
          .because("JGit is used only by paasta-deploy (DESIGN.md)");

  static final ArchRule FABRIC8_STAYS_IN_THE_KUBERNETES_BACKEND =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.paasta.backend.kubernetes..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(FABRIC8)
          .because(
              "the fabric8 Kubernetes client is used only by the Kubernetes backend; the CLI's"
                  + " render goes through the backend's renderer (DESIGN.md)");

  static final ArchRule CLI_DOES_NOT_IMPORT_THE_SERVER =
      noClasses()
          .that()
          .resideInAPackage("io.paasta.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.paasta.server..")
          .because("the CLI knows the daemon only through its HTTP API (DESIGN.md)");

  static final ArchRule PRODUCT_CODE_USES_NO_TEST_SUPPORT =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.paasta.testing..", "io.paasta..testing..", "org.junit..")
          .because(
              "test support (paasta-testing, the test-jars' testing packages, JUnit) is test scope"
                  + " only");
}
