package io.paasta.server.smartstack;

import io.paasta.model.InstanceRef;
import io.paasta.model.ServiceInstance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * What the replication check of a SmartStack instance reads (pure), as PaaSTA's {@code
 * check_marathon_services_replication} did: an instance whose primary registration is its own
 * namespace is judged by the namespace's UP backends against the instances expected there, summed
 * over every instance registered in it (so {@code canary} registered in {@code main} counts toward
 * {@code main}); an instance announced in another's namespace (the canary) is judged by its own
 * tasks.
 *
 * @param upByLocation UP backends of the namespace per discover location
 * @param expected the desired instances of every instance registered in the namespace
 */
public record NamespaceReplication(Map<String, Integer> upByLocation, int expected) {
  public NamespaceReplication {
    upByLocation = Map.copyOf(upByLocation);
  }

  /**
   * The namespace whose backends judge the instance: its primary registration, when that is the
   * instance's own name and this host routes it; empty otherwise (its own tasks are counted).
   */
  public static Optional<String> checkedNamespace(
      InstanceRef ref, List<ServiceInstance> registrations, List<String> routed) {
    if (registrations.isEmpty()) {
      return Optional.empty();
    }
    String primary = registrations.get(0).toString();
    return primary.equals(ref.serviceInstance().toString()) && routed.contains(primary)
        ? Optional.of(primary)
        : Optional.empty();
  }

  /**
   * The instances expected in a namespace: the sum of the desired counts of every instance whose
   * registrations include it.
   *
   * @param registrations every instance of the cluster with its registrations
   * @param desired an instance's desired count (0 when not deployed or stopped)
   */
  public static int expected(
      String namespace,
      Map<InstanceRef, List<ServiceInstance>> registrations,
      ToIntFunction<InstanceRef> desired) {
    int expected = 0;
    for (Map.Entry<InstanceRef, List<ServiceInstance>> entry : registrations.entrySet()) {
      if (entry.getValue().stream().anyMatch(ns -> ns.toString().equals(namespace))) {
        expected += desired.applyAsInt(entry.getKey());
      }
    }
    return expected;
  }
}
