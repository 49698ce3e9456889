package io.paasta.config.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's safe constructor (PyYAML's semantics: merge keys, {@code yes} is true, {@code 0755}
 * is octal) that remembers where each map and list was written, so problems can name a line.
 * Timestamps stay strings: soa-configs has no timestamp-typed keys and a schedule must not turn
 * into a Date.
 */
final class LocatingConstructor extends SafeConstructor {
  private final Map<Object, Locator.Written> written = new IdentityHashMap<>();
  private final List<YamlDocument.DuplicateKey> duplicates = new ArrayList<>();

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
        duplicates.add(
            new YamlDocument.DuplicateKey(key.getValue(), key.getStartMark().getLine() + 1));
      }
    }
    super.constructMapping2ndStep(node, mapping);
    // the tuples once merge keys are applied and duplicates dropped
    List<NodeTuple> tuples = node.getValue();
    String[] keys = new String[tuples.size()];
    int[] lines = new int[tuples.size()];
    for (int i = 0; i < keys.length; i++) {
      Node key = tuples.get(i).getKeyNode();
      keys[i] = key instanceof ScalarNode scalar ? scalar.getValue() : null;
      lines[i] = key.getStartMark().getLine() + 1;
    }
    written.put(mapping, new Locator.Written(keys, lines));
  }

  @Override
  protected void constructSequenceStep2(SequenceNode node, Collection<Object> collection) {
    super.constructSequenceStep2(node, collection);
    List<Node> items = node.getValue();
    int[] lines = new int[items.size()];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = items.get(i).getStartMark().getLine() + 1;
    }
    written.put(collection, Locator.Written.ofList(lines));
  }

  /** The document whose root was just constructed; this constructor's record starts afresh. */
  YamlDocument takeDocument(Object root) {
    YamlDocument document =
        new YamlDocument(root, new IdentityHashMap<>(written), List.copyOf(duplicates));
    written.clear();
    duplicates.clear();
    return document;
  }

  /**
   * How this constructor makes a value of a resolved tag ({@code null} when it has none): what
   * {@link PlainYaml} makes plain scalars with. The constructors of scalars keep no state.
   */
  Construct scalarConstructor(Tag tag) {
    return yamlConstructors.get(tag);
  }

  /** A plain scalar node of this tag and text, for {@link #scalarConstructor}. */
  static ScalarNode plainNode(Tag tag, String text) {
    return new ScalarNode(tag, text, null, null, DumperOptions.ScalarStyle.PLAIN);
  }
}
