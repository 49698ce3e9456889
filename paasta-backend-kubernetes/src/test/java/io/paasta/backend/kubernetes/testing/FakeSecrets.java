package io.paasta.backend.kubernetes.testing;

import io.paasta.model.KubernetesNames;
import io.paasta.model.SecretRef;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.SecretResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The daemon's secret resolver as the backend sees it, with values set by the test: a secret's
 * signature changes with its value; a broken one has a signature but fails to decrypt with the
 * message given (as a wrong key or a tampered ciphertext does).
 */
public final class FakeSecrets implements SecretResolver {
  private final Map<String, String> values = new ConcurrentHashMap<>();
  private final Map<String, String> broken = new ConcurrentHashMap<>();

  /** Sets (or rotates) the value of {@code SECRET(name)} / {@code SHARED_SECRET(name)}. */
  public void put(String name, String value) {
    values.put(name, value);
    broken.remove(name);
  }

  /** The secret's file changes to something that cannot be decrypted. */
  public void breakIt(String name, String why) {
    broken.put(name, why);
  }

  /** Signature by env value, as the desired state's config hash takes them. */
  public Map<String, String> signatures(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>();
    env.values()
        .forEach(
            v -> SecretRef.parse(v).flatMap(r -> signature("", r)).ifPresent(s -> out.put(v, s)));
    return out;
  }

  @Override
  public Map<String, String> resolve(String service, Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>(env);
    env.forEach(
        (key, value) ->
            SecretRef.parse(value)
                .ifPresent(
                    ref -> {
                      if (broken.containsKey(ref.name())) {
                        throw new BackendException(
                            "secret not available: " + broken.get(ref.name()));
                      }
                      String plain = values.get(ref.name());
                      if (plain == null) {
                        throw new BackendException(
                            "secret not available: Secret file " + ref.name() + " not defined");
                      }
                      out.put(key, plain);
                    }));
    return out;
  }

  @Override
  public Optional<String> signature(String service, SecretRef ref) {
    String value = values.get(ref.name());
    if (value == null) {
      return Optional.empty();
    }
    String salt = broken.containsKey(ref.name()) ? "broken" : "";
    return Optional.of("sig" + KubernetesNames.md5Hex(salt + value).substring(0, 16));
  }
}
