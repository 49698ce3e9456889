package io.paasta.config.yaml;

/**
 * A position in JSON text, with the scanning the project's two small JSON readers share (the stored
 * log lines' {@code FlatJson}, the schemas' {@code SchemaJson}): white space, single characters and
 * strings with their escapes. No method throws: a string that is not valid JSON gives {@code null},
 * and each reader decides what that means.
 */
public final class JsonCursor {
  private final String text;
  private int at;

  public JsonCursor(String text) {
    this.text = text;
  }

  /** Where the cursor is: the index of the next character. */
  public int at() {
    return at;
  }

  public boolean atEnd() {
    return at >= text.length();
  }

  /** The next character, not taken; {@code 0} at the end. */
  public char peek() {
    return at < text.length() ? text.charAt(at) : 0;
  }

  /** Takes {@code c} when it is next. */
  public boolean take(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  /** Takes {@code word} when it comes next. */
  public boolean take(String word) {
    if (text.startsWith(word, at)) {
      at += word.length();
      return true;
    }
    return false;
  }

  /** Takes ASCII digits; how many. */
  public int takeDigits() {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    return at - start;
  }

  /** The text from {@code start} to the cursor. */
  public String since(int start) {
    return text.substring(start, at);
  }

  /** Skips JSON's white space: spaces, tabs, line feeds and carriage returns. */
  public void skipSpace() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      at++;
    }
  }

  /**
   * The string that starts here (at its opening quote), its escapes decoded; {@code null} when none
   * starts here or it is not valid JSON (a control character, a bad escape, no closing quote).
   */
  public String string() {
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
            int digit = hexDigit(text.charAt(at++));
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

  /** An ASCII hex digit's value, else -1 (JSON's {@code \\u} takes no other digits). */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
