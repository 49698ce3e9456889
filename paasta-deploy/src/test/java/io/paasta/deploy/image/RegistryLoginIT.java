package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import io.paasta.deploy.DeployException;
import io.paasta.deploy.testing.ExampleImage;
import io.paasta.testing.FreePorts;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real registry (Debian's {@code docker-registry}) that asks for a login (htpasswd, bcrypt made
 * with Bouncy Castle's {@code OpenBSDBCrypt}), on a free loopback port: the registry client and a
 * push through the engine use the login of a docker config.json, and say what is wrong without one
 * or with a wrong one.
 */
class RegistryLoginIT {
  @RegisterExtension static final ExampleImage IMAGE = new ExampleImage();

  private static final String USER = "alice";
  private static final String PASSWORD = "s3cret-" + TestInfrastructure.randomSha().substring(0, 8);

  @TempDir static Path dir;
  private static Process registryProcess;
  private static String registry;

  @BeforeAll
  static void startRegistry() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/docker-registry"))) {
      throw TestInfrastructure.missing("docker-registry (Debian's docker-registry package)");
    }
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Files.writeString(
        dir.resolve("htpasswd"),
        USER + ":" + OpenBSDBCrypt.generate("2a", PASSWORD.toCharArray(), salt, 10) + "\n");
    registry = "127.0.0.1:" + FreePorts.pick();
    Files.writeString(
        dir.resolve("config.yml"),
        String.join(
            "\n",
            "version: 0.1",
            "log: {level: warn}",
            "storage: {filesystem: {rootdirectory: " + dir.resolve("data") + "}}",
            "http: {addr: " + registry + ", secret: it-only}",
            "auth: {htpasswd: {realm: paasta-it, path: " + dir.resolve("htpasswd") + "}}",
            ""));
    registryProcess =
        new ProcessBuilder(
                "/usr/bin/docker-registry", "serve", dir.resolve("config.yml").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("registry.log").toFile())
            .start();
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (status("/v2/") != 401) {
      if (Instant.now().isAfter(until) || !registryProcess.isAlive()) {
        throw new IllegalStateException(
            "the registry did not start: " + Files.readString(dir.resolve("registry.log")));
      }
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stopRegistry() throws InterruptedException {
    if (registryProcess != null) {
      registryProcess.destroy();
      registryProcess.waitFor();
    }
  }

  @Test
  void withoutALoginTheMessageSaysWhichFilesWereAskedAndWhatToRun() {
    Path none = dir.resolve("none.json");
    RegistryClient client = new RegistryClient(new RegistryCredentials(List.of(none)));
    assertThatThrownBy(() -> client.hasImage(image()))
        .isInstanceOf(DeployException.class)
        .hasMessage(
            "the registry "
                + registry
                + " asks for a login to read "
                + image().repository()
                + " (HTTP 401: Basic realm=\"paasta-it\") and none of ["
                + none
                + "] has one for it - run `docker login "
                + registry
                + "` (or add auths."
                + registry
                + " to a docker config.json)");
  }

  @Test
  void aWrongPasswordIsRefusedNamingTheLoginAndItsFile() throws IOException {
    Path config = dockerConfig("wrong.json", PASSWORD + "-not");
    assertThatThrownBy(() -> client(config).hasImage(image()))
        .isInstanceOf(DeployException.class)
        .hasMessage(
            "the registry "
                + registry
                + " refuses access to "
                + image().repository()
                + " (HTTP 401) with the login of alice from "
                + config
                + " - check it (docker login "
                + registry
                + ")")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
  }

  @Test
  void theLoginOfTheDockerConfigReadsAndPushes() throws IOException {
    Path config = dockerConfig("config.json", PASSWORD);
    RegistryClient client = client(config);
    DockerImageName image = image();
    assertThat(client.hasImage(image)).isFalse();

    DockerClient docker = IMAGE.docker();
    docker
        .tagImageCmd(IMAGE.image().full(), registry + "/" + image.repository(), image.tag())
        .exec();
    List<String> progress = new ArrayList<>();
    try {
      PushDecision decision = new ImagePusher(docker, client, progress::add).push(image, false);
      assertThat(decision).isEqualTo(PushDecision.PUSH);
      assertThat(client.hasImage(image)).isTrue();
      assertThat(String.join("\n", progress)).doesNotContain(PASSWORD);
    } finally {
      docker.removeImageCmd(image.full()).withNoPrune(true).exec();
    }
  }

  private DockerImageName image() {
    return new DockerImageName(registry, "login-it", IMAGE.image().gitSha());
  }

  private static RegistryClient client(Path config) {
    return new RegistryClient(new RegistryCredentials(List.of(config)));
  }

  private static Path dockerConfig(String name, String password) throws IOException {
    String auth =
        Base64.getEncoder()
            .encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve(name);
    Files.writeString(
        file, "{\"auths\": {\"http://" + registry + "/v1/\": {\"auth\": \"" + auth + "\"}}}");
    return file;
  }

  private static int status(String path) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create("http://" + registry + path).toURL().openConnection();
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(1000);
      return connection.getResponseCode();
    } catch (IOException e) {
      return -1;
    }
  }
}
