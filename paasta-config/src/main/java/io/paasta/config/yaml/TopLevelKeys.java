package io.paasta.config.yaml;

import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The top-level keys of a YAML document and whether each value is a dict, read from the parser's
 * events without building the document. Only for plain documents: when anything could make the full
 * reader see the file differently (a tag, a merge key or a non-string key at the top level, a
 * second document, a syntax error, more aliases or values than the reader allows, a value that
 * contains itself) it gives up, and the caller reads the file with {@link ConfigFileReader}.
 */
public final class TopLevelKeys {
  private static final Resolver RESOLVER = new Resolver();
  private static final int MAX_DEPTH = new LoaderOptions().getNestingDepthLimit();

  private TopLevelKeys() {}

  /**
   * The keys of the top-level dict (in order, the last of a duplicate winning) each with whether
   * its value is a dict; empty keys when the document is not a dict; {@link Optional#empty()} when
   * the file must be read in full to know.
   */
  public static Optional<Map<String, Boolean>> read(Reader in) {
    try {
      return new Walk().run(new ParserImpl(new StreamReader(in), new LoaderOptions()));
    } catch (RuntimeException e) {
      // a syntax error, or anything else: the full reader says what it is
      return Optional.empty();
    }
  }

  /** Whether a plain key is read as this very string (not a merge key, a number or a boolean). */
  static boolean isStringKey(String plain) {
    Tag tag = RESOLVER.resolve(NodeId.scalar, plain, true);
    return (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) && !plain.equals("<<");
  }

  /** One pass over the events, keeping an upper bound of the values the document expands to. */
  private static final class Walk {
    private final Deque<long[]> open = new ArrayDeque<>();
    private final Deque<String> openAnchors = new ArrayDeque<>();
    private final Map<String, Long> anchorSizes = new HashMap<>();
    private final Map<String, Boolean> anchorIsDict = new HashMap<>();
    private final Map<String, Boolean> keys = new LinkedHashMap<>();
    private String pendingKey;
    private int documents;
    private int aliases;
    private boolean rootIsDict;

    Optional<Map<String, Boolean>> run(ParserImpl parser) {
      while (!parser.checkEvent(Event.ID.StreamEnd)) {
        Event event = parser.getEvent();
        if (event instanceof DocumentStartEvent && ++documents > 1) {
          return Optional.empty(); // the reader refuses a second document
        }
        if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
          if (!close()) {
            return Optional.empty();
          }
        } else if (event instanceof NodeEvent node && !node(node)) {
          return Optional.empty();
        }
      }
      return Optional.of(rootIsDict ? keys : Map.of());
    }

    /** Takes one node event; false when the full reader is needed. */
    private boolean node(NodeEvent event) {
      if (hasExplicitTag(event)) {
        return false;
      }
      int depth = open.size();
      if (depth == 0 && event instanceof MappingStartEvent) {
        rootIsDict = true;
      }
      if (depth == 1 && rootIsDict && !topLevel(event)) {
        return false;
      }
      if (event instanceof AliasEvent alias) {
        Long size = anchorSizes.get(alias.getAnchor());
        // an undefined alias, one to a value still open (it contains itself), or too many
        if (size == null || ++aliases > ConfigFileReader.MAX_ALIASES) {
          return false;
        }
        return add(size);
      }
      if (event instanceof CollectionStartEvent) {
        if (open.size() >= MAX_DEPTH) {
          return false;
        }
        String anchor = event.getAnchor() == null ? "" : event.getAnchor();
        open.push(new long[] {1});
        openAnchors.push(anchor);
        // until it is closed, an alias to it is a value that contains itself
        anchorSizes.remove(anchor);
        anchorIsDict.put(anchor, event instanceof MappingStartEvent);
        return true;
      }
      if (event.getAnchor() != null) {
        anchorSizes.put(event.getAnchor(), 1L);
        anchorIsDict.put(event.getAnchor(), false);
      }
      return add(1);
    }

    /** A key or a value of the top-level dict. */
    private boolean topLevel(NodeEvent event) {
      if (pendingKey == null) {
        if (!(event instanceof ScalarEvent scalar) || !isStringKey(scalar)) {
          return false;
        }
        pendingKey = scalar.getValue();
        return true;
      }
      boolean dict =
          event instanceof MappingStartEvent
              || (event instanceof AliasEvent alias
                  && Boolean.TRUE.equals(anchorIsDict.get(alias.getAnchor()))
                  && anchorSizes.containsKey(alias.getAnchor()));
      keys.remove(pendingKey); // the last of a duplicate wins, in its place
      keys.put(pendingKey, dict);
      pendingKey = null;
      return true;
    }

    private boolean close() {
      long size = open.pop()[0];
      String anchor = openAnchors.pop();
      if (!anchor.isEmpty()) {
        anchorSizes.put(anchor, size);
      }
      return add(size);
    }

    private boolean add(long size) {
      if (open.isEmpty()) {
        return size <= ConfigFileReader.MAX_EXPANDED_VALUES;
      }
      long[] parent = open.peek();
      parent[0] = Math.min(parent[0] + size, Long.MAX_VALUE / 2);
      return parent[0] <= ConfigFileReader.MAX_EXPANDED_VALUES;
    }

    private static boolean hasExplicitTag(NodeEvent event) {
      if (event instanceof ScalarEvent scalar) {
        return scalar.getTag() != null
            && !scalar.getImplicit().canOmitTagInPlainScalar()
            && !scalar.getImplicit().canOmitTagInNonPlainScalar();
      }
      return event instanceof CollectionStartEvent collection
          && collection.getTag() != null
          && !collection.getImplicit();
    }

    /** A key the reader turns into this very string (not a merge key, a number or a boolean). */
    private static boolean isStringKey(ScalarEvent scalar) {
      return !scalar.isPlain() || TopLevelKeys.isStringKey(scalar.getValue());
    }
  }
}
