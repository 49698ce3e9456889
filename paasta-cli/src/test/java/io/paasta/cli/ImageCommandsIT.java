package io.paasta.cli;

import static io.paasta.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.testing.RealEngine;
import io.paasta.deploy.testing.RegistryImages;
import io.paasta.testing.ConfigTree;
import io.paasta.testing.ExampleRepository;
import io.paasta.testing.FreePorts;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paasta cook-image}, {@code itest} and {@code push-to-registry} end to end: a git checkout
 * of the example hello-web, the real Docker engine and the registry on 127.0.0.1:5000.
 */
class ImageCommandsIT {
  @RegisterExtension static final RealEngine ENGINE = RealEngine.withRegistry();

  private final DockerClient docker = ENGINE.docker();
  private final String registry = ENGINE.registry();

  @TempDir Path tmp;
  private final RegistryImages images = new RegistryImages();
  private final String service = TestInfrastructure.randomService("it-cli");
  private ConfigTree soaConfigs;
  private Path soa;
  private Path repo;
  private String head;

  @BeforeEach
  void aServiceAndItsCheckout() throws IOException {
    soaConfigs = ConfigTree.soaConfigs(tmp);
    soa = soaConfigs.root();
    writeService(service, registry);
    ExampleRepository checkout = ExampleRepository.committed("hello-web", tmp);
    repo = checkout.dir();
    head = checkout.head();
    images.track(new DockerImageName(registry, service, head));
  }

  @AfterEach
  void removeImages() {
    images.removeAll(docker);
  }

  private void writeService(String name, String dockerRegistry) {
    soaConfigs.write(
        name + "/service.yaml",
        "git_url: file:///srv/git/" + name + ".git\ndocker_registry: \"" + dockerRegistry + "\"\n");
  }

  private String image() {
    return registry + "/services-" + service + ":paasta-" + head;
  }

  @Test
  void cookImageItestAndPushOfTheCheckoutsHead() {
    CliRun cook =
        run("cook-image", "-s", service, "-y", soa.toString(), "--repo-dir", repo.toString());
    assertThat(cook.exit()).as(cook.all()).isZero();
    assertThat(cook.outLines())
        .contains("==> make cook-image in " + repo + " with DOCKER_TAG=" + image())
        .contains("Successfully tagged " + image())
        .last()
        .asString()
        .startsWith("\u2713 built " + image() + " (sha256:");

    CliRun itest = run("itest", "-s", service, "-y", soa.toString(), "--repo-dir", repo.toString());
    assertThat(itest.exit()).as(itest.all()).isZero();
    assertThat(itest.outLines())
        .contains("itest: GET /status -> OK")
        .last()
        .isEqualTo("\u2713 itest passed for " + image());

    CliRun push = run("push-to-registry", "-s", service, "-y", soa.toString(), "-c", head);
    assertThat(push.exit()).as(push.all()).isZero();
    assertThat(push.outLines())
        .contains("==> pushing " + image())
        // a layer the registry holds for another repository is mounted, not uploaded again
        .anyMatch(
            line -> line.matches("  [0-9a-f]{12}: (Pushed|Mounted from .+|Layer already exists)"))
        .last()
        .isEqualTo("\u2713 " + image() + " is in the registry");

    CliRun again = run("push-to-registry", "-s", service, "-y", soa.toString(), "-c", head);
    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(again.outLines())
        .containsExactly(
            image() + " is already in the registry - not pushed (--force pushes it anyway)");

    CliRun forced =
        run("push-to-registry", "-s", service, "-y", soa.toString(), "-c", head, "--force");
    assertThat(forced.exit()).as(forced.all()).isZero();
    assertThat(forced.outLines())
        .contains("==> pushing " + image() + " (forced; the registry has it)")
        .anyMatch(line -> line.endsWith(": Layer already exists"));
  }

  @Test
  void aFailingBuildShowsItsOutputAndExitsOne() throws IOException {
    Files.writeString(repo.resolve("Dockerfile"), "FROM scratch\nCOPY no-such-file /x\n");

    CliRun r =
        run("cook-image", "-s", service, "-y", soa.toString(), "--repo-dir", repo.toString());

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("Step 2/2 : COPY no-such-file /x");
    assertThat(r.err())
        .startsWith("error: the build of " + image() + " failed: make cook-image exited with 2")
        .endsWith(" - its output is above\n");
  }

  @Test
  void aRegistryThatIsDownIsAClearError() throws IOException {
    int closedPort = FreePorts.pick();
    writeService("it-down", "127.0.0.1:" + closedPort);

    CliRun r = run("push-to-registry", "-s", "it-down", "-y", soa.toString(), "-c", head);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "error: the registry 127.0.0.1:"
                + closedPort
                + " does not answer at http://127.0.0.1:"
                + closedPort
                + "/v2/ (connection refused) - is it running?");
  }

  @Test
  void anEngineThatDoesNotAnswerIsAClearError() throws IOException, InterruptedException {
    // DOCKER_HOST is read from the environment: run the command in a process of its own
    String socket = "unix://" + tmp.resolve("no-engine.sock");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    PaastaMain.class.getName(),
                    "cook-image",
                    "-s",
                    service,
                    "-y",
                    soa.toString(),
                    "--repo-dir",
                    repo.toString()))
            .redirectErrorStream(true);
    builder.environment().put("DOCKER_HOST", socket);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isEqualTo(1);
    assertThat(output)
        .startsWith(
            "error: the Docker engine does not answer on " + socket + " - is dockerd running?");
  }
}
