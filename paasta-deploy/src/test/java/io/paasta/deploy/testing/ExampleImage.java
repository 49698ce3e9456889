package io.paasta.deploy.testing;

import com.github.dockerjava.api.DockerClient;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.image.ImageBuilder;
import io.paasta.deploy.image.ImagePusher;
import io.paasta.deploy.image.MakeClient;
import io.paasta.deploy.image.RegistryClient;
import io.paasta.testing.ExampleRepository;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The hello-web example image (busybox httpd, {@code FROM scratch}) in the real registry under a
 * random name: built and pushed once per test run however many test classes register it, and
 * removed from the engine and the registry when the run ends. Needs the Docker engine, the
 * registry, make and busybox (a test fails under CI without them, and is skipped elsewhere).
 *
 * <pre>
 *   &#64;RegisterExtension static final ExampleImage IMAGE = new ExampleImage();
 * </pre>
 */
public class ExampleImage implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ExampleImage.class);

  private final RealEngine engine = RealEngine.withRegistry();
  private Built built;

  @Override
  public void beforeAll(ExtensionContext context) {
    engine.beforeAll(context);
    built =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .computeIfAbsent(
                "hello-web", key -> Built.build(engine.docker(), engine.registry()), Built.class);
  }

  /** The image (its registry, service and git sha). */
  public DockerImageName image() {
    return built.image;
  }

  /** The run's client of the engine, for tests that act on containers themselves. */
  public DockerClient docker() {
    return engine.docker();
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

    static Built build(DockerClient docker, String registry) {
      try {
        Path dir = Files.createTempDirectory("paasta-it-image");
        Path repo = ExampleRepository.copy("hello-web", dir).dir();
        RegistryImages images = new RegistryImages();
        DockerImageName image =
            images.track(
                new DockerImageName(
                    registry,
                    TestInfrastructure.randomService("it-hello-web"),
                    TestInfrastructure.randomSha()));
        new ImageBuilder(docker, new MakeClient(), line -> {}).build(repo, image);
        new ImagePusher(docker, new RegistryClient(), line -> {}).push(image, false);
        return new Built(docker, image, images, dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Removes the image (the client is the run's, closed by {@link RealEngine}). */
    @Override
    public void close() throws IOException {
      try {
        images.removeAll(docker);
      } finally {
        try (Stream<Path> files = Files.walk(buildDir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
