package io.paasta.cli.localrun;

import io.paasta.config.secrets.SecretEnvResolver;
import io.paasta.model.SecretRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * local-run's secrets: the container's {@code SECRET(name)} env values decrypted as the daemon
 * decrypts them (with the ecosystem's private key on this host). Only the container gets them: a
 * dry run prints the references, and {@code -I} hands them to the docker CLI through its
 * environment ({@code --env=NAME}), never on its command line.
 */
public final class LocalSecrets {
  private LocalSecrets() {}

  /** The decrypted value of each env entry of the container that refers to a secret. */
  public static Map<String, String> of(LocalContainer container, SecretEnvResolver secrets) {
    Map<String, String> refs = new LinkedHashMap<>();
    for (String entry : container.spec().env()) {
      int eq = entry.indexOf('=');
      if (eq > 0 && SecretRef.parse(entry.substring(eq + 1)).isPresent()) {
        refs.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return refs.isEmpty() ? Map.of() : secrets.resolve(container.ref().service(), refs);
  }

  /** The container with these env values. */
  public static LocalContainer withValues(LocalContainer container, Map<String, String> values) {
    List<String> env = new ArrayList<>();
    for (String entry : container.spec().env()) {
      String name = entry.substring(0, Math.max(0, entry.indexOf('=')));
      env.add(values.containsKey(name) ? name + "=" + values.get(name) : entry);
    }
    return new LocalContainer(
        container.ref(), container.appId(), container.spec().withEnv(env), container.healthcheck());
  }

  /** Docker CLI words with {@code --env=NAME} (value from the CLI's environment) for these. */
  public static List<String> byName(List<String> words, Map<String, String> values) {
    return words.stream()
        .map(
            w ->
                values.keySet().stream()
                    .filter(name -> w.startsWith("--env=" + name + "="))
                    .findFirst()
                    .map(name -> "--env=" + name)
                    .orElse(w))
        .toList();
  }
}
