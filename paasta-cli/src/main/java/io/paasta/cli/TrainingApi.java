package io.paasta.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A PaaSTA API on 127.0.0.1 for the start-up archive's training ({@link StartupTraining}): every
 * instance's status is one of a running app with its tasks in SmartStack and a passing check,
 * {@code /v1/version} names no cluster (so it serves any), anything else is a 404 problem. With it
 * the training's {@code status} goes through a successful answer's parsing and formatting, whose
 * classes and lambdas the archive then holds.
 */
final class TrainingApi implements AutoCloseable {
  private static final String RUNNING =
      "{\"git_sha\":\"0123456789abcdef0123456789abcdef01234567\",\"desired_state\":\"start\","
          + "\"marathon\":{\"desired_state\":\"start\",\"app_count\":1,\"app_id\":\"training\","
          + "\"bounce_method\":\"crossover\",\"deploy_status\":\"Running\","
          + "\"running_instance_count\":2,\"healthy_instance_count\":2,"
          + "\"expected_instance_count\":2,\"error_message\":null,\"config_problems\":[],"
          + "\"backoff_seconds\":0},\"smartstack\":{\"locations\":[{\"name\":\"region:training\","
          + "\"running_backends\":2,\"expected_backends\":2}]},\"checks\":[{\"name\":\"training\","
          + "\"status\":0,\"output\":\"2/2 tasks healthy\"}]}";

  private final HttpServer server;

  TrainingApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", TrainingApi::answer);
    server.start();
  }

  /** The API's base URL. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.endsWith("/status")) {
      send(exchange, 200, RUNNING);
    } else if (path.equals("/v1/version")) {
      send(exchange, 200, "{\"version\":\"training\"}");
    } else {
      send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"training\"}");
    }
  }

  private static void send(HttpExchange exchange, int code, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
