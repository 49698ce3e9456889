package io.paasta.config.secrets;

import io.paasta.model.SecretRef;
import io.paasta.model.SystemConfig;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a task's env into the env it runs with: each value {@code SECRET(name)} or {@code
 * SHARED_SECRET(name)} becomes the secret's plain text, decrypted for the cluster's ecosystem. What
 * the daemon calls when it starts a task or a job attempt, {@code paasta local-run} for its
 * container and {@code paasta secret run} for its command. The plain text is only ever in the map
 * it returns.
 */
public final class SecretEnvResolver {
  private final SecretProvider provider;
  private final SecretFiles files;
  private final String ecosystem;

  public SecretEnvResolver(SecretProvider provider, SecretFiles files, String ecosystem) {
    this.provider = provider;
    this.files = files;
    this.ecosystem = ecosystem;
  }

  /** The local provider for the system config's cluster and keys. */
  public static SecretEnvResolver local(
      Path soaRoot, Path systemConfigDir, SystemConfig system, String cluster) {
    return local(soaRoot, LocalKeyStore.of(systemConfigDir, system), system, cluster);
  }

  /** The local provider with these keys for the cluster's ecosystem. */
  public static SecretEnvResolver local(
      Path soaRoot, LocalKeyStore keys, SystemConfig system, String cluster) {
    return new SecretEnvResolver(
        new LocalKeySecretProvider(keys, new SealedBox(new SecureRandom())),
        new SecretFiles(soaRoot),
        LocalKeyStore.ecosystem(system, cluster));
  }

  /**
   * The env with every secret reference decrypted (other values as they are).
   *
   * @throws SecretException naming the secret's file, ecosystem and key file when one cannot be
   */
  public Map<String, String> resolve(String service, Map<String, String> env) {
    Map<String, String> resolved = new LinkedHashMap<>(env);
    env.forEach(
        (key, value) ->
            SecretRef.parse(value).ifPresent(ref -> resolved.put(key, decrypt(service, key, ref))));
    return resolved;
  }

  /** Whether the env refers to any secret. */
  public static boolean refersToSecrets(Map<String, String> env) {
    return env.values().stream().map(SecretRef::parse).anyMatch(Optional::isPresent);
  }

  /**
   * The signature of the secret for the cluster's ecosystem, read from its file (nothing
   * decrypted); empty when the file, its entry or a valid name is missing.
   */
  public Optional<String> signature(String service, SecretRef ref) {
    try {
      return Optional.of(files.read(files.path(service, ref), ref.name(), ecosystem).signature());
    } catch (SecretException e) {
      return Optional.empty();
    }
  }

  private String decrypt(String service, String envKey, SecretRef ref) {
    try {
      Path file = files.path(service, ref);
      EncryptedSecret secret = files.read(file, ref.name(), ecosystem);
      return provider.decrypt(
          ecosystem, ref.name(), secret, file + " (ecosystem " + ecosystem + ")");
    } catch (SecretException e) {
      throw new SecretException(service + " env " + envKey + ": " + e.getMessage());
    }
  }
}
