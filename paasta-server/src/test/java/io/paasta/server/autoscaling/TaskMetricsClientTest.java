package io.paasta.server.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.paasta.planning.autoscaling.AutoscalingParams.MetricsProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The http and uwsgi providers against real HTTP servers on loopback: a good answer, a server that
 * is down, slow (a timeout counts as 1.0), answers an error, garbage or a value outside 0..1.
 */
class TaskMetricsClientTest {
  private final TaskMetricsClient client = new TaskMetricsClient(TaskMetricsClient.TIMEOUT);
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @AfterEach
  void stop() {
    release.countDown();
    if (server != null) {
      server.stop(0);
    }
  }

  private int serve(String path, int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          if (body.equals("SLOW")) {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          boolean found = exchange.getRequestURI().getPath().equals(path);
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(found ? status : 404, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return server.getAddress().getPort();
  }

  @Test
  void httpReadsTheUtilization() throws IOException {
    int port = serve("/status", 200, "{\"utilization\": 0.42, \"other\": 1}");
    assertThat(client.read(MetricsProvider.HTTP, port, "status"))
        .isEqualTo(new TaskReading.Value(0.42));
  }

  @Test
  void uwsgiCountsWorkersThatAreNotIdle() throws IOException {
    int port =
        serve(
            "/status/uwsgi",
            200,
            "{\"workers\": [{\"status\": \"idle\"}, {\"status\": \"busy\"}, {\"status\": \"idle\"},"
                + " {\"status\": \"cheap\"}]}");
    assertThat(client.read(MetricsProvider.UWSGI, port, "status/uwsgi"))
        .isEqualTo(new TaskReading.Value(0.5));
  }

  @Test
  void aSlowTaskCountsAsFullyLoaded() throws IOException {
    int port = serve("/status", 200, "SLOW");
    assertThat(client.read(MetricsProvider.HTTP, port, "status"))
        .isEqualTo(new TaskReading.Value(1.0));
  }

  @Test
  void aTaskThatIsDownIsSkippedQuietly() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    TaskReading reading = client.read(MetricsProvider.HTTP, port, "status");
    assertThat(reading).isInstanceOf(TaskReading.Skipped.class);
    assertThat(((TaskReading.Skipped) reading).warn()).isFalse();
  }

  @Test
  void anErrorStatusIsSkippedQuietly() throws IOException {
    int port = serve("/status", 500, "{\"utilization\": 0.5}");
    TaskReading reading = client.read(MetricsProvider.HTTP, port, "status");
    assertThat(reading)
        .isEqualTo(
            new TaskReading.Skipped(
                "http://127.0.0.1:" + port + "/status answered HTTP 500", false));
  }

  @Test
  void garbageIsSkippedWithAWarningSayingWhatWasExpected() throws IOException {
    int port = serve("/status", 200, "<html>busy</html>");
    TaskReading reading = client.read(MetricsProvider.HTTP, port, "status");
    assertThat(reading).isInstanceOf(TaskReading.Skipped.class);
    TaskReading.Skipped skipped = (TaskReading.Skipped) reading;
    assertThat(skipped.warn()).isTrue();
    assertThat(skipped.why())
        .contains("answered '<html>busy</html>'")
        .contains("expected {\"utilization\": 0..1}");
  }

  @Test
  void aValueOutsideZeroToOneIsSkippedWithAWarning() throws IOException {
    int port = serve("/status", 200, "{\"utilization\": 1.5}");
    TaskReading.Skipped skipped =
        (TaskReading.Skipped) client.read(MetricsProvider.HTTP, port, "status");
    assertThat(skipped.warn()).isTrue();
    assertThat(skipped.why()).contains("utilization 1.5 is outside 0..1");
    assertThat(UtilizationDocuments.http("{\"utilization\": -0.1}"))
        .isInstanceOf(TaskReading.Skipped.class);
    assertThat(UtilizationDocuments.http("{\"utilization\": \"0.5\"}"))
        .isInstanceOf(TaskReading.Skipped.class);
    assertThat(UtilizationDocuments.http("{\"utilization\": 1}"))
        .isEqualTo(new TaskReading.Value(1.0));
  }

  @Test
  void uwsgiGarbageIsSkippedWithAWarning() {
    assertThat(UtilizationDocuments.uwsgi("{\"workers\": []}"))
        .isInstanceOf(TaskReading.Skipped.class);
    assertThat(UtilizationDocuments.uwsgi("{\"workers\": [{\"id\": 1}]}"))
        .isInstanceOf(TaskReading.Skipped.class);
    assertThat(UtilizationDocuments.uwsgi("not json")).isInstanceOf(TaskReading.Skipped.class);
  }
}
