package io.paasta.config.yaml;

import static io.paasta.config.yaml.BlockTopLevelKeys.giveUp;

/**
 * The keys and one-line values of {@link BlockTopLevelKeys}' subset of YAML: plain and quoted
 * scalars, aliases, anchors and flow collections that close on their line. Anything outside the
 * subset throws {@link BlockTopLevelKeys.GiveUp}.
 */
final class LineValues {
  private static final int MAX_FLOW_DEPTH = 20;

  private final BlockTopLevelKeys.Anchors anchors;
  private String text;
  private int pos;

  LineValues(BlockTopLevelKeys.Anchors anchors) {
    this.anchors = anchors;
  }

  /** A key, where its line goes on after the colon, and whether it was written plain. */
  record Key(String name, int end, boolean plain, boolean merge) {}

  /**
   * A value: {@code pending} when nothing follows the key but maybe an anchor (the next lines hold
   * the value); {@code dict} when it is a dict; {@code alias} when it is an alias.
   */
  record Value(boolean pending, String anchor, boolean dict, boolean alias) {}

  /** The key of a block mapping line, up to and including its colon and the space after it. */
  static Key key(String line) {
    boolean merge = line.startsWith("<<:");
    int end;
    String name;
    boolean plain = true;
    char first = line.charAt(0);
    if (merge) {
      name = "<<";
      end = 2;
    } else if (first == '\'' || first == '"') {
      end = line.indexOf(first, 1);
      if (end < 0) {
        throw giveUp();
      }
      name = line.substring(1, end);
      if (name.indexOf('\\') >= 0) {
        throw giveUp();
      }
      end++;
      plain = false;
    } else {
      end = 0;
      while (end < line.length() && isKeyChar(line.charAt(end))) {
        end++;
      }
      if (end == 0 || !Character.isLetterOrDigit(first) && first != '_') {
        throw giveUp();
      }
      name = line.substring(0, end);
    }
    if (end >= line.length() || line.charAt(end) != ':') {
      throw giveUp();
    }
    end++;
    if (end < line.length() && line.charAt(end) != ' ') {
      throw giveUp();
    }
    return new Key(name, end, plain, merge);
  }

  private static boolean isKeyChar(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '_'
        || c == '-'
        || c == '.'
        || c == '/';
  }

  /** The value after a key's colon or a list entry's dash (with the spaces before it). */
  Value blockValue(String rest) {
    text = rest;
    pos = 0;
    skipSpaces();
    if (atEnd() || ch() == '#') {
      return new Value(true, null, false, false);
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
    char first = ch();
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
    if (anchor != null) {
      anchors.close(anchor, dict);
    }
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
    int comment = text.indexOf(" #", pos);
    String scalar = (comment < 0 ? text.substring(pos) : text.substring(pos, comment)).strip();
    if (scalar.contains(": ") || scalar.endsWith(":")) {
      throw giveUp(); // a mapping value where none is allowed
    }
    pos = text.length();
  }

  private void checkPlainStart() {
    char c = ch();
    boolean dashed =
        c == '-' && pos + 1 < text.length() && Character.isLetterOrDigit(text.charAt(pos + 1));
    if (!dashed && !Character.isLetterOrDigit(c) && "/._~$+=(".indexOf(c) < 0) {
      throw giveUp(); // an indicator, or a character the subset leaves to the parser
    }
  }

  /** A flow collection, closed on this line; nothing in it may be anchored or tagged. */
  private void flow(int depth) {
    if (depth > MAX_FLOW_DEPTH) {
      throw giveUp();
    }
    boolean mapping = ch() == '{';
    char close = mapping ? '}' : ']';
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
        if (atEnd() || ch() != ':' || pos + 1 >= text.length() || text.charAt(pos + 1) != ' ') {
          throw giveUp();
        }
        pos += 2;
      }
      flowValue(depth);
      skipSpaces();
      if (atEnd()) {
        throw giveUp();
      }
      char c = ch();
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
    char c = ch();
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
    char c = ch();
    if (c == '"' || c == '\'') {
      quoted();
      return;
    }
    checkPlainStart();
    int start = pos;
    while (!atEnd() && ",[]{}:#".indexOf(ch()) < 0) {
      pos++;
    }
    if (text.substring(start, pos).isBlank()) {
      throw giveUp();
    }
  }

  /** A quoted scalar that closes on this line; double quotes without escapes. */
  private void quoted() {
    char quote = ch();
    int at = pos + 1;
    while (true) {
      int close = text.indexOf(quote, at);
      if (close < 0) {
        throw giveUp();
      }
      if (quote == '"') {
        if (text.substring(pos + 1, close).indexOf('\\') >= 0) {
          throw giveUp();
        }
        pos = close + 1;
        return;
      }
      if (close + 1 < text.length() && text.charAt(close + 1) == '\'') {
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
    while (!atEnd() && (Character.isLetterOrDigit(ch()) || ch() == '_' || ch() == '-')) {
      pos++;
    }
    if (pos == start || !atEnd() && ch() != ' ' && ",]}".indexOf(ch()) < 0) {
      throw giveUp(); // a name with characters the subset leaves to the parser
    }
    return text.substring(start, pos);
  }

  private void skipSpaces() {
    while (!atEnd() && ch() == ' ') {
      pos++;
    }
  }

  private boolean atEnd() {
    return pos >= text.length();
  }

  private char ch() {
    return text.charAt(pos);
  }
}
