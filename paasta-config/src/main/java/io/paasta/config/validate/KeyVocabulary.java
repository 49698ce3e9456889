package io.paasta.config.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys a schema knows (every property name reachable from it, following {@code $ref}s), to
 * suggest the nearest one for a misspelt key: {@code namspace} -> did you mean {@code namespace}?
 * Read from the classpath only when a suggestion is needed.
 */
final class KeyVocabulary {
  /** Made on first use: only a suggestion needs it. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> keysBySchema = new ConcurrentHashMap<>();

  /** The known key nearest to {@code unknown}, if one is close enough to be a typo of it. */
  Optional<String> nearest(String schema, String unknown) {
    Set<String> keys = keysBySchema.computeIfAbsent(schema, this::collect);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String key : keys) {
      int distance = distance(unknown, key);
      if (distance < bestDistance) {
        best = key;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(1, Math.min(3, unknown.length() / 3));
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  private Set<String> collect(String schema) {
    Set<String> keys = new TreeSet<>();
    walk(schema, document(schema), keys, new HashSet<>());
    return keys;
  }

  private void walk(String file, JsonNode node, Set<String> keys, Set<String> seen) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      JsonNode properties = node.get("properties");
      if (properties != null && properties.isObject()) {
        properties.fieldNames().forEachRemaining(keys::add);
      }
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        follow(file, ref.textValue(), keys, seen);
      }
      node.fields()
          .forEachRemaining(
              e -> {
                if (!e.getKey().equals("$defs")) {
                  walk(file, e.getValue(), keys, seen);
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> walk(file, child, keys, seen));
    }
  }

  private void follow(String file, String ref, Set<String> keys, Set<String> seen) {
    int hash = ref.indexOf('#');
    String target = hash == 0 ? file : hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    if (seen.add(target + "#" + pointer)) {
      walk(target, document(target).at(pointer), keys, seen);
    }
  }

  private JsonNode document(String name) {
    return documents.computeIfAbsent(
        name,
        n -> {
          try (InputStream in = SchemaFiles.open(n)) {
            if (in == null) {
              throw new IllegalStateException("schema " + n + " is not on the classpath");
            }
            return Json.MAPPER.readTree(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
