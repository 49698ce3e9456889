package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.paasta.deploy.DeployException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registry API client against an in-process fake registry on a loopback port. */
class RegistryClientTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  private HttpServer server;
  private final Map<String, Integer> statusByPath = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private String registry;

  @BeforeEach
  void startFakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v2/",
        exchange -> {
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + " Accept: "
                  + exchange.getRequestHeaders().getFirst("Accept"));
          int status = statusByPath.getOrDefault(exchange.getRequestURI().getPath(), 404);
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    registry = "127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private DockerImageName image() {
    return new DockerImageName(registry, "hello-web", SHA);
  }

  @Test
  void hasImageAsksForTheTagsManifestWithEveryManifestType() {
    statusByPath.put("/v2/services-hello-web/manifests/paasta-" + SHA, 200);

    assertThat(new RegistryClient().hasImage(image())).isTrue();
    assertThat(requests)
        .containsExactly(
            "HEAD /v2/services-hello-web/manifests/paasta-"
                + SHA
                + " Accept: application/vnd.docker.distribution.manifest.v2+json,"
                + " application/vnd.docker.distribution.manifest.list.v2+json,"
                + " application/vnd.oci.image.manifest.v1+json,"
                + " application/vnd.oci.image.index.v1+json");
  }

  @Test
  void anUnknownTagIsFalse() {
    assertThat(new RegistryClient().hasImage(image())).isFalse();
  }

  @Test
  void aLoginAskedForWithoutOneSaysWhatToRun() {
    statusByPath.put("/v2/services-hello-web/manifests/paasta-" + SHA, 401);

    assertThatThrownBy(
            () -> new RegistryClient(new RegistryCredentials(List.of())).hasImage(image()))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith(
            "the registry " + registry + " asks for a login to read services-hello-web (HTTP 401)")
        .hasMessageContaining("run `docker login " + registry + "`");
  }

  @Test
  void forbiddenWithoutALoginSaysWhatToRun() {
    statusByPath.put("/v2/services-hello-web/manifests/paasta-" + SHA, 403);

    assertThatThrownBy(
            () -> new RegistryClient(new RegistryCredentials(List.of())).hasImage(image()))
        .isInstanceOf(DeployException.class)
        .hasMessageStartingWith(
            "the registry " + registry + " refuses access to services-hello-web (HTTP 403)");
  }

  @Test
  void anOddAnswerNamesTheStatusAndTheUrl() {
    statusByPath.put("/v2/services-hello-web/manifests/paasta-" + SHA, 500);

    assertThatThrownBy(() -> new RegistryClient().hasImage(image()))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("answered HTTP 500 to HEAD http://" + registry + "/v2/");
  }

  @Test
  void aRegistryThatIsDownIsNamedWithWhatToDo() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    DockerImageName image = new DockerImageName("127.0.0.1:" + closedPort, "hello-web", SHA);

    assertThatThrownBy(
            () -> new RegistryClient(Duration.ofSeconds(2), Duration.ofSeconds(2)).hasImage(image))
        .isInstanceOf(DeployException.class)
        .hasMessage(
            "the registry 127.0.0.1:"
                + closedPort
                + " does not answer at http://127.0.0.1:"
                + closedPort
                + "/v2/ (connection refused) - is it running? On this machine `scripts/test.sh`"
                + " starts one on 127.0.0.1:5000; otherwise check docker_registry in the system"
                + " config or service.yaml");
  }

  @Test
  void aRegistryThatDoesNotAnswerInTimeIsDown() {
    server.removeContext("/v2/");
    server.createContext(
        "/v2/",
        exchange -> {
          try {
            Thread.sleep(1_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });

    assertThatThrownBy(
            () ->
                new RegistryClient(Duration.ofSeconds(1), Duration.ofMillis(300)).hasImage(image()))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("does not answer")
        .hasMessageContaining("no answer within");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "127.0.0.1:5000, http://127.0.0.1:5000/v2/",
    "127.1.2.3, http://127.1.2.3/v2/",
    "localhost:5000, http://localhost:5000/v2/",
    "LOCALHOST, http://LOCALHOST/v2/",
    "'[::1]:5000', 'http://[::1]:5000/v2/'",
    "registry.example.com, https://registry.example.com/v2/",
    "registry.example.com:443, https://registry.example.com:443/v2/",
    "10.0.0.1:5000, https://10.0.0.1:5000/v2/",
    "127.0.0.1.example.com, https://127.0.0.1.example.com/v2/",
    "'[fe80::1]:5000', 'https://[fe80::1]:5000/v2/'"
  })
  void loopbackRegistriesSpeakHttpEveryOtherHttps(String registry, String expected) {
    assertThat(RegistryClient.baseUri(registry)).isEqualTo(URI.create(expected));
  }

  @Test
  void theManifestUrlOfAnImage() {
    assertThat(RegistryClient.manifestUri(new DockerImageName("127.0.0.1:5000", "hello-web", SHA)))
        .isEqualTo(
            URI.create("http://127.0.0.1:5000/v2/services-hello-web/manifests/paasta-" + SHA));
  }
}
