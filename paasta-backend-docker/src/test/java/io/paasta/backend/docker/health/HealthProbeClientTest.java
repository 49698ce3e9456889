package io.paasta.backend.docker.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.paasta.backend.docker.http.LoopbackHttpClient;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** http and tcp checks against servers of the test on 127.0.0.1 (cmd checks: HealthCheckIT). */
class HealthProbeClientTest {
  private final HealthProbeClient probes = new HealthProbeClient(null, new LoopbackHttpClient());
  private HttpServer server;
  private int port;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/status", exchange -> respond(exchange, 200));
    server.createContext("/moved", exchange -> respond(exchange, 302));
    server.createContext("/broken", exchange -> respond(exchange, 500));
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status)
      throws java.io.IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private ProbeResult http(String uri) {
    Healthcheck check = RunSpecBuilder.check(HealthcheckMode.HTTP, uri, 0, 1, 1);
    return probes.probe("id", check, OptionalInt.of(port));
  }

  @Test
  void httpPassesOn2xxAnd3xxOnly() {
    assertThat(http("/status")).isEqualTo(ProbeResult.PASS);
    assertThat(http("/moved")).isEqualTo(ProbeResult.PASS);
    assertThat(http("/broken")).isEqualTo(ProbeResult.FAIL);
    assertThat(http("/missing")).isEqualTo(ProbeResult.FAIL);
  }

  @Test
  void httpFailsWhenNothingListens() throws Exception {
    server.stop(0);

    assertThat(http("/status")).isEqualTo(ProbeResult.FAIL);
  }

  @Test
  void theUrlIsLoopbackPortAndUri() {
    assertThat(
            HealthProbeClient.url(
                RunSpecBuilder.check(HealthcheckMode.HTTPS, "health", 0, 1, 1), 31000))
        .hasToString("https://127.0.0.1:31000/health");
  }

  @Test
  void tcpPassesWhenSomethingListens() throws Exception {
    Healthcheck tcp = RunSpecBuilder.check(HealthcheckMode.TCP, "", 0, 1, 1);
    int free;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(probes.probe("id", tcp, OptionalInt.of(socket.getLocalPort())))
          .isEqualTo(ProbeResult.PASS);
      free = socket.getLocalPort();
    }
    assertThat(probes.probe("id", tcp, OptionalInt.of(free))).isEqualTo(ProbeResult.FAIL);
  }

  @Test
  void aTaskWithoutAPortFailsItsHttpAndTcpChecks() {
    assertThat(
            probes.probe(
                "id", RunSpecBuilder.check(HealthcheckMode.TCP, "", 0, 1, 1), OptionalInt.empty()))
        .isEqualTo(ProbeResult.FAIL);
  }
}
