package io.paasta.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.planning.backend.BackendException;
import io.paasta.server.DaemonLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The API server's own behaviour over real HTTP on loopback, with small endpoints: no token
 * configured, failing endpoints, errors Jetty answers itself, and a port in use.
 */
class ApiServerTest {
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final DaemonLog log =
      new DaemonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), Clock.systemUTC());
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private URI start(Optional<ApiToken> token) throws IOException {
    Router router =
        new Router(
            List.of(
                new Route("GET", "/v1/ok", request -> ApiResponse.json(Map.of("ok", true))),
                new Route("POST", "/v1/change", request -> ApiResponse.json(Map.of("changed", 1))),
                new Route(
                    "GET",
                    "/v1/bug",
                    request -> {
                      throw new IllegalStateException("a bug");
                    }),
                new Route(
                    "GET",
                    "/v1/engine",
                    request -> {
                      throw new BackendException("the Docker engine does not answer");
                    })));
    server =
        new ApiServer(
            ApiSettings.of(ApiListenAddress.parse("127.0.0.1:0"), token),
            new ApiHandler(router, token, log));
    server.start();
    return server.baseUri();
  }

  private HttpResponse<String> send(URI base, String method, String path, String auth)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .method(method, HttpRequest.BodyPublishers.ofString("{}"));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(ProblemDocument.CONTENT_TYPE));
    JsonNode problem = Json.read(response.body().getBytes(StandardCharsets.UTF_8));
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
    return problem;
  }

  @Test
  void withoutATokenEveryChangeIsRefusedSayingHowToConfigureOne() throws Exception {
    URI base = start(Optional.empty());
    assertThat(send(base, "GET", "/v1/ok", null).statusCode()).isEqualTo(200);
    JsonNode refused = problem(send(base, "POST", "/v1/change", "Bearer anything"), 401);
    assertThat(refused.get("detail").asText())
        .contains("/etc/paasta/api_token")
        .contains("--api-token-file");
  }

  @Test
  void withATokenTheRightBearerIsAccepted() throws Exception {
    URI base = start(Optional.of(new ApiToken("t0ken", "a test")));
    assertThat(send(base, "POST", "/v1/change", "Bearer t0ken").statusCode()).isEqualTo(200);
    problem(send(base, "POST", "/v1/change", "Bearer t0ke"), 401);
    assertThat(logged.toString(StandardCharsets.UTF_8)).doesNotContain("t0ken");
  }

  @Test
  void aFailingEndpointAnswers500AndTheServerGoesOn() throws Exception {
    URI base = start(Optional.empty());
    assertThat(problem(send(base, "GET", "/v1/bug", null), 500).get("detail").asText())
        .contains("a bug");
    assertThat(problem(send(base, "GET", "/v1/engine", null), 503).get("detail").asText())
        .contains("Docker engine");
    assertThat(logged.toString(StandardCharsets.UTF_8)).contains("GET /v1/bug failed");
    assertThat(send(base, "GET", "/v1/ok", null).statusCode()).isEqualTo(200);
  }

  @Test
  void errorsJettyAnswersItselfAreProblemDocumentsToo() throws Exception {
    URI base = start(Optional.empty());
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /v1/ok HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 400");
      assertThat(response).containsIgnoringCase("application/problem+json");
      assertThat(response).contains("\"type\":\"about:blank\"");
    }
  }

  @Test
  void aPortInUseIsAClearErrorAtStart() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ApiServer second =
          new ApiServer(
              ApiSettings.of(
                  ApiListenAddress.parse("127.0.0.1:" + taken.getLocalPort()), Optional.empty()),
              new ApiHandler(new Router(List.of()), Optional.empty(), log));
      assertThatThrownBy(second::start)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("port is in use")
          .hasMessageContaining("--api-listen");
      second.close();
    }
  }
}
