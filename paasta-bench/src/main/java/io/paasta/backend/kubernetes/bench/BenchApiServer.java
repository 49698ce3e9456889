package io.paasta.backend.kubernetes.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.net.InetAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * fabric8's mock API server in CRUD mode, as the tests' {@code MockCluster} runs it but with its
 * store at hand, so that the benchmark can fill it in bulk: the mock answers each create by
 * scanning every object it holds, so creating 21,000 objects through the API takes tens of minutes
 * on this machine and measures the mock, not the backend. {@link #store} puts an object in the
 * store as the mock's create does (uid, creation timestamp, resource version, generation 1) without
 * the scan; it is meant for a store no informer watches yet.
 */
final class BenchApiServer implements AutoCloseable {
  private final KubernetesCrudDispatcher store = new KubernetesCrudDispatcher();
  private final KubernetesMockServer server;
  private final Set<String> stored = new HashSet<>();

  BenchApiServer() {
    server =
        new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), store, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
  }

  /** A new client (the caller closes it). */
  KubernetesClient client() {
    return server.createClient();
  }

  /** Objects the store holds. */
  int objects() {
    return store.getMap().size();
  }

  /** Requests the server answered so far. */
  int requests() {
    return server.getRequestCount();
  }

  /**
   * Stores {@code object} (a create's body) as the mock's create would, unless an object of that
   * kind, namespace and name is there already (a service's namespace rendered by each instance).
   *
   * @return whether it was stored
   */
  boolean store(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    String namespace = meta.getNamespace();
    String plural = HasMetadata.getPlural(object.getClass());
    String apiVersion = object.getApiVersion();
    String path =
        (apiVersion.contains("/") ? "/apis/" : "/api/")
            + apiVersion
            + (namespace == null || namespace.isEmpty() ? "" : "/namespaces/" + namespace)
            + "/"
            + plural;
    if (!stored.add(path + "/" + meta.getName())) {
      return false;
    }
    GenericKubernetesResource resource =
        Serialization.unmarshal(Serialization.asJson(object), GenericKubernetesResource.class);
    ObjectMeta created = resource.getMetadata();
    created.setUid(UUID.randomUUID().toString());
    created.setCreationTimestamp(
        ZonedDateTime.now(ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    created.setResourceVersion(String.valueOf(store.requestResourceVersion()));
    created.setGeneration(1L);
    AttributeSet key = store.getKey(path).add(new Attribute("name", meta.getName()));
    store.processEvent(path, key, null, resource, Serialization.asJson(resource));
    return true;
  }

  @Override
  public void close() {
    server.destroy();
  }
}
