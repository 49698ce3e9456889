package io.paasta.config.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's safe constructor (PyYAML's semantics: merge keys, {@code yes} is true, {@code 0755}
 * is octal) that remembers which node each map and list came from, so problems can name a line.
 * Timestamps stay strings: soa-configs has no timestamp-typed keys and a schedule must not turn
 * into a Date.
 */
final class LocatingConstructor extends SafeConstructor {
  private final Map<Object, Node> nodes = new IdentityHashMap<>();
  private final List<DuplicateKey> duplicates = new ArrayList<>();

  /** A key written twice in one mapping; the last one wins, as in PyYAML. */
  record DuplicateKey(String key, int line) {}

  LocatingConstructor(LoaderOptions options) {
    super(options);
    yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
  }

  @Override
  protected void constructMapping2ndStep(MappingNode node, Map<Object, Object> mapping) {
    Set<String> seen = new HashSet<>();
    for (NodeTuple tuple : node.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key
          && !"<<".equals(key.getValue())
          && !seen.add(key.getValue())) {
        duplicates.add(new DuplicateKey(key.getValue(), key.getStartMark().getLine() + 1));
      }
    }
    super.constructMapping2ndStep(node, mapping);
    nodes.put(mapping, node);
  }

  @Override
  protected void constructSequenceStep2(SequenceNode node, Collection<Object> collection) {
    super.constructSequenceStep2(node, collection);
    nodes.put(collection, node);
  }

  List<DuplicateKey> duplicates() {
    return List.copyOf(duplicates);
  }

  /** The nodes seen while constructing one document; handed to the document's locator. */
  Map<Object, Node> takeNodes() {
    Map<Object, Node> taken = new IdentityHashMap<>(nodes);
    nodes.clear();
    return taken;
  }
}
