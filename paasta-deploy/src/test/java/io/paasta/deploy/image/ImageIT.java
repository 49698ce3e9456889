package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.paasta.deploy.DeployException;
import io.paasta.deploy.testing.RealEngine;
import io.paasta.deploy.testing.RegistryImages;
import io.paasta.testing.ExampleRepository;
import io.paasta.testing.FreePorts;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * cook-image, itest and push-to-registry against the real Docker engine and the registry on
 * 127.0.0.1:5000, with the example service repository examples/services/hello-web (copied to a
 * temporary folder, so that builds leave nothing in the source tree). Every image is removed from
 * the engine and the registry afterwards.
 */
class ImageIT {
  @RegisterExtension static final RealEngine ENGINE = RealEngine.withRegistry();

  private final DockerClient docker = ENGINE.docker();
  private final String registry = ENGINE.registry();

  @TempDir Path work;
  private final List<String> progress = new CopyOnWriteArrayList<>();
  private final RegistryImages images = new RegistryImages();
  private final String service = TestInfrastructure.randomService("it-image");
  private Path repo;

  @BeforeEach
  void copyTheExampleRepository() throws IOException {
    repo = ExampleRepository.copy("hello-web", work).dir();
  }

  @AfterEach
  void removeImages() {
    images.removeAll(docker);
  }

  private DockerImageName newImage() {
    return images.track(new DockerImageName(registry, service, TestInfrastructure.randomSha()));
  }

  private ImageBuilder builder() {
    return new ImageBuilder(docker, new MakeClient(), progress::add);
  }

  // --- cook-image ---

  @Test
  void cookImageRunsTheMakefilesCookImageWithDockerTag() {
    DockerImageName image = newImage();

    ImageBuilder.Built built = builder().build(repo, image);

    assertThat(built.method()).isInstanceOf(BuildMethod.MakeCookImage.class);
    assertThat(built.imageId()).startsWith("sha256:");
    assertThat(progress)
        .contains("==> make cook-image in " + repo + " with DOCKER_TAG=" + image.full())
        .contains("docker build --force-rm -t \"" + image.full() + "\" .")
        .contains("Successfully tagged " + image.full());
    assertThat(docker.inspectImageCmd(image.full()).exec().getConfig().getCmd())
        .containsExactly("httpd", "-f", "-p", "8888", "-h", "/www");
  }

  @Test
  void withoutAMakefileCookImageBuildsTheDockerfileThroughTheEngine() throws IOException {
    Files.delete(repo.resolve("Makefile"));
    Files.copy(TestInfrastructure.BUSYBOX, repo.resolve("busybox"));
    DockerImageName image = newImage();

    ImageBuilder.Built built = builder().build(repo, image);

    assertThat(built.method())
        .isEqualTo(new BuildMethod.PlainDockerfile(repo.resolve("Dockerfile")));
    assertThat(progress)
        .contains("Step 1/6 : FROM scratch")
        .anyMatch(line -> line.startsWith("Successfully built "))
        .contains("Successfully tagged " + image.full());
    assertThat(docker.inspectImageCmd(image.full()).exec().getId()).isEqualTo(built.imageId());
  }

