package io.paasta.backend.kubernetes.secrets;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.paasta.backend.kubernetes.render.ObjectLabels;
import io.paasta.model.KubernetesNames;
import io.paasta.model.SecretRef;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The objects of a {@link ManagedSecret}: the Secret without its data (what plans carry; the writer
 * fills the data from the source when it writes) and the signature ConfigMap. Pure.
 */
public final class SecretObjects {
  /** The type of a Secret from the environment. */
  public static final String OPAQUE = "Opaque";

  /** The type of the image pull secret. */
  public static final String DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";

  /** The image pull secret's key. */
  public static final String DOCKER_CONFIG_KEY = ".dockerconfigjson";

  /** The label of signature ConfigMaps (the clean-up finds them, and their Secrets, by it). */
  public static final String SIGNATURE_LABEL = ObjectLabels.PREFIX + "secret_signature";

  /** On the ConfigMap: the name of the Secret it signs. */
  public static final String SECRET_ANNOTATION = ObjectLabels.PREFIX + "secret";

  /** On the Secret: the service whose secret it is ({@code _shared} for shared ones). */
  static final String SOURCE_SERVICE = ObjectLabels.PREFIX + "secret_service";

  /** On the Secret: {@code SECRET(name)}, {@code SHARED_SECRET(name)} or {@code docker_config}. */
  static final String SOURCE = ObjectLabels.PREFIX + "secret_source";

  static final String DOCKER_CONFIG_SOURCE = "docker_config";
  static final String SIGNATURE_KEY = "signature";
  private static final String SIGNATURE_SUFFIX = "-signature";

  private SecretObjects() {}

  /** {@code <secret>-signature}, at most 63 characters (hash suffix). */
  public static String signatureName(String secretName) {
    return KubernetesNames.limit(secretName + SIGNATURE_SUFFIX, KubernetesNames.MAX_NAME);
  }

  /** The Secret as plans carry it: names, labels, its source; no data. */
  public static Secret shell(ManagedSecret secret) {
    Map<String, String> annotations = new TreeMap<>();
    if (secret.source() instanceof ManagedSecret.EnvSecret env) {
      annotations.put(
          SOURCE_SERVICE, env.ref().shared() ? SecretRef.SHARED_SERVICE : env.service());
      annotations.put(SOURCE, reference(env.ref()));
    } else {
      annotations.put(SOURCE, DOCKER_CONFIG_SOURCE);
    }
    return new SecretBuilder()
        .withNewMetadata()
        .withName(secret.name())
        .withNamespace(secret.namespace())
        .withLabels(ObjectLabels.managed())
        .withAnnotations(annotations)
        .endMetadata()
        .withType(secret.type())
        .build();
  }

  /** The ConfigMap that says which version of the Secret is written: its signature. */
  public static ConfigMap signature(ManagedSecret secret) {
    Map<String, String> labels = new TreeMap<>(ObjectLabels.managed());
    labels.put(SIGNATURE_LABEL, "true");
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(signatureName(secret.name()))
        .withNamespace(secret.namespace())
        .withLabels(labels)
        .withAnnotations(Map.of(SECRET_ANNOTATION, secret.name()))
        .endMetadata()
        .withData(Map.of(SIGNATURE_KEY, secret.signature()))
        .build();
  }

  /** The signature a ConfigMap holds, if it is one of ours. */
  public static Optional<String> signatureOf(ConfigMap configMap) {
    return Optional.ofNullable(configMap.getData()).map(data -> data.get(SIGNATURE_KEY));
  }

  /** The Secret a signature ConfigMap signs. */
  public static Optional<String> signedSecret(ConfigMap configMap) {
    return Optional.ofNullable(configMap.getMetadata().getAnnotations())
        .map(a -> a.get(SECRET_ANNOTATION));
  }

  static String reference(SecretRef ref) {
    return (ref.shared() ? "SHARED_SECRET(" : "SECRET(") + ref.name() + ")";
  }
}
