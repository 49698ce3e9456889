package io.paasta.config.secrets;

import io.paasta.config.soa.LoadedService;
import io.paasta.config.yaml.ParsedFile;
import io.paasta.model.SecretRef;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The signatures of the secrets an env refers to, for the config hash (SPEC section 4): a rotated
 * secret changes its signature, so the instance's hash, so its tasks are bounced. A service's
 * secrets come from its load (the same files the daemon acts on), shared ones from {@code
 * _shared/secrets/}. A secret without a signature for the ecosystem is left out (starting its tasks
 * fails, naming the file).
 */
public final class SecretSignatures {
  private final SecretFiles files;
  private final String ecosystem;

  public SecretSignatures(SecretFiles files, String ecosystem) {
    this.files = files;
    this.ecosystem = ecosystem;
  }

  /** Signature by env value ({@code SECRET(name)} or {@code SHARED_SECRET(name)}). */
  public Map<String, String> of(LoadedService loaded, Map<String, String> env) {
    Map<String, String> signatures = new TreeMap<>();
    for (String value : env.values()) {
      SecretRef.parse(value)
          .flatMap(ref -> signature(loaded, ref))
          .ifPresent(signature -> signatures.put(value, signature));
    }
    return signatures;
  }

  private Optional<String> signature(LoadedService loaded, SecretRef ref) {
    if (SecretNames.problem(ref.name()).isPresent()) {
      return Optional.empty();
    }
    if (!ref.shared()) {
      ParsedFile file = loaded.files().secrets().get(ref.name());
      return file == null ? Optional.empty() : SecretFiles.signature(file.root(), ecosystem);
    }
    try {
      return Optional.of(
          files.read(files.path(loaded.service().name(), ref), ref.name(), ecosystem).signature());
    } catch (SecretException e) {
      return Optional.empty();
    }
  }
}
