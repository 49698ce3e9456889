package io.paasta.backend.kubernetes.secrets;

import io.paasta.planning.backend.SecretResolver;
import java.nio.charset.StandardCharsets;

/**
 * The value of a managed Secret, from its source: the daemon's {@link SecretResolver} for a secret
 * of the env, the file for the image pull secret. Only the writer keeps what it returns (to put it
 * in the Secret); messages never carry it.
 */
final class SecretValues {
  private static final String KEY = "VALUE";

  private final SecretSettings settings;

  SecretValues(SecretSettings settings) {
    this.settings = settings;
  }

  /**
   * @throws Unavailable naming the secret's file or the docker config, and what is wrong
   */
  byte[] value(ManagedSecret secret) {
    if (secret.source() instanceof ManagedSecret.EnvSecret env) {
      String reference = SecretObjects.reference(env.ref());
      String value;
      try {
        value =
            settings.resolver().resolve(env.service(), java.util.Map.of(KEY, reference)).get(KEY);
      } catch (RuntimeException e) {
        throw new Unavailable(e.getMessage());
      }
      if (value == null || value.equals(reference)) {
        throw new Unavailable(
            "the daemon of cluster "
                + settings.cluster()
                + " has no secret provider to decrypt "
                + reference
                + " of "
                + env.service()
                + " with (see the README's secrets section: the ecosystem's private key)");
      }
      return value.getBytes(StandardCharsets.UTF_8);
    }
    if (settings.dockerConfig().isEmpty()) {
      throw new Unavailable("cluster " + settings.cluster() + " has no docker_config");
    }
    try {
      return settings.dockerConfig().get().read();
    } catch (DockerConfigFile.DockerConfigException e) {
      throw new Unavailable(e.getMessage());
    }
  }

  /** The value cannot be had now; the message says why (never the value). */
  static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }
}
