package io.paasta.config.yaml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the plain YAML soa-configs are written in to the very document SnakeYAML and {@link
 * LocatingConstructor} make of it (values, key order, shared values of aliases, merge keys, lines,
 * keys written twice), several times faster: SnakeYAML's scanner, parser, composer and events cost
 * most of {@code paasta validate}'s time over a whole tree. Its subset: ASCII text without tabs or
 * carriage returns; one document (an optional {@code ---} line); block dicts and lists; one-line
 * flow lists and dicts of scalars; one-line plain, single- and double-quoted scalars; comments;
 * anchors and aliases; one merge key per dict, of an alias to a dict without merge keys or keys
 * written twice. Plain scalars are resolved and constructed by SnakeYAML's own resolver and
 * constructors. Anything else, or anything it is not sure of (including what SnakeYAML would
 * refuse), gives empty: the caller reads the file with SnakeYAML, which says what it makes of it.
 */
final class PlainYaml {
  /**
   * SnakeYAML's resolver and constructors of scalars, shared (neither keeps state), each made on
   * first use: a file of strings, short ints, plain decimals, booleans and nulls needs neither
   * (making a constructor starts java.util.logging, for SnakeYAML's loggers).
   */
  private static final class SnakeResolver {
    static final Resolver RESOLVER = new Resolver();
  }

  private static final class SnakeConstructors {
    static final LocatingConstructor SCALARS = new LocatingConstructor(new LoaderOptions());
  }

  /** Aliases of dicts and lists allowed in one document, as the SnakeYAML read allows. */
  private static final int MAX_COLLECTION_ALIASES = ConfigFileReader.MAX_ALIASES;

  /**
   * Dicts and lists nested deeper are left to SnakeYAML, which refuses more than 50 (LoaderOptions'
   * nesting depth limit).
   */
  private static final int MAX_NESTING = 40;

  /** Thrown (without a stack) when the text leaves the subset. */
  private static final class NotPlain extends RuntimeException {
    NotPlain() {
      super(null, null, false, false);
    }
  }

  private static final NotPlain NOT_PLAIN = new NotPlain();

  /** A value with an anchor: what its aliases stand for. */
  private record Anchor(Object value, int line, List<Entry> mergeable) {}

  /**
   * One key and value of a dict as written: {@code merge} for a plain {@code <<}; {@code key} as
   * constructed.
   */
  private record Entry(String text, Object key, boolean merge, Object value, int line) {
    Entry withValue(Object value) {
      return new Entry(text, key, merge, value, line);
    }
  }

  private final byte[] text;
  private final int[] starts;
  private final int[] ends;
  private final int lineCount;
  private final Map<String, Anchor> anchors = new HashMap<>();
  private final Map<Object, Locator.Written> written = new IdentityHashMap<>();
  private Map<Object, List<YamlDocument.DuplicateKey>> duplicates;
  private int collectionAliases;
  private int nesting;

  /** The first content line after the node just read (or {@link #lineCount}). */
  private int next;

  private PlainYaml(byte[] text, int[] starts, int[] ends, int lineCount) {
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    this.lineCount = lineCount;
  }

