package io.paasta.config.yaml;

import static io.paasta.config.yaml.BlockTopLevelKeys.giveUp;

import java.nio.charset.StandardCharsets;

/**
 * The keys and one-line values of {@link BlockTopLevelKeys}' subset of YAML: plain and quoted
 * scalars, aliases, anchors and flow collections that close on their line. Reads the bytes of one
 * line in place ({@link BlockTopLevelKeys} has checked they are printable ASCII): no copy, no
 * decoding, no string but the names it returns. Anything outside the subset throws {@link
 * BlockTopLevelKeys.GiveUp}.
 */
final class LineValues {
  private static final int MAX_FLOW_DEPTH = 20;

  private final BlockTopLevelKeys.Anchors anchors;
  private final byte[] text;
  private int pos;
  private int end;

  /**
   * @param text the file's bytes, printable ASCII and newlines only
   */
  LineValues(BlockTopLevelKeys.Anchors anchors, byte[] text) {
    this.anchors = anchors;
    this.text = text;
  }

  /**
   * A key: its name at {@code [nameStart, nameEnd)}, where its line goes on after the colon, and
   * whether it was written plain.
   */
  record Key(int nameStart, int nameEnd, int end, boolean plain, boolean merge) {
    String name(byte[] text) {
      return merge ? "<<" : new String(text, nameStart, nameEnd - nameStart, ASCII);
    }
  }

  private static final java.nio.charset.Charset ASCII = StandardCharsets.US_ASCII;

  /**
   * A value: {@code pending} when nothing follows the key but maybe an anchor (the next lines hold
   * the value); {@code dict} when it is a dict; {@code alias} when it is an alias.
   */
  record Value(boolean pending, String anchor, boolean dict, boolean alias) {}

  private static final Value PENDING = new Value(true, null, false, false);

  private static final Value SCALAR = new Value(false, null, false, false);

  /**
   * The key of a block mapping line at {@code [start, end)} (not empty), up to and including its
   * colon and the space after it.
   */
  static Key key(byte[] text, int start, int end) {
    Key key = keyOrNull(text, start, end);
    if (key == null) {
      throw giveUp();
    }
    return key;
  }

  /** {@link #key}, or null when the line does not start with a key of the subset. */
  static Key keyOrNull(byte[] text, int start, int end) {
    boolean merge = startsWith(text, start, end, "<<:");
    int at;
    int nameStart = start;
    int nameEnd;
    boolean plain = true;
    byte first = text[start];
    if (merge) {
      nameEnd = start + 2;
      at = nameEnd;
    } else if (first == '\'' || first == '"') {
      nameStart = start + 1;
      nameEnd = indexOf(text, first, nameStart, end);
      if (nameEnd < 0 || indexOf(text, (byte) '\\', nameStart, nameEnd) >= 0) {
        return null;
      }
      at = nameEnd + 1;
      plain = false;
    } else {
      at = start;
      while (at < end && isKeyChar(text[at])) {
        at++;
      }
      if (at == start || !isLetterOrDigit(first) && first != '_') {
        return null;
      }
      nameEnd = at;
    }
    if (at >= end || text[at] != ':') {
      return null;
    }
    at++;
    if (at < end && text[at] != ' ') {
      return null;
    }
    return new Key(nameStart, nameEnd, at, plain, merge);
  }

  private static boolean isKeyChar(byte c) {
    return isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '/';
  }

