package io.paasta.planning.backend;

import java.util.Map;

/**
 * Decrypts the secrets of a task's env ({@code SECRET(name)}, {@code SHARED_SECRET(name)}) when a
 * backend starts the task or job attempt: desired state, plans, labels and status carry only the
 * references; the plain text exists only in the env handed to the engine. The Kubernetes backend
 * can call the same port to fill its Secret objects.
 */
@FunctionalInterface
public interface SecretResolver {
  /** Leaves every value as written. */
  SecretResolver NONE = (service, env) -> env;

  /**
   * The env with every secret reference of the service replaced by its plain text.
   *
   * @throws BackendException naming the secret's file and key file (never the plain text) when a
   *     secret cannot be decrypted: that task does not start, others are not affected
   */
  Map<String, String> resolve(String service, Map<String, String> env);

  /**
   * The signature of a secret the service's env refers to (SPEC section 15: it changes with the
   * value and reveals nothing of it), so that a backend that keeps secrets in objects of its own
   * (Kubernetes) rewrites them only when they change; empty when the secret has none for the
   * cluster's ecosystem (or this resolver cannot tell).
   */
  default java.util.Optional<String> signature(String service, io.paasta.model.SecretRef ref) {
    return java.util.Optional.empty();
  }
}
