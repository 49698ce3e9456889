package io.paasta.backend.kubernetes.render;

import io.paasta.model.KubernetesNames;
import io.paasta.model.SecretRef;

/**
 * Names of the Secrets the renderer refers to. The values are not the renderer's (the secret
 * provider writes them); the names are the contract between the two.
 */
public final class SecretNames {
  /**
   * The Secret the backend makes in every namespace from the cluster's {@code docker_config} (type
   * {@code kubernetes.io/dockerconfigjson}), named in each pod's {@code imagePullSecrets}.
   */
  public static final String IMAGE_PULL_SECRET = "paasta-image-pull";

  private SecretNames() {}

  /**
   * {@code <namespace>-secret-<service>-<name>} sanitised (PaaSTA's form); a shared secret's
   * service is {@code _shared}. The value is under the key {@code <name>}.
   */
  public static String secretName(String namespace, String service, SecretRef ref) {
    String owner = ref.shared() ? SecretRef.SHARED_SERVICE : service;
    return KubernetesNames.sanitise(
        namespace + "-secret-" + owner + "-" + ref.name(), KubernetesNames.MAX_NAME);
  }
}
