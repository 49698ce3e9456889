package io.paasta.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark fixture for {@code paasta status}: a PaaSTA API on 127.0.0.1 that answers {@code GET
 * /v1/services/SERVICE/INSTANCE/status} with a recorded answer of a running instance (the JSON
 * contract's shape: three of three tasks up and healthy, one app, in SmartStack, checks OK) for any
 * service and instance, {@code /v1/version} with its cluster, and 404 otherwise. It measures the
 * CLI (start, config, HTTP client, report), not a daemon's work.
 *
 * <p>{@code StatusFixture SECONDS CLUSTER...}: one API per cluster (the CLI checks that an endpoint
 * serves the cluster it is configured for); prints {@code CLUSTER PORT} for each, one a line, then
 * serves until SECONDS have passed, so that it always stops by itself.
 */
public final class StatusFixture {
  private static final Pattern STATUS = Pattern.compile("/v1/services/([^/]+)/([^/]+)/status");
  private static final String SHA = "1a2b3c4d5e6f70819293a4b5c6d7e8f901234567";

  private StatusFixture() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 2 || !args[0].matches("[1-9]\\d{0,4}")) {
      System.err.println("usage: StatusFixture SECONDS CLUSTER... (SECONDS: 1-99999, how long)");
      System.exit(2);
    }
    // TCP_NODELAY on accepted connections, as the daemon's Jetty sets it: without it the JDK's
    // server holds an answer's body until the client acknowledges its headers, and on a reused
    // keep-alive connection the client's delayed acknowledgement costs ~40 ms a request
    System.setProperty("sun.net.httpserver.nodelay", "true");
    List<HttpServer> servers = new ArrayList<>();
    for (String cluster : List.of(args).subList(1, args.length)) {
      if (!cluster.matches("[A-Za-z0-9_.-]+")) {
        System.err.println("StatusFixture: cluster '" + cluster + "' is not a cluster name");
        System.exit(2);
      }
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(Executors.newFixedThreadPool(2));
      server.createContext("/", exchange -> answer(cluster, exchange));
      server.start();
      servers.add(server);
      System.out.println(cluster + " " + server.getAddress().getPort());
    }
    System.out.flush();
    new CountDownLatch(1).await(Long.parseLong(args[0]), TimeUnit.SECONDS);
    servers.forEach(server -> server.stop(0));
    System.exit(0);
  }

  private static void answer(String cluster, HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    Matcher status = STATUS.matcher(path);
    if (status.matches()) {
      send(exchange, 200, running(cluster, status.group(1), status.group(2)));
    } else if (path.equals("/v1/version")) {
      send(exchange, 200, "{\"cluster\":\"" + cluster + "\",\"version\":\"bench\"}");
    } else {
      send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"" + path + "\"}");
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

  /** A running instance's status answer (the shape {@code paasta-server} sends). */
  static String running(String cluster, String service, String instance) {
    return "{\"service\":\""
        + service
        + "\",\"instance\":\""
        + instance
        + "\",\"cluster\":\""
        + cluster
        + "\",\"git_sha\":\""
        + SHA
        + "\",\"desired_state\":\"start\",\"marathon\":{\"desired_state\":\"start\","
        + "\"app_count\":1,\"app_id\":\""
        + service
        + "."
        + instance
        + ".git1a2b3c4d.config3c5d7e9f\",\"bounce_method\":\"crossover\","
        + "\"deploy_status\":\"Running\",\"running_instance_count\":3,"
        + "\"healthy_instance_count\":3,\"expected_instance_count\":3,\"error_message\":null,"
        + "\"config_problems\":[],\"backoff_seconds\":0},\"smartstack\":{\"locations\":"
        + "[{\"name\":\"region:"
        + cluster
        + "\",\"running_backends\":3,\"expected_backends\":3}]},"
        + "\"checks\":[{\"name\":\"check_marathon_services_replication."
        + service
        + "."
        + instance
        + "\",\"status\":0,\"output\":\"3/3 tasks healthy\"}]}";
  }
}
