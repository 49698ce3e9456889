package io.paasta.config.yaml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The top-level keys of a YAML file and whether each value is a dict, read line by line (no YAML
 * parser) for the block-style files soa-configs are written in: what listing instances needs, at a
 * small fraction of {@link TopLevelKeys}' cost. It accepts only a strict subset of YAML that
 * SnakeYAML reads without error and sees the same way: ASCII lines without tabs, block mappings and
 * sequences with consistent indentation, plain or quoted keys, one-line scalars and flow
 * collections, dicts that start on a list's dash, anchors, merge keys and aliases to closed anchors
 * outside any anchored value. Every line is checked against that subset; anything else (tags, block
 * scalars, multi-line scalars or flow collections, directives, a second document, escapes in double
 * quotes...) gives {@link Optional#empty()}, and the caller reads the file with {@link
 * TopLevelKeys} or in full.
 */
public final class BlockTopLevelKeys {
  /** Blocks, plus {@link LineValues}' flow depth, stay below SnakeYAML's nesting limit (50). */
  private static final int MAX_DEPTH = 20;

  private BlockTopLevelKeys() {}

  /**
   * The keys of the top-level dict (in order, the last of a duplicate winning) each with whether
   * its value is a dict; empty keys for an empty document; {@link Optional#empty()} when the file
   * is outside the subset this scanner reads.
   */
  public static Optional<Map<String, Boolean>> read(byte[] bytes) {
    for (byte b : bytes) {
      if (b != '\n' && (b < 0x20 || b > 0x7e)) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(new Scan(new String(bytes, StandardCharsets.US_ASCII)).run());
    } catch (GiveUp e) {
      return Optional.empty();
    }
  }

  /** Outside the subset: the caller reads the file another way. */
  static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  static GiveUp giveUp() {
    return new GiveUp();
  }

  /** An open block collection: its indentation, whether it is a list, and its anchor if any. */
  private record Frame(int indent, boolean list, String anchor) {}

  /** A key line with no value on it: the next content line says what the value is. */
  private record Pending(int indent, String anchor, String topKey) {}

  private static final class Scan {
    private final String text;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Anchors anchors = new Anchors();
    private final Map<String, Boolean> keys = new LinkedHashMap<>();
    private Pending pending;
    private boolean content;
    private boolean documentStart;

    Scan(String text) {
      this.text = text;
    }

    Map<String, Boolean> run() {
      int start = 0;
      while (start < text.length()) {
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        line(text.substring(start, end));
        start = end + 1;
      }
      if (pending != null) {
        nullValue(pending);
      }
      while (!frames.isEmpty()) {
        close(frames.pop());
      }
      anchors.checkExpansion(text.length());
      return keys;
    }

    private void line(String line) {
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      if (indent == line.length() || line.charAt(indent) == '#') {
        return; // blank or a comment
      }
      String rest = line.substring(indent);
      if (indent == 0 && (rest.startsWith("---") || rest.startsWith("..."))) {
        if (!rest.equals("---") || content || documentStart) {
          throw giveUp();
        }
        documentStart = true;
        return;
      }
      content = true;
      boolean listEntry = rest.equals("-") || rest.startsWith("- ");
      if (pending != null) {
        Pending value = pending;
        pending = null;
        if (indent > value.indent()) {
          open(value, indent, listEntry);
        } else {
          nullValue(value);
        }
      }
      while (!frames.isEmpty() && frames.peek().indent() > indent) {
        close(frames.pop());
      }
      if (frames.isEmpty()) {
        if (indent != 0 || listEntry) {
          throw giveUp(); // the root must be a block mapping at column 0
        }
        frames.push(new Frame(0, false, null));
      }
      Frame top = frames.peek();
      if (top.indent() != indent) {
        throw giveUp();
      }
      if (top.list() != listEntry) {
        throw giveUp(); // a key among a list's entries, or a dash among a dict's keys
      }
      if (top.list()) {
        listEntry(rest, indent);
      } else {
        keyLine(rest, indent, frames.size() == 1);
      }
    }

