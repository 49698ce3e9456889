package io.paasta.planning.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON reader for the labels this module writes (health check, drain params). Objects become
 * unmodifiable {@link LinkedHashMap}s (null values kept), arrays unmodifiable lists, integral
 * numbers {@link Long} (when they fit) and others {@link Double}. Malformed input is an {@link
 * IllegalArgumentException} naming the offset.
 */
public final class JsonReader {
  private final String text;
  private int pos;

  private JsonReader(String text) {
    this.text = text;
  }

  public static Object parse(String text) {
    JsonReader reader = new JsonReader(text);
    Object value = reader.value();
    reader.skipWhitespace();
    if (reader.pos != text.length()) {
      throw reader.error("trailing text");
    }
    return value;
  }

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    if (parse(text) instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException("not a JSON object: " + text);
  }

  private Object value() {
    skipWhitespace();
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    if (peekAfterWhitespace() == '}') {
      pos++;
      return Collections.unmodifiableMap(map);
    }
    do {
      skipWhitespace();
      if (peekAfterWhitespace() != '"') {
        throw error("expected a key");
      }
      String key = string();
      expect(':');
      map.put(key, value());
    } while (separator('}'));
    return Collections.unmodifiableMap(map);
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    pos++;
    if (peekAfterWhitespace() == ']') {
      pos++;
      return Collections.unmodifiableList(list);
    }
    do {
      list.add(value());
    } while (separator(']'));
    return Collections.unmodifiableList(list);
  }

  /** True after a comma, false after the closing bracket. */
  private boolean separator(char close) {
    char c = peekAfterWhitespace();
    pos++;
    if (c == ',') {
      return true;
    }
    if (c == close) {
      return false;
    }
    throw error("expected ',' or '" + close + "'");
  }

  private String string() {
    StringBuilder out = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        out.append(escape());
      } else if (c < 0x20) {
        throw error("control character in string");
      } else {
        out.append(c);
      }
    }
    throw error("unterminated string");
  }

  private char escape() {
    if (pos >= text.length()) {
      throw error("unterminated escape");
    }
    char c = text.charAt(pos++);
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicode();
      default -> throw error("bad escape \\" + c);
    };
  }

  private char unicode() {
    if (pos + 4 > text.length()) {
      throw error("short \\u escape");
    }
    try {
      char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
      pos += 4;
      return c;
    } catch (NumberFormatException e) {
      throw error("bad \\u escape");
    }
  }

  private Object number() {
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    String literal = text.substring(start, pos);
    try {
      if (literal.matches("-?(0|[1-9][0-9]*)")) {
        return Long.parseLong(literal);
      }
      if (literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
        return Double.parseDouble(literal);
      }
    } catch (NumberFormatException e) {
      return Double.parseDouble(literal); // an integer too long for a long
    }
    pos = start;
    throw error("unexpected character '" + text.charAt(start) + "'");
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("expected " + word);
    }
    pos += word.length();
    return value;
  }

  private void expect(char c) {
    if (peekAfterWhitespace() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peekAfterWhitespace() {
    skipWhitespace();
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("bad JSON at offset " + pos + ": " + problem);
  }
}
