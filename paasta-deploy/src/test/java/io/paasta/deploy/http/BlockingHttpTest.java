package io.paasta.deploy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The blocking HTTP helper against a real HTTP server (the JDK's) on a loopback port. */
class BlockingHttpTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(handlers);
    server.createContext("/echo", this::echo);
    server.createContext(
        "/missing",
        exchange ->
            reply(exchange, 404, "application/problem+json", "{\"detail\":\"no such thing\"}"));
    server.createContext(
        "/old",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/echo");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/slow",
        exchange -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          reply(exchange, 200, "text/plain", "late");
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }

  private void echo(HttpExchange exchange) throws IOException {
    clientPorts.add(exchange.getRemoteAddress().getPort());
    String body =
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI()
            + " Accept="
            + exchange.getRequestHeaders().getFirst("Accept")
            + " Authorization="
            + exchange.getRequestHeaders().getFirst("Authorization");
    exchange.getResponseHeaders().add("X-Answer", "42");
    reply(exchange, 200, "text/plain; charset=utf-8", body);
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private static BlockingHttp http(Duration connect, Duration read, BlockingHttp.Redirects r) {
    return new BlockingHttp(connect, read, r);
  }

  private static BlockingHttp http() {
    return http(TIMEOUT, TIMEOUT, BlockingHttp.Redirects.FOLLOW);
  }

  @Test
  void sendsTheHeadersAndReadsStatusHeadersAndBody() throws HttpFailure {
    HttpResponse response =
        http()
            .send(
                "GET",
                URI.create(base + "/echo?x=1"),
                Map.of("Accept", "application/json", "Authorization", "Bearer t0ken"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.successful()).isTrue();
    assertThat(response.body())
        .isEqualTo("GET /echo?x=1 Accept=application/json Authorization=Bearer t0ken");
    assertThat(response.header("x-answer")).contains("42");
    assertThat(response.header("Content-Type")).contains("text/plain; charset=utf-8");
    assertThat(response.header("X-Nothing")).isEmpty();
  }

  @Test
  void anErrorStatusIsAnAnswerWithItsBody() throws HttpFailure {
    HttpResponse response = http().send("GET", URI.create(base + "/missing"), Map.of());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.successful()).isFalse();
    assertThat(response.body()).isEqualTo("{\"detail\":\"no such thing\"}");
    assertThat(response.header("content-type")).contains("application/problem+json");
  }

  @Test
  void headReadsNoBody() throws HttpFailure {
    HttpResponse response = http().send("HEAD", URI.create(base + "/echo"), Map.of());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("X-Answer")).contains("42");
  }

  @Test
  void redirectsAreFollowedOnlyWhenAsked() throws HttpFailure {
    URI old = URI.create(base + "/old");

    HttpResponse followed = http().send("GET", old, Map.of());
    HttpResponse notFollowed =
        http(TIMEOUT, TIMEOUT, BlockingHttp.Redirects.NEVER).send("GET", old, Map.of());

    assertThat(followed.status()).isEqualTo(200);
    assertThat(followed.body()).startsWith("GET /echo ");
    assertThat(notFollowed.status()).isEqualTo(302);
    assertThat(notFollowed.header("Location")).contains("/echo");
  }

  @Test
  void aConnectionIsKeptAliveForTheNextRequest() throws HttpFailure {
    BlockingHttp http = http();

    http.send("GET", URI.create(base + "/echo"), Map.of());
    http.send("GET", URI.create(base + "/echo"), Map.of());

    assertThat(clientPorts).hasSize(2);
    assertThat(clientPorts.get(1)).as("same client socket").isEqualTo(clientPorts.get(0));
  }

  @Test
  void noAnswerWithinTheReadTimeoutIsAnAnswerTimeout() {
    BlockingHttp impatient = http(TIMEOUT, Duration.ofMillis(200), BlockingHttp.Redirects.FOLLOW);

    assertThatThrownBy(() -> impatient.send("GET", URI.create(base + "/slow"), Map.of()))
        .isInstanceOfSatisfying(
            HttpFailure.class,
            e -> {
              assertThat(e.kind()).isEqualTo(HttpFailure.Kind.ANSWER_TIMEOUT);
              assertThat(e.timedOut()).isTrue();
              assertThat(e.reason()).isEqualTo("no answer within 200ms");
            })
        .hasMessage("GET " + base + "/slow: no answer within 200ms");
  }

  @Test
  void nothingListeningIsRefused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI uri = URI.create("http://127.0.0.1:" + port + "/v2/");

    assertThatThrownBy(() -> http().send("HEAD", uri, Map.of()))
        .isInstanceOfSatisfying(
            HttpFailure.class,
            e -> {
              assertThat(e.kind()).isEqualTo(HttpFailure.Kind.REFUSED);
              assertThat(e.timedOut()).isFalse();
            })
        .hasMessage("HEAD http://127.0.0.1:" + port + "/v2/: connection refused");
  }

  @Test
  void noConnectionWithinTheConnectTimeoutIsAConnectTimeout() throws IOException {
    // a listener that accepts nothing: once its accept queue is full, the kernel drops new SYNs
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> queued = fillAcceptQueue(full);
      try {
        URI uri = URI.create("http://127.0.0.1:" + full.getLocalPort() + "/");
        BlockingHttp http = http(Duration.ofMillis(300), TIMEOUT, BlockingHttp.Redirects.FOLLOW);

        assertThatThrownBy(() -> http.send("GET", uri, Map.of()))
            .isInstanceOfSatisfying(
                HttpFailure.class,
                e -> assertThat(e.kind()).isEqualTo(HttpFailure.Kind.CONNECT_TIMEOUT))
            .hasMessage("GET " + uri + ": no connection within 300ms");
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }
  }

  /** Connects until a connection times out; fails when the kernel keeps accepting. */
  private static List<Socket> fillAcceptQueue(ServerSocket listener) throws IOException {
    List<Socket> queued = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Socket socket = new Socket();
      try {
        socket.connect(listener.getLocalSocketAddress(), 200);
        queued.add(socket);
      } catch (SocketTimeoutException e) {
        socket.close();
        return queued;
      }
    }
    for (Socket socket : queued) {
      socket.close();
    }
    throw new AssertionError("the accept queue of a backlog-1 listener never filled up");
  }

  @Test
  void onlyHttpUrlsAreSent() {
    assertThatThrownBy(() -> http().send("GET", URI.create("ftp://127.0.0.1/x"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an http or https URL: ftp://127.0.0.1/x");
    assertThatThrownBy(() -> BlockingHttp.httpUri("http:///no-host"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no host in http:///no-host");
    assertThat(BlockingHttp.httpUri("HTTPS://example.com/v2/"))
        .isEqualTo(URI.create("HTTPS://example.com/v2/"));
  }

  @Test
  void timeoutsMustBePositive() {
    assertThatThrownBy(() -> http(Duration.ZERO, TIMEOUT, BlockingHttp.Redirects.NEVER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connectTimeout must be positive");
  }
}