  /** The document SnakeYAML would make of {@code bytes}; empty when outside the subset. */
  static Optional<YamlDocument> read(byte[] bytes) {
    int lines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      } else if (b < 0x20 || b > 0x7e) {
        return Optional.empty(); // not ASCII, a tab, a carriage return or a control character
      }
    }
    int[] starts = new int[lines + 1];
    int[] ends = new int[lines + 1];
    int count = 0;
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        starts[count] = start;
        ends[count++] = i;
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      starts[count] = start;
      ends[count++] = bytes.length;
    }
    try {
      return Optional.of(new PlainYaml(bytes, starts, ends, count).document());
    } catch (NotPlain e) {
      return Optional.empty();
    }
  }

  private YamlDocument document() {
    int first = contentLine(0);
    if (first < lineCount && isDocumentStart(first)) {
      first = contentLine(first + 1);
    }
    for (int l = first; l < lineCount; l++) {
      if (isMarkerLine(l)) {
        throw NOT_PLAIN; // another document, a document end or a directive
      }
    }
    if (first == lineCount) {
      return new YamlDocument(null, Map.of(), List.of());
    }
    Object root = collection(first, indentOf(first));
    if (next != lineCount) {
      throw NOT_PLAIN;
    }
    return new YamlDocument(root, written, duplicatesInOrder(root));
  }

  /** {@code ---}, alone or with a comment. */
  private boolean isDocumentStart(int l) {
    int s = starts[l];
    if (ends[l] - s < 3 || text[s] != '-' || text[s + 1] != '-' || text[s + 2] != '-') {
      return false;
    }
    int after = skipSpaces(s + 3, ends[l]);
    if (after == ends[l]) {
      return true;
    }
    if (text[after] == '#' && after > s + 3) {
      return true;
    }
    throw NOT_PLAIN; // content on the document start line
  }

  private boolean isMarkerLine(int l) {
    int s = starts[l];
    if (s == ends[l]) {
      return false;
    }
    byte c = text[s];
    return c == '%'
        || (ends[l] - s >= 3 && (c == '-' || c == '.') && text[s + 1] == c && text[s + 2] == c);
  }

  /** A block list or dict whose first entry starts at column {@code column} of line {@code l}. */
  private Object collection(int l, int column) {
    int at = starts[l] + column;
    return isDash(at, ends[l]) ? list(l, column) : dict(l, column);
  }

  /** Entering a dict or list: refused past {@link #MAX_NESTING}. */
  private void nest() {
    if (++nesting > MAX_NESTING) {
      throw NOT_PLAIN;
    }
  }

  private boolean isDash(int at, int end) {
    return at < end && text[at] == '-' && (at + 1 == end || text[at + 1] == ' ');
  }

  private Object list(int first, int column) {
    nest();
    List<Object> items = new ArrayList<>();
    int[] lines = new int[8];
    int l = first;
    while (true) {
      int end = ends[l];
      int content = skipSpaces(starts[l] + column + 1, end);
      if (content == end || text[content] == '#' || isDash(content, end)) {
        throw NOT_PLAIN; // an item on the next lines, or a list in a list
      }
      Object item;
      int line = l + 1;
      if (isKey(content, end)) {
        item = dict(l, content - starts[l]);
      } else if (text[content] == '*') {
        Anchor anchor = alias(content, end);
        item = anchor.value();
        line = anchor.line();
        endOfValue(l, column);
      } else if (text[content] == '&') {
        item = anchoredInline(l, content, column);
      } else {
        item = inline(content, end);
        endOfValue(l, column);
      }
      items.add(item);
      if (items.size() > lines.length) {
        lines = java.util.Arrays.copyOf(lines, lines.length * 2);
      }
      lines[items.size() - 1] = line;
      if (next < lineCount
          && indentOf(next) == column
          && isDash(starts[next] + column, ends[next])) {
        l = next;
        continue;
      }
      if (next < lineCount && indentOf(next) > column) {
        throw NOT_PLAIN;
      }
      written.put(items, Locator.Written.ofList(java.util.Arrays.copyOf(lines, items.size())));
      nesting--;
      return items;
    }
  }

  private Object dict(int first, int column) {
    nest();
    List<Entry> entries = new ArrayList<>();
    int l = first;
    int at = starts[l] + column;
    while (true) {
      int end = ends[l];
      Entry key = key(at, end, l + 1);
      int content = skipSpaces(keyEnd + 1, end);
      Object value;
      if (key.merge()) {
        if (content == end || text[content] != '*') {
          throw NOT_PLAIN; // only an alias is merged here
        }
        value = alias(content, end);
        endOfValue(l, column);
      } else if (content == end || text[content] == '#') {
        value = following(l, column);
      } else if (text[content] == '*') {
        value = alias(content, end).value();
        endOfValue(l, column);
      } else if (text[content] == '&') {
        int anchorStart = content;
        int nameEnd = anchorEnd(content + 1, end);
        String name = string(content + 1, nameEnd);
        int after = skipSpaces(nameEnd, end);
        if (after == end || text[after] == '#' && after > nameEnd) {
          value = following(l, column);
          if (value == null) {
            throw NOT_PLAIN; // an anchored empty value
          }
          define(name, value, l);
        } else {
          value = anchoredInline(l, anchorStart, column);
        }
      } else {
        value = inline(content, end);
        endOfValue(l, column);
      }
      entries.add(key.withValue(value));
      if (next < lineCount && indentOf(next) == column) {
        l = next;
        at = starts[l] + column;
        if (isDash(at, ends[l])) {
          throw NOT_PLAIN;
        }
        continue;
      }
      if (next < lineCount && indentOf(next) > column) {
        throw NOT_PLAIN;
      }
      nesting--;
      return finishDict(entries);
    }
  }

  /**
   * The value of a key written alone on line {@code l} of a dict at {@code column}: a block
   * collection on the next lines, more indented or a list at the same column; else null (an empty
   * value).
   */
  private Object following(int l, int column) {
    int after = contentLine(l + 1);
    if (after < lineCount) {
      int indent = indentOf(after);
      if (indent > column) {
        return collection(after, indent);
      }
      if (indent == column && isDash(starts[after] + column, ends[after])) {
        return list(after, column);
      }
    }
    next = after;
    return null;
  }

  /** {@code &name value} on one line at {@code at}, in a collection at {@code column}. */
  private Object anchoredInline(int l, int at, int column) {
    int end = ends[l];
    int nameEnd = anchorEnd(at + 1, end);
    int content = skipSpaces(nameEnd, end);
    if (content == nameEnd || content == end || text[content] == '#') {
      throw NOT_PLAIN;
    }
    if (text[content] == '*' || text[content] == '&' || isKey(content, end)) {
      throw NOT_PLAIN;
    }
    Object value = inline(content, end);
    define(string(at + 1, nameEnd), value, l);
    endOfValue(l, column);
    return value;
  }

  private void define(String name, Object value, int line) {
    List<Entry> mergeable = value == lastDict ? lastDictEntries : null;
    if (anchors.put(name, new Anchor(value, line + 1, mergeable)) != null) {
      throw NOT_PLAIN; // an anchor defined again
    }
  }

  /** The dict read last; its entries when a merge key may take them (no merges, no key twice). */
  private Object lastDict;

  private List<Entry> lastDictEntries;

  private Anchor alias(int at, int end) {
    int nameEnd = anchorEnd(at + 1, end);
    int after = skipSpaces(nameEnd, end);
    if (after != end && !(text[after] == '#' && after > nameEnd)) {
      throw NOT_PLAIN;
    }
    Anchor anchor = anchors.get(string(at + 1, nameEnd));
    if (anchor == null) {
      throw NOT_PLAIN; // unknown, or an alias of a value not yet complete
    }
    if ((anchor.value() instanceof Map<?, ?> || anchor.value() instanceof List<?>)
        && ++collectionAliases > MAX_COLLECTION_ALIASES) {
      throw NOT_PLAIN;
    }
    return anchor;
  }

  private int anchorEnd(int from, int end) {
    int i = from;
    while (i < end && isNameChar(text[i])) {
      i++;
    }
    if (i == from || i < end && text[i] != ' ') {
      throw NOT_PLAIN;
    }
    return i;
  }

  private static boolean isNameChar(byte c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '_'
        || c == '-';
  }

  /** After a one-line value in a collection at {@code column}: the next lines may not go on. */
  private void endOfValue(int l, int column) {
    next = contentLine(l + 1);
    if (next < lineCount && indentOf(next) > column) {
      throw NOT_PLAIN; // a scalar going on over lines, or an error
    }
  }

  /** Where the last key read ends (its colon). */
  private int keyEnd;

  /**
   * Whether a key (a plain or quoted scalar, then {@code ": "} or ":" at the end) is at {@code at}.
   */
  private boolean isKey(int at, int end) {
    int colon;
    byte c = text[at];
    if (c == '"' || c == '\'') {
      colon = quotedEnd(at, end);
    } else {
      colon = plainKeyEnd(at, end);
    }
    return colon >= 0
        && colon < end
        && text[colon] == ':'
        && (colon + 1 == end || text[colon + 1] == ' ');
  }

  private int plainKeyEnd(int at, int end) {
    if (!isKeyStart(text[at])) {
      return -1;
    }
    int i = at;
    while (i < end && isKeyChar(text[i])) {
      i++;
    }
    return i;
  }

  private static boolean isKeyStart(byte c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '_'
        || c == '<';
  }

  private static boolean isKeyChar(byte c) {
    return isKeyStart(c) || c == '-' || c == '.' || c == '/';
  }

  private Entry key(int at, int end, int line) {
    if (at >= end || !isKey(at, end)) {
      throw NOT_PLAIN;
    }
    byte c = text[at];
    if (c == '"' || c == '\'') {
      int close = quotedEnd(at, end);
      keyEnd = close;
      String key = quoted(at, close);
      return new Entry(key, key, false, null, line);
    }
    int close = plainKeyEnd(at, end);
    keyEnd = close;
    String key = string(at, close);
    if (key.indexOf('<') >= 0 && !key.equals("<<")) {
      throw NOT_PLAIN;
    }
    if (key.equals("<<")) {
      return new Entry(key, null, true, null, line);
    }
    return new Entry(key, plain(key), false, null, line);
  }

  /** A one-line value at {@code at}: a flow list or dict, a quoted or a plain scalar. */
  private Object inline(int at, int end) {
    byte c = text[at];
    int after;
    Object value;
    if (c == '[') {
      value = flowList(at, end);
      after = flowEnd;
    } else if (c == '{') {
      value = flowDict(at, end);
      after = flowEnd;
    } else if (c == '"' || c == '\'') {
      int close = quotedEnd(at, end);
      if (close < 0) {
        throw NOT_PLAIN;
      }
      value = quoted(at, close);
      after = close;
    } else {
      return blockPlain(at, end);
    }
    int rest = skipSpaces(after, end);
    if (rest != end && !(text[rest] == '#' && rest > after)) {
      throw NOT_PLAIN;
    }
    return value;
  }

  /** A plain scalar of a block collection, to the end of the line or a comment. */
  private Object blockPlain(int at, int end) {
    byte c = text[at];
    if (!isPlainStart(c) && !(c == '-' && at + 1 < end && text[at + 1] != ' ')) {
      throw NOT_PLAIN;
    }
    int last = at;
    for (int i = at; i < end; i++) {
      byte b = text[i];
      if (b == '#' && text[i - 1] == ' ') {
        break;
      }
      if (b == ':' && (i + 1 == end || text[i + 1] == ' ')) {
        throw NOT_PLAIN; // a key where a value is: SnakeYAML refuses it
      }
      if (b != ' ') {
        last = i;
      }
    }
    return plain(string(at, last + 1));
  }

  private static boolean isPlainStart(byte c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '_'
        || c == '.'
        || c == '/'
        || c == '$'
        || c == '~'
        || c == '('
        || c == '+'
        || c == '^';
  }

  /** Where the last flow collection read ends (after its closing bracket). */
  private int flowEnd;

  private List<Object> flowList(int at, int end) {
    List<Object> items = new ArrayList<>();
    int i = skipSpaces(at + 1, end);
    if (i < end && text[i] == ']') {
      flowEnd = i + 1;
      written.put(items, Locator.Written.ofList(new int[0]));
      return items;
    }
    while (true) {
      i = flowScalar(i, end, items::add);
      i = skipSpaces(i, end);
      if (i < end && text[i] == ',') {
        i = skipSpaces(i + 1, end);
        if (i < end && text[i] == ']') {
          throw NOT_PLAIN; // a trailing comma
        }
        continue;
      }
      if (i < end && text[i] == ']') {
        flowEnd = i + 1;
        int[] lines = new int[items.size()];
        java.util.Arrays.fill(lines, lineOf(at) + 1);
        written.put(items, Locator.Written.ofList(lines));
        return items;
      }
      throw NOT_PLAIN;
    }
  }

  private Map<Object, Object> flowDict(int at, int end) {
    List<Entry> entries = new ArrayList<>();
    int line = lineOf(at);
    int i = skipSpaces(at + 1, end);
    if (i < end && text[i] == '}') {
      flowEnd = i + 1;
      return finishDict(entries);
    }
    while (true) {
      if (i >= end) {
        throw NOT_PLAIN;
      }
      Entry key = key(i, end, line + 1);
      if (key.merge()) {
        throw NOT_PLAIN;
      }
      i = skipSpaces(keyEnd + 1, end);
      Object[] value = new Object[1];
      i = flowScalar(i, end, v -> value[0] = v);
      entries.add(key.withValue(value[0]));
      i = skipSpaces(i, end);
      if (i < end && text[i] == ',') {
        i = skipSpaces(i + 1, end);
        if (i < end && text[i] == '}') {
          throw NOT_PLAIN;
        }
        continue;
      }
      if (i < end && text[i] == '}') {
        flowEnd = i + 1;
        return finishDict(entries);
      }
      throw NOT_PLAIN;
    }
  }

  /** A scalar in a flow collection at {@code at}, given to {@code sink}; returns where it ends. */
  private int flowScalar(int at, int end, java.util.function.Consumer<Object> sink) {
    if (at >= end) {
      throw NOT_PLAIN;
    }
    byte c = text[at];
    if (c == '"' || c == '\'') {
      int close = quotedEnd(at, end);
      if (close < 0) {
        throw NOT_PLAIN;
      }
      sink.accept(quoted(at, close));
      return close;
    }
    if (!isPlainStart(c) && !(c == '-' && at + 1 < end && text[at + 1] != ' ')) {
      throw NOT_PLAIN;
    }
    int last = at;
    int i = at;
    for (; i < end; i++) {
      byte b = text[i];
      if (b == ',' || b == ']' || b == '}') {
        break;
      }
      if (b == ':' || b == '#' || b == '[' || b == '{' || b == '?') {
        throw NOT_PLAIN;
      }
      if (b != ' ') {
        last = i;
      }
    }
    sink.accept(plain(string(at, last + 1)));
    return last + 1;
  }

  /**
   * The dict of these entries as SnakeYAML's constructor makes it: keys written twice noted (by
   * text, merge keys aside), the earlier of equal keys dropped, then a merge key's dict merged in
   * where it is written (its keys not already there, then this dict's own override theirs).
   */
  private Map<Object, Object> finishDict(List<Entry> entries) {
    List<YamlDocument.DuplicateKey> twice = null;
    boolean[] dropped = null;
    int merges = 0;
    int size = entries.size();
    if (size <= SMALL_DICT) {
      // without sets: the answers of the sets below, for the few keys a dict usually has
      for (int i = 0; i < size; i++) {
        Entry entry = entries.get(i);
        if (entry.merge()) {
          merges++;
        }
        for (int j = 0; j < i; j++) {
          Entry earlier = entries.get(j);
          if (!"<<".equals(entry.text()) && entry.text().equals(earlier.text())) {
            if (twice == null) {
              twice = new ArrayList<>();
            }
            twice.add(new YamlDocument.DuplicateKey(entry.text(), entry.line()));
            break;
          }
        }
        for (int j = 0; j < i && !entry.merge(); j++) {
          Entry earlier = entries.get(j);
          if (!earlier.merge() && Objects.equals(entry.key(), earlier.key())) {
            if (dropped == null) {
              dropped = new boolean[size];
            }
            dropped[j] = true;
          }
        }
      }
    } else {
      Set<String> seen = new HashSet<>();
      Map<Object, Integer> lastAt = new HashMap<>();
      for (int i = 0; i < size; i++) {
        Entry entry = entries.get(i);
        if (!"<<".equals(entry.text()) && !seen.add(entry.text())) {
          if (twice == null) {
            twice = new ArrayList<>();
          }
          twice.add(new YamlDocument.DuplicateKey(entry.text(), entry.line()));
        }
        if (entry.merge()) {
          merges++;
          continue;
        }
        Integer earlier = lastAt.put(entry.key(), i);
        if (earlier != null) {
          if (dropped == null) {
            dropped = new boolean[size];
          }
          dropped[earlier] = true;
        }
      }
    }
    List<Entry> kept = entries;
    if (dropped != null) {
      kept = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        if (!dropped[i]) {
          kept.add(entries.get(i));
        }
      }
    }
    if (merges > 1) {
      throw NOT_PLAIN;
    }
    if (merges == 1) {
      kept = merged(kept);
    }
    Map<Object, Object> dict = new LinkedHashMap<>(Math.max(16, kept.size() * 4 / 3 + 1));
    String[] keys = new String[kept.size()];
    int[] lines = new int[kept.size()];
    for (int i = 0; i < keys.length; i++) {
      Entry entry = kept.get(i);
      dict.put(entry.key(), entry.value());
      keys[i] = entry.text();
      lines[i] = entry.line();
    }
    written.put(dict, new Locator.Written(keys, lines));
    if (twice != null) {
      if (duplicates == null) {
        duplicates = new IdentityHashMap<>();
      }
      duplicates.put(dict, twice);
    }
    lastDict = dict;
    lastDictEntries = merges == 0 && dropped == null ? kept : null;
    return dict;
  }

  /** Dicts of at most this many keys are checked for keys written twice without sets. */
  private static final int SMALL_DICT = 16;

  /** SnakeYAML's merge of the one merge key's dict into these entries. */
  private List<Entry> merged(List<Entry> entries) {
    Map<Object, Integer> index = new HashMap<>();
    List<Entry> values = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.merge()) {
        List<Entry> base = ((Anchor) entry.value()).mergeable();
        if (base == null) {
          throw NOT_PLAIN; // not a dict, or one SnakeYAML may merge otherwise
        }
        for (Entry inherited : base) {
          if (!index.containsKey(inherited.key())) {
            values.add(inherited);
            index.put(inherited.key(), values.size() - 1);
          }
        }
      } else if (!index.containsKey(entry.key())) {
        values.add(entry);
        index.put(entry.key(), values.size() - 1);
      } else {
        values.set(index.get(entry.key()), entry);
      }
    }
    return values;
  }

  /**
   * Keys written twice in the order SnakeYAML's constructor meets their dicts: depth first, each
   * dict before its values, every value once.
   */
  private List<YamlDocument.DuplicateKey> duplicatesInOrder(Object root) {
    if (duplicates == null) {
      return List.of();
    }
    List<YamlDocument.DuplicateKey> ordered = new ArrayList<>();
    visit(root, java.util.Collections.newSetFromMap(new IdentityHashMap<>()), ordered);
    return ordered;
  }

  private void visit(Object value, Set<Object> seen, List<YamlDocument.DuplicateKey> ordered) {
    if (!(value instanceof Map<?, ?> || value instanceof List<?>) || !seen.add(value)) {
      return;
    }
    if (value instanceof Map<?, ?> dict) {
      ordered.addAll(duplicates.getOrDefault(dict, List.of()));
      for (Object child : dict.values()) {
        visit(child, seen, ordered);
      }
    } else {
      for (Object child : (List<?>) value) {
        visit(child, seen, ordered);
      }
    }
  }

  /**
   * A plain scalar as SnakeYAML resolves and constructs it. Strings, short ints, plain decimals,
   * booleans and nulls are made here without SnakeYAML's classes (its {@code Tag} class alone loads
   * {@code java.util.Date} and the charsets); the rest goes through SnakeYAML's resolver and
   * constructors.
   */
  private static Object plain(String scalar) {
    char first = scalar.charAt(0);
    if (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z') {
      // after a letter only a YAML 1.1 boolean or null word is not a string (see resolve)
      Object word = WORDS.get(scalar);
      return word == null ? scalar : word == NULL_WORD ? null : word;
    }
    if (RESOLVER_STARTS.indexOf(first) < 0 || notANumber(scalar)) {
      return scalar; // a string to SnakeYAML's resolver (see resolve)
    }
    if (isShortDecimal(scalar)
        || first == '-' && scalar.length() > 1 && isShortDecimal(scalar.substring(1))) {
      return Integer.valueOf(scalar); // an int of SnakeYAML's resolver; what its constructor makes
    }
    if (isShortDecimalFraction(scalar)) {
      return Double.valueOf(scalar); // a float of SnakeYAML's resolver; what its constructor makes
    }
    Tag tag = resolve(scalar);
    if (tag == Tag.STR) {
      return scalar;
    }
    if (!(tag == Tag.NULL
        || tag == Tag.BOOL
        || tag == Tag.INT
        || tag == Tag.FLOAT
        || tag == Tag.TIMESTAMP)) {
      throw NOT_PLAIN; // a merge key as a value, or a tag with no constructor
    }
    Construct construct = SnakeConstructors.SCALARS.scalarConstructor(tag);
    try {
      return construct.construct(LocatingConstructor.plainNode(tag, scalar));
    } catch (RuntimeException e) {
      throw NOT_PLAIN; // SnakeYAML says what is wrong with it
    }
  }

  /**
   * The characters other than letters that one of SnakeYAML's implicit resolvers may start with
   * (ints, floats, timestamps, merge keys, nulls, the value and YAML tags, environment variables):
   * after any other, a plain scalar is a string.
   */
  private static final String RESOLVER_STARTS = "-+.0123456789<~=!&*$";

  /**
   * The characters an int, float or timestamp of SnakeYAML's resolver may hold (digits, signs,
   * dots, underscores, colons, hex digits and prefixes, exponents, {@code .inf} and {@code .nan}, a
   * timestamp's {@code T}, {@code Z} and spaces).
   */
  private static final String NUMBER_CHARS = "0123456789-+._: \tabcdefABCDEFxXoOiInNtTzZ";

  /**
   * Whether a scalar that starts as a number might (a sign, a dot or a digit) holds a character no
   * int, float or timestamp holds, such as {@code 5m}: no other resolver starts so, it is a string.
   */
  private static boolean notANumber(String scalar) {
    char first = scalar.charAt(0);
    if (first != '-' && first != '+' && first != '.' && (first < '0' || first > '9')) {
      return false;
    }
    for (int i = 1; i < scalar.length(); i++) {
      if (NUMBER_CHARS.indexOf(scalar.charAt(i)) < 0) {
        return true;
      }
    }
    return false;
  }

  /** The value of the null words in {@link #WORDS}. */
  private static final Object NULL_WORD = new Object();

  /**
   * The words SnakeYAML's resolver reads as booleans and nulls (YAML 1.1), each with what its
   * constructor makes of it: true for yes, true and on, false for no, false and off (in the cases
   * it resolves), {@link #NULL_WORD} for null.
   */
  private static final Map<String, Object> WORDS = words();

  private static Map<String, Object> words() {
    Map<String, Object> words = new HashMap<>();
    for (String word : "yes Yes YES true True TRUE on On ON".split(" ")) {
      words.put(word, Boolean.TRUE);
    }
    for (String word : "no No NO false False FALSE off Off OFF".split(" ")) {
      words.put(word, Boolean.FALSE);
    }
    for (String word : "null Null NULL".split(" ")) {
      words.put(word, NULL_WORD);
    }
    return words;
  }

  /**
   * The tag SnakeYAML's resolver gives a non-empty plain scalar, without its regular expressions
   * when the first character settles it: after a letter only a YAML 1.1 boolean or null word is not
   * a string (no other resolver starts with a letter); after a character no resolver starts with
   * ({@link #RESOLVER_STARTS}), or when it starts as a number but holds a character no number holds
   * ({@link #notANumber}), it is a string; a short decimal is an int; anything else is left to the
   * resolver.
   */
  static Tag resolve(String scalar) {
    char first = scalar.charAt(0);
    if (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z') {
      Object word = WORDS.get(scalar);
      return word == null ? Tag.STR : word == NULL_WORD ? Tag.NULL : Tag.BOOL;
    }
    if (RESOLVER_STARTS.indexOf(first) < 0 || notANumber(scalar)) {
      return Tag.STR;
    }
    if (isShortDecimal(scalar)) {
      return Tag.INT;
    }
    if (isShortDecimalFraction(scalar)) {
      return Tag.FLOAT;
    }
    return SnakeResolver.RESOLVER.resolve(NodeId.scalar, scalar, true);
  }

  /**
   * Digits, a dot and digits, at most 15 characters (such as {@code 0.25}): a float of SnakeYAML's
   * resolver, which its constructor makes with {@code Double.valueOf}.
   */
  private static boolean isShortDecimalFraction(String scalar) {
    int length = scalar.length();
    int dot = scalar.indexOf('.');
    if (length > 15 || dot < 1 || dot == length - 1) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = scalar.charAt(i);
      if (i != dot && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /** 1 to 9 digits without a leading zero, or 0: an int that fits an Integer. */
  private static boolean isShortDecimal(String scalar) {
    int length = scalar.length();
    if (length > 9 || scalar.charAt(0) == '0' && length > 1) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = scalar.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Where a quoted scalar starting at {@code at} closes (after its quote); -1 when it does not. */
  private int quotedEnd(int at, int end) {
    byte quote = text[at];
    for (int i = at + 1; i < end; i++) {
      byte c = text[i];
      if (quote == '\'' && c == '\'') {
        if (i + 1 < end && text[i + 1] == '\'') {
          i++;
          continue;
        }
        return i + 1;
      }
      if (quote == '"') {
        if (c == '\\') {
          i++;
          continue;
        }
        if (c == '"') {
          return i + 1;
        }
      }
    }
    return -1;
  }

  /** The value of a quoted scalar from its opening quote to after its closing one. */
  private String quoted(int at, int close) {
    if (text[at] == '\'') {
      return string(at + 1, close - 1).replace("''", "'");
    }
    StringBuilder value = null;
    int from = at + 1;
    for (int i = at + 1; i < close - 1; i++) {
      if (text[i] != '\\') {
        continue;
      }
      char escaped =
          switch (text[i + 1]) {
            case '\\' -> '\\';
            case '"' -> '"';
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> throw NOT_PLAIN;
          };
      if (value == null) {
        value = new StringBuilder();
      }
      value.append(string(from, i)).append(escaped);
      i++;
      from = i + 1;
    }
    if (value == null) {
      return string(at + 1, close - 1);
    }
    return value.append(string(from, close - 1)).toString();
  }

  private String string(int from, int to) {
    return new String(text, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private int skipSpaces(int from, int end) {
    int i = from;
    while (i < end && text[i] == ' ') {
      i++;
    }
    return i;
  }

  private int indentOf(int l) {
    return skipSpaces(starts[l], ends[l]) - starts[l];
  }

  /** The first line from {@code l} on with content (not blank, not only a comment). */
  private int contentLine(int l) {
    for (int i = l; i < lineCount; i++) {
      int content = skipSpaces(starts[i], ends[i]);
      if (content < ends[i] && text[content] != '#') {
        return i;
      }
    }
    return lineCount;
  }

  /** The line of a position (flow collections are on one line). */
  private int lineOf(int at) {
    int low = 0;
    int high = lineCount - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (starts[middle] <= at) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }
}
