package io.paasta.deploy.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import io.paasta.engine.DockerEngine;
import io.paasta.engine.EngineException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real components integration tests run against: the Docker engine, the registry on
 * 127.0.0.1:5000, make and busybox (all set up by {@code scripts/test.sh}). A missing component
 * skips the test with a message saying how to get it, except under CI ({@code CI=true}), where it
 * fails the test: CI must not pass by skipping.
 */
public final class TestInfrastructure {
  /** The registry of the tests: {@code $PAASTA_TEST_REGISTRY}, else 127.0.0.1:5000. */
  public static final String REGISTRY = envOr("PAASTA_TEST_REGISTRY", "127.0.0.1:5000");

  /** The static busybox of the Debian package busybox-static. */
  public static final Path BUSYBOX = Path.of("/bin/busybox");

  private static final String HOW_TO_GET =
      " - run scripts/test.sh as root (it installs and starts what the tests need)";

  private TestInfrastructure() {}

  /** A client of the Docker engine; the caller closes it. */
  public static DockerClient requireDocker() {
    try {
      return DockerEngine.fromEnvironment().connect();
    } catch (EngineException e) {
      throw missing(e.getMessage());
    }
  }

  /** The address ({@code host:port}) of a registry that answers {@code GET /v2/}. */
  public static String requireRegistry() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + REGISTRY + "/v2/"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        throw missing("the registry " + REGISTRY + " answers HTTP " + status + " to GET /v2/");
      }
      return REGISTRY;
    } catch (IOException e) {
      throw missing("no Docker registry answers on " + REGISTRY + " (" + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** make, for service repositories' targets. */
  public static void requireMake() {
    requireCommand("make", "make --version");
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

  /** {@code examples/services}, found from the module directory Maven runs tests in. */
  public static Path exampleServices() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("examples/services");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "examples/services not found above " + Path.of("").toAbsolutePath());
  }

  /**
   * A copy of the example service repository {@code examples/services/<service>} in {@code
   * into/<service>}, so that builds leave nothing in the source tree.
   */
  public static Path copyOfExampleService(String service, Path into) throws IOException {
    Path from = exampleServices().resolve(service);
    Path to = into.resolve(service);
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else if (!path.getFileName().toString().equals("busybox")) {
          // busybox: left by a make cook-image run in the source tree, copied again by the build
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
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

  /** HAProxy (Debian's package), for SmartStack. */
  /**
   * Tests that cut a socket proxy in front of the engine need it on a unix socket; under CI a
   * {@code DOCKER_HOST} elsewhere fails them.
   */
  public static void requireUnixEngine(java.net.URI engine) {
    if (!"unix".equals(engine.getScheme())) {
      throw missing("the Docker engine on a unix socket (DOCKER_HOST is " + engine + ")");
    }
  }

  public static void requireHaproxy() {
    requireCommand("haproxy", "haproxy -v");
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

  /** Fails under CI, else skips the test; returns to make {@code throw missing(...)} read well. */
  private static RuntimeException missing(String what) {
    String message = what + HOW_TO_GET;
    if (ci()) {
      fail("CI=true and a test component is missing: " + message);
    }
    System.err.println("[skipped] " + message);
    Assumptions.abort(message);
    return new IllegalStateException("unreachable");
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
