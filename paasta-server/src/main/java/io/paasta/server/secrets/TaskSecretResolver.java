package io.paasta.server.secrets;

import io.paasta.config.secrets.SecretEnvResolver;
import io.paasta.config.secrets.SecretException;
import io.paasta.model.SecretRef;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.SecretResolver;
import java.util.Map;
import java.util.Optional;

/**
 * The backend's {@link SecretResolver} in the daemon: the cluster's secrets decrypted with the
 * ecosystem's private key when a task or job attempt starts. A secret that cannot be decrypted
 * fails that start only, with the message naming its file and key file (never the plain text).
 */
public final class TaskSecretResolver implements SecretResolver {
  private final SecretEnvResolver secrets;

  public TaskSecretResolver(SecretEnvResolver secrets) {
    this.secrets = secrets;
  }

  @Override
  public Map<String, String> resolve(String service, Map<String, String> env) {
    if (!SecretEnvResolver.refersToSecrets(env)) {
      return env;
    }
    try {
      return secrets.resolve(service, env);
    } catch (SecretException e) {
      throw new BackendException("secret not available: " + e.getMessage());
    }
  }

  @Override
  public Optional<String> signature(String service, SecretRef ref) {
    return secrets.signature(service, ref);
  }
}
