package io.paasta.backend.kubernetes.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.paasta.model.KubernetesCluster;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;

/**
 * fabric8's Kubernetes mock API server on loopback, in CRUD mode with scripted expectations on top
 * (an expectation answers first while it lasts; everything else is stored and served as a real API
 * server would, watches included). It runs no controllers: {@link FakeControllers} plays them.
 */
public final class MockCluster implements AutoCloseable {
  /** The cluster the tests' and the benchmark's instances run in. */
  public static final KubernetesCluster CLUSTER =
      new KubernetesCluster(
          "local",
          Optional.empty(),
          Optional.empty(),
          false,
          "registry.local:5000",
          Optional.empty(),
          KubernetesCluster.DEFAULT_NAMESPACE_PREFIX);

  private final KubernetesMockServer server;

  public MockCluster() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    try {
      server.init(InetAddress.getLoopbackAddress(), 0);
    } catch (RuntimeException e) {
      throw new IllegalStateException("the mock API server did not start", e);
    }
  }

  /** What the API server answers when it refuses: {@code Failure} with the code and message. */
  public static io.fabric8.kubernetes.api.model.Status refusal(
      int code, String reason, String message) {
    return new io.fabric8.kubernetes.api.model.StatusBuilder()
        .withStatus("Failure")
        .withCode(code)
        .withReason(reason)
        .withMessage(message)
        .build();
  }

  public KubernetesMockServer server() {
    return server;
  }

  /** A new client of the mock (the caller closes it). */
  public KubernetesClient client() {
    return server.createClient();
  }

  @Override
  public void close() {
    server.destroy();
  }
}
