package io.paasta.config.logs;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads a JSON object whose values are all strings (what every stored log line is) without a JSON
 * library: the reader and the follower read every line. Anything else (a nested value, a number,
 * invalid JSON) gives {@code null}, and the caller reads the text with a JSON library.
 */
final class FlatJson {
  private final String text;
  private int at;

  private FlatJson(String text) {
    this.text = text;
  }

  /** The keys and values of {@code text}; {@code null} when it is no flat object of strings. */
  static Map<String, String> parse(String text) {
    return new FlatJson(text).object();
  }

  private Map<String, String> object() {
    Map<String, String> fields = new HashMap<>(16);
    skipSpace();
    if (!take('{')) {
      return null;
    }
    skipSpace();
    if (!take('}')) {
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        if (key == null || !take(':')) {
          return null;
        }
        skipSpace();
        String value = string();
        if (value == null) {
          return null;
        }
        fields.put(key, value);
        skipSpace();
        if (take('}')) {
          break;
        }
        if (!take(',')) {
          return null;
        }
      }
    }
    skipSpace();
    return at == text.length() ? fields : null;
  }

  private String string() {
    if (!take('"')) {
      return null;
    }
    int start = at;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '"') {
        return text.substring(start, at++);
      }
      if (c == '\\') {
        return escaped(start);
      }
      if (c < 0x20) {
        return null;
      }
      at++;
    }
    return null;
  }

  /** The rest of a string that has escapes, from {@code start}. */
  private String escaped(int start) {
    StringBuilder out = new StringBuilder(text.length() - start).append(text, start, at);
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        return null;
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (at >= text.length()) {
        return null;
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            return null;
          }
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at++), 16);
            if (digit < 0) {
              return null;
            }
            code = code * 16 + digit;
          }
          out.append((char) code);
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  private boolean take(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }
}
