package io.paasta.config.yaml;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Finds the line of a key path (e.g. {@code [main, env, FOO]}) in a parsed document. */
public final class Locator {
  /** For documents that were not read from YAML (JSON files, generated values). */
  public static final Locator NONE = new Locator(null, new java.util.IdentityHashMap<>());

  private final Object root;
  private final Map<Object, Node> nodes;

  Locator(Object root, Map<Object, Node> nodes) {
    this.root = root;
    this.nodes = nodes;
  }

  /**
   * The 1-based line of the deepest part of {@code path} that exists: the key's line for a map
   * entry, the item's line for a list element. 0 when not even the first step exists, or 1 for an
   * empty path when the document has content.
   */
  public int lineOf(List<?> path) {
    Object current = root;
    int line = root != null && nodes.containsKey(root) ? 1 : 0;
    if (root == null) {
      return 0;
    }
    for (Object segment : path) {
      Node node = current == null ? null : nodes.get(current);
      if (node instanceof MappingNode mapping && current instanceof Map<?, ?> map) {
        NodeTuple tuple = findKey(mapping, String.valueOf(segment));
        if (tuple == null) {
          return line;
        }
        line = tuple.getKeyNode().getStartMark().getLine() + 1;
        current = valueOf(map, String.valueOf(segment));
      } else if (node instanceof SequenceNode sequence && current instanceof List<?> list) {
        int index = indexOf(segment);
        if (index < 0 || index >= list.size() || index >= sequence.getValue().size()) {
          return line;
        }
        line = sequence.getValue().get(index).getStartMark().getLine() + 1;
        current = list.get(index);
      } else {
        return line;
      }
    }
    return line;
  }

  private static NodeTuple findKey(MappingNode mapping, String key) {
    NodeTuple found = null;
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
        found = tuple; // the last one wins, as in the constructed map
      }
    }
    return found;
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
