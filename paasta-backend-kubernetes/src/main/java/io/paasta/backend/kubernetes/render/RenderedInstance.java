package io.paasta.backend.kubernetes.render;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes objects one long-running instance becomes (SPEC section 14).
 *
 * @param hpa present when the instance is autoscaled by the HPA; the Deployment's {@code replicas}
 *     is then the HPA's to change (an applier should not write it back over the HPA's count)
 * @param services one per SmartStack namespace of the instance's own service that it registers in
 *     and that has a {@code proxy_port}; two instances registered in one namespace render equal
 *     Services (same name), so an applier keeps one per name
 */
public record RenderedInstance(
    Namespace namespace,
    Deployment deployment,
    PodDisruptionBudget pdb,
    Optional<HorizontalPodAutoscaler> hpa,
    List<Service> services) {

  public RenderedInstance {
    services = List.copyOf(services);
  }

  /** Every object, in the order they are applied and printed: namespace first. */
  public List<Object> objects() {
    List<Object> all = new ArrayList<>();
    all.add(namespace);
    all.add(deployment);
    all.add(pdb);
    hpa.ifPresent(all::add);
    all.addAll(services);
    return all;
  }
}
