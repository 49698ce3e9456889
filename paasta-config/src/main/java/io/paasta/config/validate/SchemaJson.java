package io.paasta.config.validate;

import io.paasta.config.yaml.JsonCursor;
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
  private static final int MAX_DEPTH = 500;

  private final JsonCursor json;

  private SchemaJson(String text) {
    this.json = new JsonCursor(text);
  }

  /**
   * The value of a whole JSON document; an {@link IllegalArgumentException} when it is not JSON.
   */
  static Object read(byte[] utf8) {
    SchemaJson reader = new SchemaJson(new String(utf8, StandardCharsets.UTF_8));
    reader.json.skipSpace();
    Object value = reader.value(0);
    reader.json.skipSpace();
    if (!reader.json.atEnd()) {
      throw reader.notJson("text after the value");
    }
    return value;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw notJson("nesting deeper than " + MAX_DEPTH);
    }
    char c = json.peek();
    if (c == '{') {
      return dict(depth);
    }
    if (c == '[') {
      return list(depth);
    }
    if (c == '"') {
      return string();
    }
    if (c == '-' || c >= '0' && c <= '9') {
      return number();
    }
    if (json.take("true")) {
      return Boolean.TRUE;
    }
    if (json.take("false")) {
      return Boolean.FALSE;
    }
    if (json.take("null")) {
      return null;
    }
    throw notJson(json.atEnd() ? "the end, where a value was expected" : "no value");
  }

  private Map<String, Object> dict(int depth) {
    Map<String, Object> dict = new LinkedHashMap<>();
    json.take('{');
    json.skipSpace();
    if (json.take('}')) {
      return dict;
    }
    do {
      json.skipSpace();
      if (json.peek() != '"') {
        throw notJson("no key in quotes");
      }
      String key = string();
      json.skipSpace();
      expect(':');
      json.skipSpace();
      dict.put(key, value(depth + 1));
      json.skipSpace();
    } while (json.take(','));
    expect('}');
    return dict;
  }

  private List<Object> list(int depth) {
    List<Object> list = new ArrayList<>();
    json.take('[');
    json.skipSpace();
    if (json.take(']')) {
      return list;
    }
    do {
      json.skipSpace();
      list.add(value(depth + 1));
      json.skipSpace();
    } while (json.take(','));
    expect(']');
    return list;
  }

  private String string() {
    String string = json.string();
    if (string == null) {
      throw notJson("a string that is not valid JSON");
    }
    return string;
  }

  private Number number() {
    int start = json.at();
    json.take('-');
    boolean leadingZero = json.peek() == '0';
    int digits = json.takeDigits();
    if (digits == 0 || leadingZero && digits > 1) {
      throw notJson("a number without digits or with a leading zero");
    }
    boolean whole = true;
    if (json.take('.')) {
      whole = false;
      requireDigits();
    }
    if (json.take('e') || json.take('E')) {
      whole = false;
      if (!json.take('+')) {
        json.take('-');
      }
      requireDigits();
    }
    String number = json.since(start);
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

  private void requireDigits() {
    if (json.takeDigits() == 0) {
      throw notJson("a number without digits after its dot or exponent");
    }
  }

  private void expect(char c) {
    if (!json.take(c)) {
      throw notJson("no '" + c + "'");
    }
  }

  private IllegalArgumentException notJson(String what) {
    return new IllegalArgumentException("not JSON at character " + json.at() + ": " + what);
  }
}
