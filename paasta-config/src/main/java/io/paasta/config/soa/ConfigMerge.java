package io.paasta.config.soa;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inheritance rule of soa-configs: a recursive merge where dicts merge key by key and the
 * overriding side wins; any other value (lists included) replaces the default wholesale.
 */
public final class ConfigMerge {
  private ConfigMerge() {}

  /** A new dict: {@code defaults} with {@code overrides} merged over it. Inputs are not changed. */
  public static Map<String, Object> deepMerge(Map<?, ?> defaults, Map<?, ?> overrides) {
    Map<String, Object> merged = new LinkedHashMap<>();
    defaults.forEach((key, value) -> merged.put(String.valueOf(key), value));
    overrides.forEach(
        (rawKey, value) -> {
          String key = String.valueOf(rawKey);
          Object existing = merged.get(key);
          if (existing instanceof Map<?, ?> base && value instanceof Map<?, ?> over) {
            merged.put(key, deepMerge(base, over));
          } else {
            merged.put(key, value);
          }
        });
    return merged;
  }
}
