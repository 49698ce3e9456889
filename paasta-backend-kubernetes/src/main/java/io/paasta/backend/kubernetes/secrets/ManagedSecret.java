package io.paasta.backend.kubernetes.secrets;

import io.paasta.model.SecretRef;

/**
 * A Secret the backend keeps in a namespace, and where its value comes from. The daemon never reads
 * a Secret back: its signature ConfigMap ({@code <name>-signature}) says which version it holds, so
 * the informers watch ConfigMaps, never Secrets, and no plain text is held in the daemon's caches.
 *
 * @param signature changes whenever the value does, and reveals nothing of it
 */
public record ManagedSecret(
    String namespace, String name, String type, String signature, Source source) {

  /** Where the value comes from, read when the Secret is written (never when it is planned). */
  public sealed interface Source {}

  /** {@code SECRET(name)} or {@code SHARED_SECRET(name)} of a service, by the daemon's resolver. */
  public record EnvSecret(String service, SecretRef ref) implements Source {}

  /** The cluster's {@code docker_config} file, as a {@code kubernetes.io/dockerconfigjson}. */
  public record DockerConfig() implements Source {}

  /** The object's namespace and name. */
  public String object() {
    return namespace + "/" + name;
  }
}
