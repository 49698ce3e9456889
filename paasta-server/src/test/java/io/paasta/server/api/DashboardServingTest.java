package io.paasta.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.server.DaemonLog;
import io.paasta.server.events.ChangeFeed;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files and its event stream over real HTTP on loopback: the security headers of
 * every page, unknown files, and change events reaching every client at once, merged for a client
 * that is busy, and a client that stops reading dropped while the others go on.
 */
class DashboardServingTest {
  private final ChangeFeed feed = new ChangeFeed();
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiServer server;
  private URI base;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void start(int maxStreams) throws IOException {
    Router router =
        new Router(List.of(new Route("GET", "/v1/ok", r -> ApiResponse.json(Map.of("ok", 1)))));
    DaemonLog log =
        new DaemonLog(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            Clock.systemUTC());
    server =
        new ApiServer(
            ApiSettings.of(ApiListenAddress.parse("127.0.0.1:0"), Optional.empty()),
            new DashboardHandler(
                new EventStreamHandler(
                    feed, maxStreams, new ApiHandler(router, Optional.empty(), log))));
    server.start();
    base = server.baseUri();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyPageIsServedWithAStrictContentSecurityPolicy() throws Exception {
    start(4);
    for (String path : List.of("/ui/", "/ui/app.js", "/ui/style.css", "/ui/index.html")) {
      HttpResponse<String> page = get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
          .startsWith("default-src 'self'")
          .contains("script-src 'self'")
          .contains("style-src 'self'")
          .doesNotContain("unsafe-inline")
          .doesNotContain("unsafe-eval");
      assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(page.body()).doesNotContain("http://").doesNotContain("https://");
    }
    assertThat(get("/ui/app.js").headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
    assertThat(get("/ui/").body()).contains("<script src=\"/ui/app.js\"");
    // no inline script or style: every script and style is a file of /ui/
    assertThat(get("/ui/").body()).doesNotContain("<style").doesNotContain("style=");
    assertThat(get("/ui/app.js").body()).doesNotContain("innerHTML");
    assertThat(get("/ui/../v1/ok").statusCode()).isIn(200, 400, 404);
    assertThat(get("/ui/secret.txt").statusCode()).isEqualTo(404);
    HttpResponse<String> root =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(
                HttpRequest.newBuilder(base.resolve("/ui")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).contains("/ui/");
    assertThat(get("/v1/ok").statusCode()).isEqualTo(200); // the API is still behind it
  }

  @Test
  void changesReachEveryClientAndASlowClientIsDroppedAlone() throws Exception {
    start(8);
    List<Events> clients = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clients.add(new Events(base));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> feed.listeners() == 5);
    InstanceRef ref = new InstanceRef("web", "c1", "main", InstanceKind.MARATHON);
    feed.instanceChanged(ref);
    feed.jobChanged(new InstanceRef("batch", "c1", "nightly", InstanceKind.CHRONOS));
    for (Events client : clients) {
      assertThat(client.next()).isEqualTo("instance {\"service\":\"web\",\"instance\":\"main\"}");
      assertThat(client.next()).isEqualTo("job {\"service\":\"batch\",\"instance\":\"nightly\"}");
    }
    clients.forEach(Events::close);
    // a closed client is noticed when a write to it fails
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              feed.instanceChanged(ref);
              return feed.listeners() == 0;
            });

    // a client that never reads: its socket fills up, its pending changes pile up, it is dropped
    Socket stuck = new Socket("127.0.0.1", base.getPort());
    stuck.setReceiveBufferSize(1024);
    stuck
        .getOutputStream()
        .write("GET /v1/events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    Events reader = new Events(base);
    await().atMost(Duration.ofSeconds(10)).until(() -> feed.listeners() == 2);
    for (int i = 0; i < EventStreamHandler.MAX_PENDING * 3; i++) {
      feed.instanceChanged(
          new InstanceRef("svc" + i, "c1", "main-" + "x".repeat(2000), InstanceKind.MARATHON));
      if (i % 100 == 0) {
        reader.drain();
      }
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> feed.listeners() == 1);
    feed.instanceChanged(ref);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> reader.drainUntil("instance {\"service\":\"web\",\"instance\":\"main\"}"));
    reader.close();
    stuck.close();
  }

  @Test
  void streamsBeyondTheBoundAreRefused() throws Exception {
    start(1);
    Events first = new Events(base);
    await().atMost(Duration.ofSeconds(10)).until(() -> feed.listeners() == 1);
    HttpResponse<String> second = get("/v1/events");
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(second.body()).contains("too many event streams");
    first.close();
  }

  /** One event-stream client: its events as "kind data" lines. */
  private static final class Events implements AutoCloseable {
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread thread;

    Events(URI base) throws Exception {
      HttpResponse<InputStream> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(base.resolve(EventStreamHandler.PATH)).build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/event-stream");
      body = response.body();
      thread = new Thread(this::read);
      thread.setDaemon(true);
      thread.start();
    }

    private void read() {
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
        String event = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.startsWith("event: ")) {
            event = line.substring(7);
          } else if (line.startsWith("data: ") && event != null) {
            events.add(event + " " + line.substring(6));
            event = null;
          }
        }
      } catch (IOException e) {
        // closed
      }
    }

    String next() throws InterruptedException {
      String event = events.poll(10, TimeUnit.SECONDS);
      assertThat(event).as("an event within 10 s").isNotNull();
      return event;
    }

    void drain() {
      events.clear();
    }

    boolean drainUntil(String wanted) {
      for (String event = events.poll(); event != null; event = events.poll()) {
        if (event.equals(wanted)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void close() {
      try {
        body.close();
      } catch (IOException e) {
        // closed
      }
      thread.interrupt();
    }
  }
}
