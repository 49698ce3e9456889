package io.paasta.bench;

import com.sun.net.httpserver.HttpServer;
import io.paasta.discovery.Endpoint;
import io.paasta.discovery.haproxy.ApplyResult;
import io.paasta.discovery.haproxy.FrontendSpec;
import io.paasta.discovery.haproxy.HaproxyProcess;
import io.paasta.discovery.haproxy.LocalProxy;
import io.paasta.discovery.haproxy.LoopbackPorts;
import io.paasta.discovery.haproxy.ProxySettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Benchmark driver: SmartStack propagation through the real HAProxy, for N endpoints (HTTP servers
 * on 127.0.0.1 answering their id; each has answered a request before, as a task that passed its
 * health check has). After an untimed warm-up pass, two timed phases:
 *
 * <ul>
 *   <li>swap: the namespace has one endpoint at a time; each {@code apply()} replaces it with the
 *       next. Timed from the start of {@code apply()} to the first request through {@code
 *       127.0.0.1:proxy_port} answered by the new endpoint.
 *   <li>grow: each {@code apply()} adds one endpoint and keeps the others, 1 to N; backends outgrow
 *       their 16 slots, so this phase includes the reloads that grow them. Timed from the start of
 *       {@code apply()} until HAProxy reports the new endpoint UP (with many endpoints, which
 *       request reaches the new one is up to the balancing, not to propagation).
 * </ul>
 *
 * Prints a Markdown table (p50/p99/max, reloads). Arguments: {@code [endpoints] [haproxy binary]}.
 */
public final class HaproxyPropagationBench {
  private static final String NS = "bench.main";

  private final LocalProxy proxy;
  private final List<FrontendSpec> frontends;
  private final int port;
  private final Path binary;

  private HaproxyPropagationBench(LocalProxy proxy, Path binary, int port) {
    this.proxy = proxy;
    this.binary = binary;
    this.port = port;
    this.frontends = List.of(FrontendSpec.withDefaults(NS, port));
  }

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Path binary = args.length > 1 ? Path.of(args[1]) : HaproxyProcess.DEFAULT_BINARY;
    Path dir = Files.createTempDirectory("paasta-bench-haproxy");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<HttpServer> servers = new ArrayList<>();
    ProxySettings settings = ProxySettings.defaults(dir).withStatsPort(LoopbackPorts.freePort());
    LocalProxy proxy =
        new LocalProxy(settings, binary, Duration.ofSeconds(30), LoopbackPorts::isFree);
    try {
      List<Endpoint> endpoints = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        HttpServer server = server("e" + i, pool);
        servers.add(server);
        endpoints.add(new Endpoint("127.0.0.1", server.getAddress().getPort(), "e" + i, 1));
      }
      new HaproxyPropagationBench(proxy, binary, LoopbackPorts.freePort()).run(endpoints);
    } finally {
      proxy.stop();
      servers.forEach(s -> s.stop(0));
      pool.shutdownNow();
      deleteTree(dir);
    }
  }

  private void run(List<Endpoint> endpoints) throws IOException {
    int count = endpoints.size();
    for (Endpoint e : endpoints) {
      if (!e.name().equals(body(e.port()))) {
        throw new IllegalStateException("endpoint " + e.name() + " does not answer directly");
      }
    }
    check(proxy.apply(frontends, Map.of()));
    for (Endpoint e : endpoints) {
      swap(e); // warm-up, untimed
    }
    long[] swap = new long[count];
    for (int i = 0; i < count; i++) {
      swap[i] = swap(endpoints.get(i));
    }
    int swapReloads = proxy.reloads();
    check(proxy.apply(frontends, Map.of()));
    long[] grow = new long[count];
    for (int i = 0; i < count; i++) {
      grow[i] = grow(endpoints.subList(0, i + 1), endpoints.get(i));
    }
    System.out.printf("HAProxy propagation over %d endpoints (%s)%n%n", count, binary);
    System.out.println("| phase | measured until | p50 ms | p99 ms | max ms | reloads |");
    System.out.println("| --- | --- | --- | --- | --- | --- |");
    row("swap (1 endpoint at a time)", "first request served by it", swap, swapReloads);
    row(
        "grow (1 to " + count + " endpoints)",
        "UP in HAProxy",
        grow,
        proxy.reloads() - swapReloads);
    System.out.printf(
        "%navailable after grow: %d of %d%n", proxy.stats().availableCount(NS), count);
  }

  private long swap(Endpoint target) {
    long start = System.nanoTime();
    check(proxy.apply(frontends, Map.of(NS, List.of(target))));
    long deadline = start + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (target.name().equals(body(port))) {
        return System.nanoTime() - start;
      }
    }
    throw new IllegalStateException(target.name() + " not reached through HAProxy within 10 s");
  }

  private long grow(List<Endpoint> wanted, Endpoint target) {
    long start = System.nanoTime();
    check(proxy.apply(frontends, Map.of(NS, wanted)));
    long deadline = start + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (proxy.isUp(NS, target.host(), target.port())) {
        return System.nanoTime() - start;
      }
    }
    throw new IllegalStateException(target.name() + " not UP in HAProxy within 10 s");
  }

  private static void check(ApplyResult result) {
    if (!result.problems().isEmpty()) {
      throw new IllegalStateException("apply reported problems: " + result.problems());
    }
  }

  private static void row(String phase, String until, long[] nanos, int reloads) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "| %s | %s | %.1f | %.1f | %.1f | %d |%n",
        phase,
        until,
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6,
        sorted[sorted.length - 1] / 1e6,
        reloads);
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static HttpServer server(String id, ExecutorService pool) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    byte[] body = id.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(pool);
    server.start();
    return server;
  }

  /** One HTTP/1.0 GET on a fresh connection; the body of a 200 response, else null. */
  private static String body(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      socket.setSoTimeout(2000);
      socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int bodyStart = response.indexOf("\r\n\r\n");
      return response.matches("(?s)HTTP/1\\.[01] 200 .*") && bodyStart >= 0
          ? response.substring(bodyStart + 4)
          : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
