package io.paasta.backend.docker.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.paasta.backend.docker.DockerBackend;
import io.paasta.backend.docker.DockerBackendConfig;
import io.paasta.backend.docker.DockerBackends;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.deploy.image.ImageBuilder;
import io.paasta.deploy.image.ImagePusher;
import io.paasta.deploy.image.MakeClient;
import io.paasta.deploy.image.RegistryClient;
import io.paasta.deploy.testing.RegistryImages;
import io.paasta.deploy.testing.TestInfrastructure;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.plan.Action;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the integration tests share: the real engine and registry, the example hello-web image built
 * and pushed under a random name, and backends for a cluster of the test's own (so that tests never
 * see other tests' tasks). {@link #close} removes every container of the cluster and the image.
 */
public final class BackendFixture implements AutoCloseable {
  /** Every task the tests start carries this label too, for a sweep by hand: docker rm -f. */
  public static final String TEST_LABEL = "paasta_backend_it";

  public final DockerClient docker;
  public final String cluster = TestInfrastructure.randomService("it-cluster");
  public final String image;
  private final RegistryImages images = new RegistryImages();

  private BackendFixture(DockerClient docker, String image) {
    this.docker = docker;
    this.image = image;
  }

  /** The engine, the registry and a freshly built and pushed hello-web image. */
  public static BackendFixture withHelloWeb(Path work) throws IOException {
    DockerClient docker = TestInfrastructure.requireDocker();
    String registry = TestInfrastructure.requireRegistry();
    TestInfrastructure.requireMake();
    TestInfrastructure.requireBusybox();
    Path repo = TestInfrastructure.copyOfExampleService("hello-web", work);
    RegistryImages images = new RegistryImages();
    DockerImageName name =
        new DockerImageName(
            registry,
            TestInfrastructure.randomService("it-backend"),
            TestInfrastructure.randomSha());
    BackendFixture fixture = new BackendFixture(docker, name.full());
    fixture.images.track(name);
    new ImageBuilder(docker, new MakeClient(), line -> {}).build(repo, name);
    new ImagePusher(docker, new RegistryClient(), line -> {}).push(name, false);
    return fixture;
  }

  /** The engine only (no image). */
  public static BackendFixture engineOnly() {
    return new BackendFixture(TestInfrastructure.requireDocker(), "");
  }

  /** Quick settings for tests: 2 s stop timeout, discovery and drain polls every 200 ms. */
  public DockerBackendConfig config() {
    return DockerBackendConfig.defaults(cluster)
        .withStopTimeout(Duration.ofSeconds(2))
        .withIntervals(Duration.ofMillis(200), Duration.ofMillis(200));
  }

  /** A started backend on a client of its own (closed with the backend). */
  public DockerBackend backend(DockerBackendConfig config) {
    return DockerBackends.start(config, TestInfrastructure.requireDocker(), Clock.systemUTC());
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
        docker
            .listContainersCmd()
            .withShowAll(true)
            .withLabelFilter(Map.of(Labels.CLUSTER, cluster))
            .exec();
    for (Container container : containers) {
      try {
        docker.removeContainerCmd(container.getId()).withForce(true).exec();
      } catch (RuntimeException ignored) {
        // gone already
      }
    }
  }

  @Override
  public void close() throws IOException {
    removeContainers();
    images.removeAll(docker);
    docker.close();
  }
}
