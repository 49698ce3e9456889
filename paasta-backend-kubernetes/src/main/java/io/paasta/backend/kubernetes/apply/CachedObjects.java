package io.paasta.backend.kubernetes.apply;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the informers keep of each object: everything the planner, the status and the clean-up read,
 * not what the API server adds for its own bookkeeping nor what nothing here reads. Of every
 * object: no {@code metadata.managedFields} and no {@code kubectl.kubernetes.io/last-applied-
 * configuration} annotation (on a real cluster often half of an object's size), and its labels' and
 * annotations' strings interned (each object read has its own copies). Of a pod: its status, its
 * metadata, and of its spec only the node and its containers' names, images, ports and probes
 * ({@link PodTasks} reads the first container's port and liveness probe). Of a ReplicaSet: no pod
 * spec in its template (the status reads its template's annotations, its selector and its counts).
 * Deployments, PDBs, HPAs, namespaces, Services and ConfigMaps keep their specs: the planner diffs
 * them field by field.
 */
public final class CachedObjects {
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private CachedObjects() {}

  /**
   * Trims {@code object} in place (the informer owns it: it was just read from the API server).
   *
   * @return the same object
   */
  public static <T extends HasMetadata> T trim(T object) {
    ObjectMeta meta = object.getMetadata();
    if (meta != null) {
      meta.setManagedFields(null);
      meta.setLabels(interned(meta.getLabels()));
      Map<String, String> annotations = interned(meta.getAnnotations());
      if (annotations != null) {
        annotations.remove(LAST_APPLIED);
      }
      meta.setAnnotations(annotations);
    }
    if (object instanceof Pod pod && pod.getSpec() != null) {
      PodSpec kept = new PodSpec();
      kept.setNodeName(pod.getSpec().getNodeName());
      kept.setContainers(
          pod.getSpec().getContainers() == null
              ? null
              : pod.getSpec().getContainers().stream().map(CachedObjects::container).toList());
      pod.setSpec(kept);
    }
    if (object instanceof ReplicaSet rs
        && rs.getSpec() != null
        && rs.getSpec().getTemplate() != null) {
      rs.getSpec().getTemplate().setSpec(null);
    }
    return object;
  }

  /**
   * A copy of {@code map} with its keys and values interned: the labels and annotations of an
   * instance's objects repeat (service, instance, git sha, config sha, app id on each of its pods,
   * its ReplicaSets and its Deployment), and each object read from the API server has copies of its
   * own.
   */
  private static Map<String, String> interned(Map<String, String> map) {
    if (map == null) {
      return null;
    }
    Map<String, String> copy = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
    map.forEach((k, v) -> copy.put(k.intern(), v == null ? null : v.intern()));
    return copy;
  }

  private static Container container(Container full) {
    Container kept = new Container();
    kept.setName(full.getName());
    kept.setImage(full.getImage());
    kept.setPorts(full.getPorts());
    kept.setLivenessProbe(full.getLivenessProbe());
    kept.setReadinessProbe(full.getReadinessProbe());
    return kept;
  }

  /** An informer's store that keeps each object trimmed, keyed as fabric8's default store. */
  static final class Store<T extends HasMetadata> extends BasicItemStore<T> {
    Store() {
      super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public T put(String key, T object) {
      return super.put(key, trim(object));
    }
  }
}
