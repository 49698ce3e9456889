package io.paasta.backend.kubernetes.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the informers' caches hold of one instance: its objects, its ReplicaSets and pods, and the
 * namespace it renders into (when that exists).
 *
 * @param namespace the namespace the desired objects go to, when it exists (empty when the instance
 *     is gone from soa-configs)
 * @param services the Services of the instance's namespace
 */
public record InstanceObjects(
    Optional<Namespace> namespace,
    Optional<Deployment> deployment,
    Optional<PodDisruptionBudget> pdb,
    Optional<HorizontalPodAutoscaler> hpa,
    List<Service> services,
    List<ReplicaSet> replicaSets,
    List<Pod> pods) {

  public InstanceObjects {
    services = List.copyOf(services);
    replicaSets = List.copyOf(replicaSets);
    pods = List.copyOf(pods);
  }

  /** The instance's own objects that the daemon writes (no namespace, no Services, no pods). */
  public List<HasMetadata> owned() {
    List<HasMetadata> all = new ArrayList<>();
    deployment.ifPresent(all::add);
    pdb.ifPresent(all::add);
    hpa.ifPresent(all::add);
    return all;
  }

  /** The observed object of the desired one's kind and name, if any. */
  public Optional<HasMetadata> find(HasMetadata desired) {
    return find(desired.getKind(), desired.getMetadata().getName());
  }

  /** The observed object of this kind and name, if any. */
  public Optional<HasMetadata> find(String kind, String name) {
    List<HasMetadata> candidates = new ArrayList<>(owned());
    namespace.ifPresent(candidates::add);
    candidates.addAll(services);
    return candidates.stream()
        .filter(o -> o.getKind().equals(kind))
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst();
  }
}
