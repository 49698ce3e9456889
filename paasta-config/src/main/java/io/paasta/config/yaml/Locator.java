package io.paasta.config.yaml;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Finds the line of a key path (e.g. {@code [main, env, FOO]}) in a parsed document. */
public final class Locator {
  /** For documents that were not read from YAML (JSON files, generated values). */
  public static final Locator NONE = new Locator(null, new IdentityHashMap<>());

  /**
   * Where the entries of one dict or list were written, in the order the parser left them (a dict's
   * after merge keys are applied): for a dict, each key's text ({@code null} for a key that is not
   * a scalar) and 1-based line; for a list ({@code keys} null), each item's line.
   */
  record Written(String[] keys, int[] lines) {
    static Written ofList(int[] lines) {
      return new Written(null, lines);
    }

    boolean isDict() {
      return keys != null;
    }
  }

  private final Object root;
  private final Map<Object, Written> written;

  /**
   * @param written where each dict and list of the document was written, by identity
   */
  Locator(Object root, Map<Object, Written> written) {
    this.root = root;
    this.written = written;
  }

  /**
   * The 1-based line of the deepest part of {@code path} that exists: the key's line for a map
   * entry, the item's line for a list element. 0 when not even the first step exists, or 1 for an
   * empty path when the document has content.
   */
  public int lineOf(List<?> path) {
    Object current = root;
    int line = root != null && written.containsKey(root) ? 1 : 0;
    if (root == null) {
      return 0;
    }
    for (int step = 0; step < path.size(); step++) { // no iterator: called for every value read
      Object segment = path.get(step);
      Written where = current == null ? null : written.get(current);
      if (where != null && where.isDict() && current instanceof Map<?, ?> map) {
        int index = lastIndexOf(where.keys(), String.valueOf(segment));
        if (index < 0) {
          return line;
        }
        line = where.lines()[index];
        current = valueOf(map, String.valueOf(segment));
      } else if (where != null && !where.isDict() && current instanceof List<?> list) {
        int index = indexOf(segment);
        if (index < 0 || index >= list.size() || index >= where.lines().length) {
          return line;
        }
        line = where.lines()[index];
        current = list.get(index);
      } else {
        return line;
      }
    }
    return line;
  }

  /** The last key written with this text: the last one wins, as in the constructed map. */
  private static int lastIndexOf(String[] keys, String key) {
    for (int i = keys.length - 1; i >= 0; i--) {
      if (key.equals(keys[i])) {
        return i;
      }
    }
    return -1;
  }

  private static Object valueOf(Map<?, ?> map, String key) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (String.valueOf(entry.getKey()).equals(key)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static int indexOf(Object segment) {
    if (segment instanceof Integer index) {
      return index;
    }
    try {
      return Integer.parseInt(String.valueOf(segment));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