  @Test
  void aFailingDockerfileBuildShowsItsOutputAndFails() throws IOException {
    Files.delete(repo.resolve("Makefile"));
    Files.copy(TestInfrastructure.BUSYBOX, repo.resolve("busybox"));
    Files.writeString(
        repo.resolve("Dockerfile"),
        """
        FROM scratch
        COPY busybox /bin/busybox
        RUN ["/bin/busybox", "--install", "-s", "/bin"]
        RUN echo "checking the www folder" && test -d /www
        """);
    DockerImageName image = newImage();

    assertThatThrownBy(() -> builder().build(repo, image))
        .isInstanceOf(DeployException.class)
        .hasMessage(
            "the build of "
                + image.full()
                + " failed: The command '/bin/sh -c echo \"checking the www folder\" && test -d"
                + " /www' returned a non-zero code: 1 - its output is above");
    assertThat(progress).contains("checking the www folder");
    assertThatThrownBy(() -> docker.inspectImageCmd(image.full()).exec())
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aFailingMakeBuildShowsItsOutputAndFailsWithTheExitCode() throws IOException {
    Files.writeString(repo.resolve("Dockerfile"), "FROM scratch\nCOPY no-such-file /x\n");
    DockerImageName image = newImage();

    assertThatThrownBy(() -> builder().build(repo, image))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith(
            "the build of " + image.full() + " failed: make cook-image exited with 2 (")
        .hasMessageEndingWith(" - its output is above");
    assertThat(progress).anyMatch(line -> line.contains("no-such-file"));
  }

  @Test
  void aMakefileThatDoesNotTagTheImageIsCaught() throws IOException {
    Files.writeString(repo.resolve("Makefile"), "cook-image:\n\t@echo pretending to build\n");
    DockerImageName image = newImage();

    assertThatThrownBy(() -> builder().build(repo, image))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith("make cook-image succeeded but did not tag " + image.full());
  }

  // --- itest ---

  @Test
  void itestBuildsAndServesStatusOnALoopbackPort() {
    DockerImageName image = newImage();

    new ItestRunner(new MakeClient(), progress::add).run(repo, image);

    assertThat(progress)
        .contains("Successfully tagged " + image.full())
        .contains("itest: GET /status -> OK")
        .anyMatch(
            line -> line.startsWith("itest: " + image.full() + " serves /status on 127.0.0.1:"));
    assertThat(docker.listContainersCmd().withShowAll(true).exec())
        .noneMatch(c -> image.full().equals(c.getImage()));
  }

  @Test
  void aFailingItestFails() throws IOException {
    Files.writeString(
        repo.resolve("Makefile"), "itest:\n\t@echo \"testing $(DOCKER_TAG)\"\n\t@false\n");
    DockerImageName image = newImage();

    assertThatThrownBy(() -> new ItestRunner(new MakeClient(), progress::add).run(repo, image))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith(
            "the integration tests of " + image.full() + " failed: make itest exited with 2");
    assertThat(progress).contains("testing " + image.full());
  }

  // --- push-to-registry ---

  @Test
  void pushThenPushAgainSkipsThenForcePushes() {
    DockerImageName image = newImage();
    builder().build(repo, image);
    RegistryClient registryClient = new RegistryClient();
    ImagePusher pusher = new ImagePusher(docker, registryClient, progress::add);
    assertThat(registryClient.hasImage(image)).isFalse();

    assertThat(pusher.push(image, false)).isEqualTo(PushDecision.PUSH);
    assertThat(registryClient.hasImage(image)).isTrue();
    assertThat(progress)
        .contains("==> pushing " + image.full())
        // a layer the registry holds for another repository is mounted, not uploaded again
        .anyMatch(
            line -> line.matches("  [0-9a-f]{12}: (Pushed|Mounted from .+|Layer already exists)"))
        .anyMatch(line -> line.startsWith(image.tag() + ": digest: sha256:"));

    progress.clear();
    assertThat(pusher.push(image, false)).isEqualTo(PushDecision.SKIP);
    assertThat(progress)
        .containsExactly(
            image.full() + " is already in the registry - not pushed (--force pushes it anyway)");

    progress.clear();
    assertThat(pusher.push(image, true)).isEqualTo(PushDecision.PUSH_AGAIN);
    assertThat(progress)
        .contains("==> pushing " + image.full() + " (forced; the registry has it)")
        .anyMatch(line -> line.matches("  [0-9a-f]{12}: Layer already exists"));
  }

  @Test
  void hasImageIsFalseForAnotherShaOfAPushedService() {
    DockerImageName pushed = newImage();
    builder().build(repo, pushed);
    new ImagePusher(docker, new RegistryClient(), progress::add).push(pushed, false);

    DockerImageName other = new DockerImageName(registry, service, TestInfrastructure.randomSha());
    assertThat(new RegistryClient().hasImage(pushed)).isTrue();
    assertThat(new RegistryClient().hasImage(other)).isFalse();
  }

  @Test
  void pushingAnImageThatWasNotBuiltSaysToBuildIt() {
    DockerImageName image = newImage();

    assertThatThrownBy(
            () -> new ImagePusher(docker, new RegistryClient(), progress::add).push(image, false))
        .isInstanceOf(DeployException.class)
        .hasMessage(
            image.full()
                + " is not in the Docker engine - build it first: paasta cook-image -s "
                + service
                + " -c "
                + image.gitSha());
  }

  @Test
  void aRegistryThatIsDownIsAClearErrorAndNothingIsPushed() throws IOException {
    int closedPort = FreePorts.pick();
    DockerImageName image =
        images.track(
            new DockerImageName(
                "127.0.0.1:" + closedPort, service, TestInfrastructure.randomSha()));
    builder().build(repo, image);
    progress.clear();

    assertThatThrownBy(
            () -> new ImagePusher(docker, new RegistryClient(), progress::add).push(image, false))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith(
            "the registry 127.0.0.1:"
                + closedPort
                + " does not answer at http://127.0.0.1:"
                + closedPort
                + "/v2/ (connection refused) - is it running?");
    assertThat(progress).isEmpty();
  }
}
