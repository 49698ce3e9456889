package io.paasta.backend.kubernetes;

import io.paasta.backend.kubernetes.secrets.SecretSettings;
import io.paasta.model.KubernetesCluster;
import java.time.Duration;

/**
 * What the backend needs beyond the instances: where Secrets come from, and how the clean-up of
 * shared objects (namespaces, Services, Secrets no instance uses any more) goes.
 *
 * @param namespacePrefix only namespaces with this prefix are deleted when left empty
 * @param forceCleanup delete even when that is more than half of a kind of shared object
 * @param sweepEvery how often the leader looks for objects no instance uses; also their grace
 *     period (younger ones are left alone)
 */
public record FleetSettings(
    SecretSettings secrets, String namespacePrefix, boolean forceCleanup, Duration sweepEvery) {
  /** How often the leader looks for shared objects no instance uses any more. */
  public static final Duration SWEEP_EVERY = Duration.ofSeconds(60);

  /** No Secrets (instances that use secrets are not deployed), the default prefix, no force. */
  public static FleetSettings none(String cluster) {
    return new FleetSettings(
        SecretSettings.none(cluster),
        KubernetesCluster.DEFAULT_NAMESPACE_PREFIX,
        false,
        SWEEP_EVERY);
  }
}
