package io.paasta.config.validate;

import io.paasta.config.secrets.LocalKeyStore;
import io.paasta.config.system.KubernetesClusters;
import io.paasta.model.InstanceRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bounds of a cluster that an instance's run config must keep, from the system config: enforced
 * alike by {@code paasta validate} and by the daemon.
 *
 * @param maxInstancesPerInstance the most tasks one instance may ask for ({@code instances}, {@code
 *     min_instances}, {@code max_instances})
 * @param kubernetesClusters the clusters of the system config's {@code kubernetes_clusters}: their
 *     instances must be runnable on Kubernetes (as must those of any {@code kubernetes-*.yaml})
 * @param vaultClusterMap the system config's {@code vault_cluster_map}: a cluster's secret
 *     ecosystem when it is not the cluster's own name (SPEC section 15)
 */
public record RunLimits(
    int maxInstancesPerInstance,
    Set<String> kubernetesClusters,
    Map<String, String> vaultClusterMap) {
  /** The system config key of {@link #maxInstancesPerInstance}. */
  public static final String MAX_INSTANCES_KEY = "max_instances_per_instance";

  public static final int DEFAULT_MAX_INSTANCES = 1000;

  public RunLimits(int maxInstancesPerInstance) {
    this(maxInstancesPerInstance, Set.of());
  }

  public RunLimits(int maxInstancesPerInstance, Set<String> kubernetesClusters) {
    this(maxInstancesPerInstance, kubernetesClusters, Map.of());
  }

  public RunLimits {
    kubernetesClusters = Set.copyOf(kubernetesClusters);
    vaultClusterMap = Map.copyOf(vaultClusterMap);
    if (maxInstancesPerInstance < 1) {
      throw new IllegalArgumentException(MAX_INSTANCES_KEY + " must be >= 1");
    }
  }

  public static RunLimits defaults() {
    return new RunLimits(DEFAULT_MAX_INSTANCES);
  }

  /**
   * From the merged system config; the default for a missing key (a value of the wrong type is
   * refused by the system config's schema, and reads as the default here).
   */
  public static RunLimits of(Map<String, Object> systemConfig) {
    int max =
        systemConfig.get(MAX_INSTANCES_KEY) instanceof Integer value && value >= 1
            ? value
            : DEFAULT_MAX_INSTANCES;
    Set<String> kubernetes = new HashSet<>();
    if (systemConfig.get(KubernetesClusters.KEY) instanceof Map<?, ?> clusters) {
      clusters.keySet().forEach(name -> kubernetes.add(String.valueOf(name)));
    }
    Map<String, String> ecosystems = new HashMap<>();
    if (systemConfig.get("vault_cluster_map") instanceof Map<?, ?> map) {
      map.forEach(
          (cluster, ecosystem) -> {
            if (ecosystem instanceof String name) {
              ecosystems.put(String.valueOf(cluster), name);
            }
          });
    }
    return new RunLimits(max, kubernetes, ecosystems);
  }

  /** The ecosystem whose secrets the cluster's instances use. */
  public String ecosystem(String cluster) {
    return LocalKeyStore.ecosystem(Map.of("vault_cluster_map", vaultClusterMap), cluster);
  }

  /** Whether the instance runs on Kubernetes: a kubernetes-*.yaml file or such a cluster. */
  public boolean onKubernetes(InstanceRef ref) {
    return ref.kind().isKubernetes() || kubernetesClusters.contains(ref.cluster());
  }
}
