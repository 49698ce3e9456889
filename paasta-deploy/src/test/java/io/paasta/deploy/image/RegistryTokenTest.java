package io.paasta.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paasta.deploy.DeployException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry API's token flow, against an in-process fake registry and token service (the Debian
 * registry needs a token server with certificates for it): a 401 with a {@code Bearer} challenge is
 * answered by asking the realm for a token with the docker config's login.
 */
class RegistryTokenTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final String TOKEN = "tok-" + SHA;

  @TempDir Path dir;
  private HttpServer server;
  private String registry;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    registry = "127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/v2/", this::manifest);
    server.createContext("/token", this::token);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aBearerChallengeIsAnsweredWithATokenFromTheRealm() throws IOException {
    RegistryClient client = client("p4ss");
    assertThat(client.hasImage(new DockerImageName(registry, "login", SHA))).isTrue();
    assertThat(requests)
        .containsExactly(
            "HEAD /v2/services-login/manifests/paasta-" + SHA + " null",
            "GET /token service=paasta&scope=repository:services-login:pull " + basic("alice:p4ss"),
            "HEAD /v2/services-login/manifests/paasta-" + SHA + " Bearer " + TOKEN);
  }

  @Test
  void aTokenRefusedNamesTheLoginAndItsFile() throws IOException {
    RegistryClient client = client("wrong");
    assertThatThrownBy(() -> client.hasImage(new DockerImageName(registry, "login", SHA)))
        .isInstanceOf(DeployException.class)
        .hasMessage(
            "the token service http://"
                + registry
                + "/token of registry "
                + registry
                + " refused the login of alice from "
                + dir.resolve("config.json")
                + " (HTTP 401) - check it (docker login "
                + registry
                + ")");
  }

  private RegistryClient client(String password) throws IOException {
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        "{\"auths\": {\""
            + registry
            + "\": {\"username\": \"alice\", \"password\": \""
            + password
            + "\"}}}");
    return new RegistryClient(new RegistryCredentials(List.of(config)));
  }

  private void manifest(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(
        exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + auth);
    if (("Bearer " + TOKEN).equals(auth)) {
      exchange.sendResponseHeaders(200, -1);
    } else {
      exchange
          .getResponseHeaders()
          .add(
              "WWW-Authenticate",
              "Bearer realm=\"http://"
                  + registry
                  + "/token\",service=\"paasta\",scope=\"repository:services-login:pull\"");
      exchange.sendResponseHeaders(401, -1);
    }
    exchange.close();
  }

  private void token(HttpExchange exchange) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI().getPath()
            + " "
            + exchange.getRequestURI().getQuery()
            + " "
            + auth);
    if (basic("alice:p4ss").equals(auth)) {
      byte[] body = ("{\"token\": \"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } else {
      exchange.sendResponseHeaders(401, -1);
    }
    exchange.close();
  }

  private static String basic(String userPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
  }
}