  /** A letter or digit, for the printable ASCII this class reads. */
  static boolean isLetterOrDigit(byte c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  static boolean startsWith(byte[] text, int start, int end, String prefix) {
    if (end - start < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (text[start + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Where {@code b} is first in {@code [from, end)}, or -1. */
  static int indexOf(byte[] text, byte b, int from, int end) {
    for (int i = from; i < end; i++) {
      if (text[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The value after a key's colon or a list entry's dash (with the spaces before it), at {@code
   * [start, end)}.
   */
  Value blockValue(int start, int end) {
    this.pos = start;
    this.end = end;
    skipSpaces();
    if (atEnd() || ch() == '#') {
      return PENDING;
    }
    String anchor = null;
    if (ch() == '&') {
      anchor = name();
      skipSpaces();
      if (atEnd() || ch() == '#') {
        return new Value(true, anchor, false, false);
      }
      anchors.open(anchor); // an alias inside its own value contains itself
    }
    byte first = ch();
    boolean alias = first == '*';
    boolean dict;
    if (alias) {
      if (anchor != null) {
        throw giveUp();
      }
      dict = anchors.alias(name());
    } else if (first == '{' || first == '[') {
      flow(0);
      dict = first == '{';
    } else if (first == '"' || first == '\'') {
      quoted();
      dict = false;
    } else {
      plainBlockScalar();
      return defined(anchor, false, false);
    }
    endOfLine();
    return defined(anchor, dict, alias);
  }

  private Value defined(String anchor, boolean dict, boolean alias) {
    if (anchor == null) {
      return dict || alias ? new Value(false, null, dict, alias) : SCALAR;
    }
    anchors.close(anchor, dict);
    return new Value(false, anchor, dict, alias);
  }

  /** After a value: nothing, or a comment after a space. */
  private void endOfLine() {
    int before = pos;
    skipSpaces();
    if (!atEnd() && (ch() != '#' || pos == before)) {
      throw giveUp();
    }
  }

  /** A plain scalar in block context: to the end of the line or a comment. */
  private void plainBlockScalar() {
    checkPlainStart();
    int scalarEnd = end;
    for (int i = pos; i + 1 < end; i++) {
      if (text[i] == ' ' && text[i + 1] == '#') {
        scalarEnd = i;
        break;
      }
    }
    while (scalarEnd > pos && text[scalarEnd - 1] == ' ') {
      scalarEnd--;
    }
    if (scalarEnd > pos && text[scalarEnd - 1] == ':') {
      throw giveUp(); // a mapping value where none is allowed
    }
    for (int i = pos; i + 1 < scalarEnd; i++) {
      if (text[i] == ':' && text[i + 1] == ' ') {
        throw giveUp();
      }
    }
    pos = end;
  }

  private void checkPlainStart() {
    byte c = ch();
    boolean dashed = c == '-' && pos + 1 < end && isLetterOrDigit(text[pos + 1]);
    if (!dashed
        && !isLetterOrDigit(c)
        && c != '/'
        && c != '.'
        && c != '_'
        && c != '~'
        && c != '$'
        && c != '+'
        && c != '='
        && c != '(') {
      throw giveUp(); // an indicator, or a character the subset leaves to the parser
    }
  }

  /** A flow collection, closed on this line; nothing in it may be anchored or tagged. */
  private void flow(int depth) {
    if (depth > MAX_FLOW_DEPTH) {
      throw giveUp();
    }
    boolean mapping = ch() == '{';
    byte close = (byte) (mapping ? '}' : ']');
    pos++;
    skipSpaces();
    if (!atEnd() && ch() == close) {
      pos++;
      return;
    }
    while (true) {
      if (mapping) {
        flowScalar();
        skipSpaces();
        if (atEnd() || ch() != ':' || pos + 1 >= end || text[pos + 1] != ' ') {
          throw giveUp();
        }
        pos += 2;
      }
      flowValue(depth);
      skipSpaces();
      if (atEnd()) {
        throw giveUp();
      }
      byte c = ch();
      pos++;
      if (c == close) {
        return;
      }
      if (c != ',') {
        throw giveUp();
      }
      skipSpaces();
      if (atEnd() || ch() == close) {
        throw giveUp(); // a trailing comma
      }
    }
  }

  private void flowValue(int depth) {
    skipSpaces();
    if (atEnd()) {
      throw giveUp();
    }
    byte c = ch();
    if (c == '{' || c == '[') {
      flow(depth + 1);
    } else if (c == '*') {
      anchors.alias(name());
    } else {
      flowScalar();
    }
  }

  /** A quoted scalar, or a plain one without any colon, hash or flow indicator. */
  private void flowScalar() {
    skipSpaces();
    if (atEnd()) {
      throw giveUp();
    }
    byte c = ch();
    if (c == '"' || c == '\'') {
      quoted();
      return;
    }
    checkPlainStart();
    boolean blank = true;
    while (!atEnd() && !isFlowStop(ch())) {
      blank &= ch() == ' ';
      pos++;
    }
    if (blank) {
      throw giveUp();
    }
  }

  private static boolean isFlowStop(byte c) {
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == ':' || c == '#';
  }

  /** A quoted scalar that closes on this line; double quotes without escapes. */
  private void quoted() {
    byte quote = ch();
    int at = pos + 1;
    while (true) {
      int close = indexOf(text, quote, at, end);
      if (close < 0) {
        throw giveUp();
      }
      if (quote == '"') {
        if (indexOf(text, (byte) '\\', pos + 1, close) >= 0) {
          throw giveUp();
        }
        pos = close + 1;
        return;
      }
      if (close + 1 < end && text[close + 1] == '\'') {
        at = close + 2; // '' is a quote inside single quotes
        continue;
      }
      pos = close + 1;
      return;
    }
  }

  /** The name of an anchor or alias after its {@code &} or {@code *}. */
  private String name() {
    int start = ++pos;
    while (!atEnd() && (isLetterOrDigit(ch()) || ch() == '_' || ch() == '-')) {
      pos++;
    }
    if (pos == start || !atEnd() && ch() != ' ' && ch() != ',' && ch() != ']' && ch() != '}') {
      throw giveUp(); // a name with characters the subset leaves to the parser
    }
    return new String(text, start, pos - start, ASCII);
  }

  private void skipSpaces() {
    while (!atEnd() && ch() == ' ') {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= end;
  }

  private byte ch() {
    return text[pos];
  }
}
