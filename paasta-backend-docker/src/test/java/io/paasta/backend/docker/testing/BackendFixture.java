package io.paasta.backend.docker.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.paasta.backend.docker.DockerBackend;
import io.paasta.backend.docker.DockerBackendConfig;
import io.paasta.backend.docker.DockerBackends;
import io.paasta.deploy.testing.ExampleImage;
import io.paasta.deploy.testing.RealEngine;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import io.paasta.planning.backend.BackendPorts;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.plan.Action;
import io.paasta.testing.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the integration tests share, as a JUnit extension: the real engine (one client per run), the
 * example hello-web image (built and pushed once per run, {@link ExampleImage}), and backends for a
 * cluster of the test class's own (so that tests never see other tests' tasks). After each test it
 * removes every container of the cluster; after the class, the backend of {@link #backend()} too.
 *
 * <pre>
 *   &#64;RegisterExtension static final BackendFixture fixture = BackendFixture.withHelloWeb();
 * </pre>
 */
public final class BackendFixture
    implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
  /** Every task the tests start carries this label too, for a sweep by hand: docker rm -f. */
  public static final String TEST_LABEL = "paasta_backend_it";

  public final String cluster = TestInfrastructure.randomService("it-cluster");
  private final RealEngine engine = RealEngine.only();
  private final Optional<ExampleImage> helloWeb;
  private DockerBackend backend;

  private BackendFixture(Optional<ExampleImage> helloWeb) {
    this.helloWeb = helloWeb;
  }

  /** The engine, the registry and the hello-web image. */
  public static BackendFixture withHelloWeb() {
    return new BackendFixture(Optional.of(new ExampleImage()));
  }

  /** The engine only (no image). */
  public static BackendFixture engineOnly() {
    return new BackendFixture(Optional.empty());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    engine.beforeAll(context);
    if (helloWeb.isPresent()) {
      helloWeb.get().beforeAll(context);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    removeContainers();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (backend != null) {
      backend.close();
      backend = null;
    }
    removeContainers();
  }

  /** The run's client of the engine (closed by the run). */
  public DockerClient docker() {
    return engine.docker();
  }

  /** The hello-web image's full name. */
  public String image() {
    return helloWeb
        .orElseThrow(() -> new IllegalStateException("engineOnly(): no image"))
        .image()
        .full();
  }

  /** Quick settings for tests: 2 s stop timeout, discovery and drain polls every 200 ms. */
  public DockerBackendConfig config() {
    return DockerBackendConfig.defaults(cluster)
        .withStopTimeout(Duration.ofSeconds(2))
        .withIntervals(Duration.ofMillis(200), Duration.ofMillis(200));
  }

  /** The class's backend with {@link #config()}: started on first use, closed after the class. */
  public DockerBackend backend() {
    if (backend == null) {
      backend = backend(config());
    }
    return backend;
  }

  /** A started backend on a client of its own (closed with the backend, by the caller). */
  public DockerBackend backend(DockerBackendConfig config) {
    return backend(config, BackendPorts.NONE);
  }

  /** A started backend calling out through {@code ports} (closed by the caller). */
  public DockerBackend backend(DockerBackendConfig config, BackendPorts ports) {
    return DockerBackends.start(config, RealEngine.requireDocker(), Clock.systemUTC(), ports);
  }

  public InstanceRef ref(String instance) {
    return new InstanceRef("hello", cluster, instance, InstanceKind.MARATHON);
  }

  public static String appId(InstanceRef ref) {
    return ref.service() + "." + ref.instance() + ".git0123abcd.config89abcdef";
  }

  /** Starts {@code count} tasks of the instance's one app. */
  public void start(DockerBackend backend, InstanceRef ref, int count, RunSpecBuilder run) {
    backend.execute(
        ref,
        new Action.StartTasks(
            appId(ref), count, run.label(TEST_LABEL, cluster).build(), "test start"));
  }

  /** The tasks of one instance as observed now. */
  public static List<ObservedTask> tasks(DockerBackend backend, InstanceRef ref) {
    return backend.observeAll().stream()
        .filter(i -> i.ref().equals(ref))
        .findFirst()
        .map(ObservedInstance::tasks)
        .orElse(List.of());
  }

  /** Removes every container of the test's cluster. */
  public void removeContainers() {
    List<Container> containers =
        docker()
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(Labels.CLUSTER, cluster))
            .exec();
    for (Container container : containers) {
      try {
        docker().removeContainerCmd(container.getId()).withForce(true).exec();
      } catch (RuntimeException ignored) {
        // gone already
      }
    }
  }
}
