package io.paasta.config.validate;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON of our own schema files into the values {@link QuickSchemaCheck} walks: dicts (in
 * key order, the last of a key written twice winning), lists, strings, numbers as Jackson's {@code
 * getNumberValue()} gives them (an {@code Integer}, {@code Long} or {@code BigInteger} for a whole
 * number by size, a {@code Double} for one with a fraction or exponent), booleans and nulls. Not
 * Jackson: its start is some 70 classes, a tenth of a fresh {@code paasta validate -s}'s work on
 * schemas. The files are ours and checked by the build, so text that is not JSON is refused with
 * where it stops, not explained.
 */
final class SchemaJson {
  private final String text;
  private int at;

  private SchemaJson(String text) {
    this.text = text;
  }

  /**
   * The value of a whole JSON document; an {@link IllegalArgumentException} when it is not JSON.
   */
  static Object read(byte[] utf8) {
    SchemaJson json = new SchemaJson(new String(utf8, StandardCharsets.UTF_8));
    json.skipSpace();
    Object value = json.value(0);
    json.skipSpace();
    if (json.at != json.text.length()) {
      throw json.notJson("text after the value");
    }
    return value;
  }

  private Object value(int depth) {
    if (depth > 500) {
      throw notJson("nesting deeper than 500");
    }
    if (at >= text.length()) {
      throw notJson("the end, where a value was expected");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return dict(depth);
      case '[':
        return list(depth);
      case '"':
        return string();
      case 't':
        return word("true", Boolean.TRUE);
      case 'f':
        return word("false", Boolean.FALSE);
      case 'n':
        return word("null", null);
      default:
        if (c == '-' || c >= '0' && c <= '9') {
          return number();
        }
        throw notJson("'" + c + "', where a value was expected");
    }
  }

  private Map<String, Object> dict(int depth) {
    Map<String, Object> dict = new LinkedHashMap<>();
    at++; // {
    skipSpace();
    if (take('}')) {
      return dict;
    }
    do {
      skipSpace();
      if (at >= text.length() || text.charAt(at) != '"') {
        throw notJson("no key in quotes");
      }
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      dict.put(key, value(depth + 1));
      skipSpace();
    } while (take(','));
    expect('}');
    return dict;
  }

  private List<Object> list(int depth) {
    List<Object> list = new ArrayList<>();
    at++; // [
    skipSpace();
    if (take(']')) {
      return list;
    }
    do {
      skipSpace();
      list.add(value(depth + 1));
      skipSpace();
    } while (take(','));
    expect(']');
    return list;
  }

  private String string() {
    at++; // "
    StringBuilder out = null;
    int start = at;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '"') {
        String plain = text.substring(start, at);
        at++;
        return out == null ? plain : out.append(plain).toString();
      }
      if (c < 0x20) {
        throw notJson("a control character in a string");
      }
      if (c != '\\') {
        at++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(text, start, at);
      at++; // backslash
      if (at >= text.length()) {
        break;
      }
      char escaped = text.charAt(at++);
      switch (escaped) {
        case '"', '\\', '/' -> out.append(escaped);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw notJson("a short \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException e) {
            throw notJson("a \\u escape that is not hex");
          }
          at += 4;
        }
        default -> throw notJson("the escape \\" + escaped);
      }
      start = at;
    }
    throw notJson("a string without its closing quote");
  }

  private Number number() {
    int start = at;
    take('-');
    int digits = at;
    while (at < text.length() && isDigit(text.charAt(at))) {
      at++;
    }
    if (at == digits || text.charAt(digits) == '0' && at - digits > 1) {
      throw notJson("a number without digits or with a leading zero");
    }
    boolean whole = true;
    if (take('.')) {
      whole = false;
      requireDigits();
    }
    if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
      whole = false;
      at++;
      if (!take('+')) {
        take('-');
      }
      requireDigits();
    }
    String number = text.substring(start, at);
    if (!whole) {
      return Double.valueOf(number);
    }
    BigInteger big = new BigInteger(number);
    if (big.bitLength() < 32) {
      return big.intValue();
    }
    if (big.bitLength() < 64) {
      return big.longValue();
    }
    return big;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void requireDigits() {
    int start = at;
    while (at < text.length() && isDigit(text.charAt(at))) {
      at++;
    }
    if (at == start) {
      throw notJson("a number without digits after its dot or exponent");
    }
  }

  private Object word(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw notJson("a word that is not true, false or null");
    }
    at += word.length();
    return value;
  }

  private void skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      at++;
    }
  }

  private boolean take(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!take(c)) {
      throw notJson("no '" + c + "'");
    }
  }

  private IllegalArgumentException notJson(String what) {
    return new IllegalArgumentException("not JSON at character " + at + ": " + what);
  }
}