    private void open(Pending value, int indent, boolean list) {
      if (frames.size() >= MAX_DEPTH) {
        throw giveUp();
      }
      anchors.open(value.anchor());
      frames.push(new Frame(indent, list, value.anchor()));
      if (value.topKey() != null) {
        putKey(value.topKey(), !list);
      }
    }

    private void nullValue(Pending value) {
      anchors.define(value.anchor(), false);
      if (value.topKey() != null) {
        putKey(value.topKey(), false);
      }
    }

    private void close(Frame frame) {
      anchors.close(frame.anchor(), !frame.list());
    }

    private void putKey(String key, boolean dict) {
      keys.remove(key); // the last of a duplicate wins, in its place
      keys.put(key, dict);
    }

    private void keyLine(String rest, int indent, boolean topLevel) {
      LineValues.Key key = LineValues.key(rest);
      if (topLevel && (key.merge() || (key.plain() && !TopLevelKeys.isStringKey(key.name())))) {
        throw giveUp();
      }
      LineValues.Value value = new LineValues(anchors).blockValue(rest.substring(key.end()));
      if (key.merge() && !(value.alias() && value.dict())) {
        throw giveUp(); // only a merge of one dict is certain to read the same
      }
      if (value.pending()) {
        pending = new Pending(indent, value.anchor(), topLevel ? key.name() : null);
      } else if (topLevel) {
        putKey(key.name(), value.dict());
      }
    }

    private void listEntry(String rest, int indent) {
      if (rest.equals("-")) {
        throw giveUp(); // a block value under a dash
      }
      int at = 1;
      while (at < rest.length() && rest.charAt(at) == ' ') {
        at++;
      }
      if (at < rest.length() && isKeyLine(rest.substring(at))) {
        // a dict that starts on the dash's line: its keys line up after the dash
        if (frames.size() >= MAX_DEPTH) {
          throw giveUp();
        }
        frames.push(new Frame(indent + at, false, null));
        keyLine(rest.substring(at), indent + at, false);
        return;
      }
      LineValues.Value value = new LineValues(anchors).blockValue(rest.substring(1));
      if (value.pending()) {
        throw giveUp();
      }
    }

    private static boolean isKeyLine(String rest) {
      try {
        LineValues.key(rest);
        return true;
      } catch (GiveUp e) {
        return false; // a scalar, or a line left to the parser by blockValue
      }
    }
  }

  /**
   * Anchors seen so far: those closed (with whether their value is a dict) and those still open. An
   * alias is accepted only to a closed anchor and only outside any anchored value, which bounds
   * what aliases expand to.
   */
  static final class Anchors {
    private final Map<String, Boolean> closed = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private int aliases;

    /**
     * An anchor whose value starts; each anchor is defined once (the subset has no redefinition).
     */
    void open(String anchor) {
      if (anchor != null && (closed.containsKey(anchor) || !open.add(anchor))) {
        throw giveUp();
      }
    }

    void close(String anchor, boolean dict) {
      if (anchor != null) {
        open.remove(anchor);
        closed.put(anchor, dict);
      }
    }

    void define(String anchor, boolean dict) {
      if (anchor != null) {
        if (open.contains(anchor) || closed.containsKey(anchor)) {
          throw giveUp();
        }
        closed.put(anchor, dict);
      }
    }

    /** An alias: whether its value is a dict. */
    boolean alias(String anchor) {
      Boolean dict = closed.get(anchor);
      if (dict == null || !open.isEmpty() || ++aliases > ConfigFileReader.MAX_ALIASES) {
        throw giveUp();
      }
      return dict;
    }

    /** No anchored value holds an alias, so each alias expands to at most the whole file. */
    void checkExpansion(int length) {
      if ((aliases + 1L) * length > ConfigFileReader.MAX_EXPANDED_VALUES) {
        throw giveUp();
      }
    }
  }
}
