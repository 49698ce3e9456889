package io.paasta.config.validate;

import io.paasta.config.yaml.ConfigFileReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * Decides, from a smartstack.yaml's text alone, whether it could define one of a set of proxy
 * ports, so that validating one service need not parse every other service's file. A file can only
 * define port N if its text holds N's digits, unless the number is written another way (hex, octal,
 * with '_' separators, or through an alias): such files are always parsed.
 */
final class ProxyPortPrefilter {
  private static final String KEY = "proxy_port";

  private ProxyPortPrefilter() {}

  /**
   * A smartstack.yaml's text, one char a byte, for {@link #mightUse}; null when only parsing can
   * tell what it holds (too big for the parser, or unreadable: the parser reports either).
   */
  static String textOf(Path smartstackYaml) {
    byte[] bytes;
    // java.io rather than Files.newInputStream: half the cost when thousands of files are read
    // by a JVM that has just started
    try (InputStream in = new FileInputStream(smartstackYaml.toFile())) {
      bytes = in.readNBytes((int) ConfigFileReader.MAX_FILE_BYTES + 1);
    } catch (IOException | java.io.UncheckedIOException e) {
      return null;
    }
    // one char a byte: digits and the patterns below are ASCII, found the same way in UTF-8
    // text, and a file that is not UTF-8 fails to parse (no namespaces) whether read or not
    return bytes.length > ConfigFileReader.MAX_FILE_BYTES
        ? null
        : new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /**
   * Whether a smartstack.yaml of this text ({@link #textOf}; null: unknown) could define one of
   * these ports: false only when parsing it could not find any of them.
   */
  static boolean mightUse(String text, Set<Integer> ports) {
    if (text == null) {
      return true;
    }
    for (int port : ports) {
      if (text.contains(Integer.toString(port))) {
        return true;
      }
    }
    return unusual(text);
  }

  /**
   * Whether a proxy_port is written other than as a plain decimal, null or ~ (then a comment or the
   * end of the line), or the text has a merge key or an alias. What the patterns {@code
   * proxy_port\s*+:\s*+(?![1-9]\d*\s*(#.*)?$|null\s*$|~\s*$)} (multi-line) and {@code
   * <<|\*[A-Za-z0-9_-]} find, without a regular expression: every service's file is scanned.
   */
  static boolean unusual(String text) {
    for (int at = text.indexOf(KEY); at >= 0; at = text.indexOf(KEY, at + 1)) {
      int i = skipSpace(text, at + KEY.length());
      if (i < text.length()
          && text.charAt(i) == ':'
          && !plainValueAt(text, skipSpace(text, i + 1))) {
        return true;
      }
    }
    if (text.contains("<<")) {
      return true;
    }
    for (int star = text.indexOf('*'); star >= 0; star = text.indexOf('*', star + 1)) {
      if (star + 1 < text.length() && isAliasChar(text.charAt(star + 1))) {
        return true;
      }
    }
    return false;
  }

  /** A decimal without leading zero, null or ~, then blanks and a comment or the line's end. */
  private static boolean plainValueAt(String text, int i) {
    int end;
    if (i < text.length() && text.charAt(i) >= '1' && text.charAt(i) <= '9') {
      end = i + 1;
      while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
        end++;
      }
      return endOfLineAt(text, skipBlanks(text, end), true);
    }
    if (text.startsWith("null", i)) {
      return endOfLineAt(text, skipBlanks(text, i + 4), false);
    }
    if (text.startsWith("~", i)) {
      return endOfLineAt(text, skipBlanks(text, i + 1), false);
    }
    return false;
  }

  private static boolean endOfLineAt(String text, int i, boolean commentAllowed) {
    if (i >= text.length()) {
      return true;
    }
    char c = text.charAt(i);
    return c == '\n'
        || c == '\r'
        || c == '\u0085'
        || c == '\u2028'
        || c == '\u2029'
        || commentAllowed && c == '#';
  }

  /** Past {@code \s} characters (line ends included). */
  private static int skipSpace(String text, int i) {
    while (i < text.length()
        && (isBlank(text.charAt(i)) || text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
      i++;
    }
    return i;
  }

  /** Past {@code \s} characters other than line ends. */
  private static int skipBlanks(String text, int i) {
    while (i < text.length() && isBlank(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\013' || c == '\f';
  }

  private static boolean isAliasChar(char c) {
    return c >= 'A' && c <= 'Z'
        || c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9'
        || c == '_'
        || c == '-';
  }
}
