package io.paasta.deploy.testing;

import com.github.dockerjava.api.DockerClient;
import io.paasta.engine.DockerEngine;
import io.paasta.engine.EngineException;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Docker engine for a test class, with what image builds need (make, busybox-static) and,
 * for pushes, the registry: checked once before the class (a test fails under CI without them, and
 * is skipped elsewhere); one docker-java client per test run, closed when the run ends.
 *
 * <pre>
 *   &#64;RegisterExtension static final RealEngine ENGINE = RealEngine.withRegistry();
 *   ... ENGINE.docker(), ENGINE.registry()
 * </pre>
 */
public final class RealEngine implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RealEngine.class);

  private final boolean builds;
  private final boolean registry;
  private Client client;

  private RealEngine(boolean builds, boolean registry) {
    this.builds = builds;
    this.registry = registry;
  }

  /** The engine alone: for tests that run existing images or none. */
  public static RealEngine only() {
    return new RealEngine(false, false);
  }

  /** The engine, make and busybox: for builds that stay on this host. */
  public static RealEngine forBuilds() {
    return new RealEngine(true, false);
  }

  /** The engine, make, busybox and the registry: for builds that are pushed. */
  public static RealEngine withRegistry() {
    return new RealEngine(true, true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (registry) {
      TestInfrastructure.requireRegistry();
    }
    if (builds) {
      TestInfrastructure.requireMake();
      TestInfrastructure.requireBusybox();
    }
    client = shared(context);
  }

  /** The run's client of the engine (closed by the run, not by the test). */
  public DockerClient docker() {
    return client.docker;
  }

  /** The registry's address ({@code host:port}). */
  public String registry() {
    return TestInfrastructure.REGISTRY;
  }

  private static Client shared(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent("docker", key -> new Client(requireDocker()), Client.class);
  }

  /**
   * A client of its own on the engine ({@code $DOCKER_HOST}, else the default socket) for a fixture
   * that closes it; a missing engine fails under CI, else skips.
   */
  public static DockerClient requireDocker() {
    TestInfrastructure.requireEngine();
    try {
      return DockerEngine.fromEnvironment().connect();
    } catch (EngineException e) {
      throw TestInfrastructure.missing(e.getMessage());
    }
  }

  /** The shared client, closed when the run's root store is. */
  private record Client(DockerClient docker) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      docker.close();
    }
  }
}
