package io.paasta.cli.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of our own PaaSTA API for tests: a real JDK HTTP server on 127.0.0.1 serving the JSON
 * contract's shapes. Each path answers from a script: the n-th request gets the n-th answer (the
 * last one repeats), so tests can make answers change over time without sleeping. Unscripted paths
 * answer 404 with a problem document; {@code /v1/version} answers with the cluster name.
 */
public final class FakePaastaApi implements AutoCloseable {
  /** One scripted answer. */
  public record Answer(
      int status,
      String contentType,
      String body,
      Duration delay,
      Map<String, String> headers,
      String awaitedPath) {
    public Answer(
        int status, String contentType, String body, Duration delay, Map<String, String> headers) {
      this(status, contentType, body, delay, headers, null);
    }

    public Answer(int status, String contentType, String body, Duration delay) {
      this(status, contentType, body, delay, Map.of());
    }

    public static Answer json(String body) {
      return new Answer(200, "application/json", body, Duration.ZERO);
    }

    public static Answer problem(int status, String title, String detail) {
      return new Answer(
          status,
          "application/problem+json",
          "{\"type\":\"about:blank\",\"title\":\""
              + title
              + "\",\"status\":"
              + status
              + ",\"detail\":\""
              + detail
              + "\"}",
          Duration.ZERO);
    }

    public Answer after(Duration wait) {
      return new Answer(status, contentType, body, wait, headers, awaitedPath);
    }

    /**
     * This answer held back until a request for {@code path} has arrived since it was scripted (at
     * most {@link #AWAIT_AT_MOST}): proves that a client sends that request before it has this
     * answer.
     */
    public Answer whenReceived(String path) {
      return new Answer(status, contentType, body, delay, headers, path);
    }

    /** This answer with a {@code Retry-After} header of {@code seconds}. */
    public Answer retryAfter(int seconds) {
      return new Answer(status, contentType, body, delay, Map.of("Retry-After", "" + seconds));
    }
  }

  /** How long an answer {@linkplain Answer#whenReceived held back} waits at most. */
  public static final Duration AWAIT_AT_MOST = Duration.ofSeconds(10);

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Map<String, List<Answer>> scripts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Map<String, Integer> scriptedAt = new ConcurrentHashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

  /** A request as it arrived: method, path with query, Authorization header (or null), body. */
  public record Received(String method, String path, String authorization, String body) {}

  public FakePaastaApi(String cluster) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    script("/v1/version", Answer.json("{\"version\":\"0.1.0\",\"cluster\":\"" + cluster + "\"}"));
    server.start();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** What {@code path} (with its query, if any) answers: answer n to the n-th request. */
  public FakePaastaApi script(String path, Answer... answers) {
    synchronized (requests) {
      scriptedAt.put(path, requests.size());
    }
    scripts.put(path, List.of(answers));
    counts.put(path, new AtomicInteger());
    return this;
  }

  /** JSON answers for {@code path}, in order. */
  public FakePaastaApi json(String path, String... bodies) {
    return script(path, Arrays.stream(bodies).map(Answer::json).toArray(Answer[]::new));
  }

  /** Every request so far, as {@code path?query}. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Every request so far with its method, Authorization header and body. */
  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String path = exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query);
    synchronized (requests) {
      requests.add(path);
      requests.notifyAll();
    }
    received.add(
        new Received(
            exchange.getRequestMethod(),
            path,
            exchange.getRequestHeaders().getFirst("Authorization"),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    List<Answer> script =
        scripts.getOrDefault(path, scripts.get(exchange.getRequestURI().getRawPath()));
    Answer answer;
    int since = 0;
    if (script == null) {
      answer = Answer.problem(404, "Not Found", "no such resource: " + path);
    } else {
      String key = scripts.containsKey(path) ? path : exchange.getRequestURI().getRawPath();
      int n = counts.get(key).getAndIncrement();
      since = scriptedAt.getOrDefault(key, 0);
      answer = script.get(Math.min(n, script.size() - 1));
    }
    try {
      if (answer.awaitedPath() != null) {
        awaitRequest(answer.awaitedPath(), since);
      }
      if (!answer.delay().isZero()) {
        Thread.sleep(answer.delay().toMillis());
      }
      byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      answer.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up (a timeout test): nothing to answer
    } finally {
      exchange.close();
    }
  }

  /** Waits until {@code path} is among the requests from index {@code since} on. */
  private void awaitRequest(String path, int since) throws InterruptedException {
    long end = System.nanoTime() + AWAIT_AT_MOST.toNanos();
    synchronized (requests) {
      while (!requests.subList(since, requests.size()).contains(path) && System.nanoTime() < end) {
        requests.wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
