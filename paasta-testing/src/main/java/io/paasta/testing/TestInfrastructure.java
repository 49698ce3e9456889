package io.paasta.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The real components integration tests run against: the Docker engine, the registry on
 * 127.0.0.1:5000, make, busybox, git and HAProxy (all set up by {@code scripts/test.sh}). A missing
 * component skips the test with a message saying how to get it, except under CI ({@code CI=true}),
 * where it fails the test: CI must not pass by skipping.
 */
public final class TestInfrastructure {
  /** The registry of the tests: {@code $PAASTA_TEST_REGISTRY}, else 127.0.0.1:5000. */
  public static final String REGISTRY = envOr("PAASTA_TEST_REGISTRY", "127.0.0.1:5000");

  /** The static busybox of the Debian package busybox-static. */
  public static final Path BUSYBOX = Path.of("/bin/busybox");

  /** The engine's address when {@code DOCKER_HOST} is not set. */
  public static final URI DEFAULT_ENGINE = URI.create("unix:///var/run/docker.sock");

  private static final String HOW_TO_GET =
      " - run scripts/test.sh as root (it installs and starts what the tests need)";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private TestInfrastructure() {}

  /**
   * The address of a Docker engine ({@code $DOCKER_HOST}, else the default unix socket) that
   * answers {@code GET /_ping}.
   */
  public static URI requireEngine() {
    return requireEngine(System.getenv());
  }

  static URI requireEngine(Map<String, String> env) {
    URI engine = engine(env);
    String answer;
    try {
      answer =
          "unix".equals(engine.getScheme())
              ? pingUnixSocket(Path.of(engine.getPath()))
              : pingHttp(URI.create("http://" + engine.getAuthority() + "/_ping"));
    } catch (IOException e) {
      throw missing("no Docker engine answers on " + engine + " (" + e + ")");
    }
    if (!answer.equals("200")) {
      throw missing("the Docker engine on " + engine + " answers HTTP " + answer + " to a ping");
    }
    return engine;
  }

  /** {@code DOCKER_HOST} of an environment, else {@link #DEFAULT_ENGINE}. */
  static URI engine(Map<String, String> env) {
    String value = env.get("DOCKER_HOST");
    return value == null || value.isBlank() ? DEFAULT_ENGINE : URI.create(value.trim());
  }

  /**
   * Tests that cut a socket proxy in front of the engine need it on a unix socket; under CI a
   * {@code DOCKER_HOST} elsewhere fails them.
   */
  public static void requireUnixEngine(URI engine) {
    if (!"unix".equals(engine.getScheme())) {
      throw missing("the Docker engine on a unix socket (DOCKER_HOST is " + engine + ")");
    }
  }

  /** The address ({@code host:port}) of a registry that answers {@code GET /v2/}. */
  public static String requireRegistry() {
    String status;
    try {
      status = pingHttp(URI.create("http://" + REGISTRY + "/v2/"));
    } catch (IOException e) {
      throw missing("no Docker registry answers on " + REGISTRY + " (" + e + ")");
    }
    if (!status.equals("200")) {
      throw missing("the registry " + REGISTRY + " answers HTTP " + status + " to GET /v2/");
    }
    return REGISTRY;
  }

  /** make, for service repositories' targets. */
  public static void requireMake() {
    requireCommand("make", "make --version");
  }

  /** git, for the example repository. */
  public static void requireGit() {
    requireCommand("git", "git --version");
  }

  /** HAProxy (Debian's package), for SmartStack. */
  public static void requireHaproxy() {
    requireCommand("haproxy", "haproxy -v");
  }

  /** The static busybox that the example images copy. */
  public static Path requireBusybox() {
    if (!Files.isExecutable(BUSYBOX)) {
      throw missing(BUSYBOX + " is missing (Debian package busybox-static)");
    }
    return BUSYBOX;
  }

  /** Whether this run is CI's: missing components fail instead of skipping. */
  public static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Fails the test under CI, else skips it; for fixtures that find a component missing their own
   * way. Returns so that callers can write {@code throw missing(...)}.
   */
  public static RuntimeException missing(String what) {
    String message = what + HOW_TO_GET;
    if (ci()) {
      fail("CI=true and a test component is missing: " + message);
    }
    System.err.println("[skipped] " + message);
    Assumptions.abort(message);
    return new IllegalStateException("unreachable");
  }

  /** A random 40-hex sha, so that every test's images are its own. */
  public static String randomSha() {
    byte[] bytes = new byte[20];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** A random service name such as {@code it-3f9a1c}, so that tests never share repositories. */
  public static String randomService(String prefix) {
    return prefix + "-" + randomSha().substring(0, 8);
  }

  /** The HTTP status the engine's unix socket answers to {@code GET /_ping}. */
  private static String pingUnixSocket(Path socket) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.write(
          ByteBuffer.wrap(
              "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer head = ByteBuffer.allocate(12); // "HTTP/1.1 200"
      while (head.hasRemaining() && channel.read(head) >= 0) {
        // until the status code is in
      }
      String line = new String(head.array(), 0, head.position(), StandardCharsets.US_ASCII);
      if (!line.startsWith("HTTP/") || line.length() < 12) {
        throw new IOException("not an HTTP answer: " + line);
      }
      return line.substring(9, 12);
    }
  }

  /** The HTTP status of {@code GET url}. */
  private static String pingHttp(URI url) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).build();
    try {
      return String.valueOf(
          http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void requireCommand(String name, String command) {
    try {
      Process process =
          new ProcessBuilder(command.split(" "))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (process.waitFor() != 0) {
        throw missing(name + " does not run (" + command + " failed)");
      }
    } catch (IOException e) {
      throw missing(name + " is not installed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
