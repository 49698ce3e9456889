package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.paasta.deploy.testing.RealEngine;
import io.paasta.deploy.testing.RegistryImages;
import io.paasta.testing.ExampleRepository;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every example service repository (examples/services) keeps PaaSTA's build contract offline:
 * {@code make test}, and {@code make itest} (which builds the image with {@code cook-image} first)
 * against the real engine.
 */
class ExampleServicesIT {
  @RegisterExtension static final RealEngine ENGINE = RealEngine.forBuilds();

  private final DockerClient docker = ENGINE.docker();

  @TempDir Path work;
  private final RegistryImages images = new RegistryImages();
  private final List<String> output = new ArrayList<>();

  @AfterEach
  void removeImages() {
    images.removeAll(docker);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "hello-web,     itest: GET /status -> OK",
    "greeter-api,   'itest: GET /cgi-bin/greet -> Hello, itest!'",
    "batch-reports, nightly report for 20260101"
  })
  void itestAndTestPass(String service, String expectedLine) throws IOException {
    Path repo = ExampleRepository.copy(service, work).dir();
    // a registry that is never contacted: itest builds and runs locally only
    DockerImageName image =
        images.track(
            new DockerImageName(
                "127.0.0.1:5000",
                TestInfrastructure.randomService("it-" + service),
                TestInfrastructure.randomSha()));

    new ItestRunner(new MakeClient(), output::add).run(repo, image);
    MakeClient.Result test = new MakeClient().run(repo, "test", Map.of(), output::add);

    assertThat(output).anyMatch(line -> line.startsWith(expectedLine));
    assertThat(test.succeeded()).as(String.join("\n", output)).isTrue();
    assertThat(docker.inspectImageCmd(image.full()).exec().getRepoTags()).contains(image.full());
  }
}
