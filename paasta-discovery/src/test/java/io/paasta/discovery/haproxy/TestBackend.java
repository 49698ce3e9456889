package io.paasta.discovery.haproxy;

import com.sun.net.httpserver.HttpServer;
import io.paasta.discovery.Endpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A task for tests: an HTTP server on 127.0.0.1 answering every path (also /status) with its id.
 */
final class TestBackend implements AutoCloseable {
  private final String id;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final AtomicInteger requests = new AtomicInteger();

  TestBackend(String id) throws IOException {
    this(id, 0);
  }

  TestBackend(String id, int port) throws IOException {
    this.id = id;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = id.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(executor);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  int requests() {
    return requests.get();
  }

  Endpoint endpoint() {
    return new Endpoint("127.0.0.1", port(), id, 1);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
