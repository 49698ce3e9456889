package io.paasta.backend.kubernetes.secrets;

import io.paasta.planning.backend.SecretResolver;
import java.util.Optional;

/**
 * Where a cluster's Secrets come from.
 *
 * @param dockerConfig the cluster's {@code docker_config}: the image pull secret of every managed
 *     namespace is made from it
 * @param resolver the daemon's: decrypts {@code SECRET(name)} and {@code SHARED_SECRET(name)}
 */
public record SecretSettings(
    String cluster, Optional<DockerConfigFile> dockerConfig, SecretResolver resolver) {

  /** No image pull secret, and no secret provider: instances that use secrets are not deployed. */
  public static SecretSettings none(String cluster) {
    return new SecretSettings(cluster, Optional.empty(), SecretResolver.NONE);
  }
}
