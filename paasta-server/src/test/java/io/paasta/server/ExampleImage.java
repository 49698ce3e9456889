package io.paasta.server;

import com.github.dockerjava.api.DockerClient;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.testing.RegistryImages;
import io.paasta.deploy.testing.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The hello-web example image in the real registry, for the daemon's integration tests: built and
 * pushed once per test run however many test classes register it, and removed from the engine when
 * the run ends. Needs the Docker engine, the registry, make and busybox (a test fails under CI
 * without them, and is skipped elsewhere).
 *
 * <pre>
 *   &#64;RegisterExtension static final ExampleImage IMAGE = new ExampleImage();
 * </pre>
 */
final class ExampleImage implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ExampleImage.class);

  private Built built;

  @Override
  public void beforeAll(ExtensionContext context) {
    built =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent("hello-web", key -> Built.build(), Built.class);
  }

  /** The image (its registry, service and git sha). */
  DockerImageName image() {
    return built.image;
  }

  /** A client of the engine, for tests that act on containers themselves. */
  DockerClient docker() {
    return built.docker;
  }

  /** The built image, and what removes it when the run's root store is closed. */
  private static final class Built implements AutoCloseable {
    private final DockerClient docker;
    private final DockerImageName image;
    private final RegistryImages images;
    private final Path buildDir;

    private Built(
        DockerClient docker, DockerImageName image, RegistryImages images, Path buildDir) {
      this.docker = docker;
      this.image = image;
      this.images = images;
      this.buildDir = buildDir;
    }

    static Built build() {
      DockerClient docker = TestInfrastructure.requireDocker();
      String registry = TestInfrastructure.requireRegistry();
      TestInfrastructure.requireMake();
      TestInfrastructure.requireBusybox();
      try {
        Path dir = Files.createTempDirectory("paasta-it-image");
        RegistryImages images = new RegistryImages();
        DockerImageName image = images.track(LocalClusterFixture.buildImage(docker, registry, dir));
        return new Built(docker, image, images, dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        images.removeAll(docker);
        docker.close();
      } finally {
        try (Stream<Path> files = Files.walk(buildDir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
