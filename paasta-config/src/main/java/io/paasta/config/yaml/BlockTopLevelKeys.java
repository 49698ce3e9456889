package io.paasta.config.yaml;

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
      return Optional.of(new Scan(bytes).run());
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

  /** One pass over the lines, in place: a line is {@code [start, end)} of the file's bytes. */
  private static final class Scan {
    private final byte[] text;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Anchors anchors = new Anchors();
    private final LineValues values;
    private final Map<String, Boolean> keys = new LinkedHashMap<>();
    private Pending pending;
    private boolean content;
    private boolean documentStart;

    Scan(byte[] text) {
      this.text = text;
      this.values = new LineValues(anchors, text);
    }

    Map<String, Boolean> run() {
      int start = 0;
      while (start < text.length) {
        int end = LineValues.indexOf(text, (byte) '\n', start, text.length);
        end = end < 0 ? text.length : end;
        line(start, end);
        start = end + 1;
      }
      if (pending != null) {
        nullValue(pending);
      }
      while (!frames.isEmpty()) {
        close(frames.pop());
      }
      anchors.checkExpansion(text.length);
      return keys;
    }

    private void line(int start, int end) {
      int at = start;
      while (at < end && text[at] == ' ') {
        at++;
      }
      if (at == end || text[at] == '#') {
        return; // blank or a comment
      }
      int indent = at - start;
      if (indent == 0
          && (LineValues.startsWith(text, at, end, "---")
              || LineValues.startsWith(text, at, end, "..."))) {
        if (end - at != 3 || text[at] != '-' || content || documentStart) {
          throw giveUp();
        }
        documentStart = true;
        return;
      }
      content = true;
      boolean listEntry = text[at] == '-' && (at + 1 == end || text[at + 1] == ' ');
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
        listEntry(at, end, indent);
      } else {
        keyLine(at, end, indent, frames.size() == 1);
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

    /** A key line whose key starts at {@code start}. */
    private void keyLine(int start, int end, int indent, boolean topLevel) {
      LineValues.Key key = LineValues.key(text, start, end);
      String name = topLevel ? key.name(text) : null;
      if (topLevel && (key.merge() || (key.plain() && !TopLevelKeys.isStringKey(name)))) {
        throw giveUp();
      }
      LineValues.Value value = values.blockValue(key.end(), end);
      if (key.merge() && !(value.alias() && value.dict())) {
        throw giveUp(); // only a merge of one dict is certain to read the same
      }
      if (value.pending()) {
        pending = new Pending(indent, value.anchor(), name);
      } else if (topLevel) {
        putKey(name, value.dict());
      }
    }

    /** A list entry whose dash is at {@code start}. */
    private void listEntry(int start, int end, int indent) {
      if (end - start == 1) {
        throw giveUp(); // a block value under a dash
      }
      int at = start + 1;
      while (at < end && text[at] == ' ') {
        at++;
      }
      if (at < end && LineValues.keyOrNull(text, at, end) != null) {
        // a dict that starts on the dash's line: its keys line up after the dash
        if (frames.size() >= MAX_DEPTH) {
          throw giveUp();
        }
        int keyIndent = indent + at - start;
        frames.push(new Frame(keyIndent, false, null));
        keyLine(at, end, keyIndent, false);
        return;
      }
      LineValues.Value value = values.blockValue(start + 1, end);
      if (value.pending()) {
        throw giveUp();
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
