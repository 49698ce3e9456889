package io.paasta.config.logs;

import io.paasta.config.yaml.JsonCursor;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a JSON object whose values are all strings (what every stored log line is) without a JSON
 * library: the reader and the follower read every line. Anything else (a nested value, a number,
 * invalid JSON) gives {@code null}, and the caller reads the text with a JSON library.
 */
final class FlatJson {
  private FlatJson() {}

  /** The keys and values of {@code text}; {@code null} when it is no flat object of strings. */
  static Map<String, String> parse(String text) {
    JsonCursor json = new JsonCursor(text);
    Map<String, String> fields = new HashMap<>(16);
    json.skipSpace();
    if (!json.take('{')) {
      return null;
    }
    json.skipSpace();
    if (!json.take('}')) {
      while (true) {
        json.skipSpace();
        String key = json.string();
        json.skipSpace();
        if (key == null || !json.take(':')) {
          return null;
        }
        json.skipSpace();
        String value = json.string();
        if (value == null) {
          return null;
        }
        fields.put(key, value);
        json.skipSpace();
        if (json.take('}')) {
          break;
        }
        if (!json.take(',')) {
          return null;
        }
      }
    }
    json.skipSpace();
    return json.atEnd() ? fields : null;
  }
}
