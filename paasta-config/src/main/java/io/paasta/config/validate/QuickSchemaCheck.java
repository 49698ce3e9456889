package io.paasta.config.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Says, without the JSON Schema library, that a parsed file is valid against one of our schemas
 * ({@code schemas/}), for the keywords those schemas use (draft 2020-12 semantics, {@code
 * unevaluatedProperties} included). It answers {@code true} only when sure: an invalid document, a
 * keyword it does not know, a value of a type the YAML reader does not usually give (a set, a
 * binary, a non-string key, a fractional number where an integer is asked) all give {@code false},
 * and {@link SchemaValidator} asks the library, whose errors it reports. So most files (valid ones)
 * never start the library, and every error is still the library's.
 *
 * <p>The schemas are read into maps and lists ({@link SchemaJson}), once each.
 */
final class QuickSchemaCheck {
  /** Keywords with no effect on validity. */
  private static final Set<String> ANNOTATIONS =
      Set.of("$schema", "$defs", "$comment", "title", "description", "default", "examples");

  /** Keywords {@link #valid} evaluates. Any other keyword makes it unsure. */
  private static final Set<String> EVALUATED =
      Set.of(
          "$id",
          "$ref",
          "allOf",
          "type",
          "enum",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minLength",
          "maxLength",
          "pattern",
          "items",
          "prefixItems",
          "minItems",
          "maxItems",
          "uniqueItems",
          "properties",
          "patternProperties",
          "additionalProperties",
          "propertyNames",
          "required",
          "minProperties",
          "maxProperties",
          "unevaluatedProperties");

  /** Integers beyond this are not compared as doubles (they would round). */
  private static final double EXACT_DOUBLE = 9007199254740992.0; // 2^53

  /** Nesting beyond this is left to the library (and its limits). */
  private static final int MAX_DEPTH = 200;

  private final Map<String, Schema> documents = new ConcurrentHashMap<>();
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  /**
   * A schema file as parsed, with the keywords of each of its dicts that {@link #valid} can judge
   * (not one with a keyword it does not know, nor one with a nested base URI), looked up once when
   * it is read, and what each of its {@code $ref}s leads to, found once.
   */
  private record Schema(
      String name, Object root, Map<Object, Keywords> judged, Map<String, Target> refs) {}

  /** Where a {@code $ref} leads: a node of a document; {@link #UNRESOLVED} when unsure. */
  private record Target(Schema doc, Object node) {}

  private static final Target UNRESOLVED = new Target(null, null);

  /**
   * The keywords of one schema dict, as {@code get} (null when absent) or {@code containsKey} gives
   * them.
   */
  private record Keywords(
      Object ref,
      Object allOf,
      boolean hasType,
      Object type,
      boolean hasEnum,
      Object enumValues,
      boolean hasBounds,
      Object minimum,
      Object maximum,
      Object exclusiveMinimum,
      Object exclusiveMaximum,
      Object minLength,
      Object maxLength,
      Object pattern,
      Object minItems,
      Object maxItems,
      Object prefixItems,
      Object items,
      Object uniqueItems,
      Object minProperties,
      Object maxProperties,
      Object required,
      Object properties,
      Object patternProperties,
      Object additionalProperties,
      Object propertyNames,
      boolean hasUnevaluated,
      Object unevaluatedProperties) {
    static Keywords of(Map<?, ?> keywords) {
      return new Keywords(
          keywords.get("$ref"),
          keywords.get("allOf"),
          keywords.containsKey("type"),
          keywords.get("type"),
          keywords.containsKey("enum"),
          keywords.get("enum"),
          keywords.containsKey("minimum")
              || keywords.containsKey("maximum")
              || keywords.containsKey("exclusiveMinimum")
              || keywords.containsKey("exclusiveMaximum"),
          keywords.get("minimum"),
          keywords.get("maximum"),
          keywords.get("exclusiveMinimum"),
          keywords.get("exclusiveMaximum"),
          keywords.get("minLength"),
          keywords.get("maxLength"),
          keywords.get("pattern"),
          keywords.get("minItems"),
          keywords.get("maxItems"),
          keywords.get("prefixItems"),
          keywords.get("items"),
          keywords.get("uniqueItems"),
          keywords.get("minProperties"),
          keywords.get("maxProperties"),
          keywords.get("required"),
          keywords.get("properties"),
          keywords.get("patternProperties"),
          keywords.get("additionalProperties"),
          keywords.get("propertyNames"),
          keywords.containsKey("unevaluatedProperties"),
          keywords.get("unevaluatedProperties"));
    }
  }

  /**
   * Where a dict's evaluated keys go when nobody asks for them (no parent, no {@code
   * unevaluatedProperties} of its own): nowhere.
   */
  private static final Set<String> NOBODY_ASKS =
      new java.util.AbstractSet<>() {
        @Override
        public boolean add(String key) {
          return false;
        }

        @Override
        public java.util.Iterator<String> iterator() {
          return java.util.Collections.emptyIterator();
        }

        @Override
        public int size() {
          return 0;
        }
      };

  /**
   * Whether {@code root} (a parsed YAML document) is certainly valid against the schema file {@code
   * schema} (e.g. {@code marathon.schema.json}); {@code false} when invalid or unsure.
   */
  boolean certainlyValid(String schema, Object root) {
    if (!plain(root, 0)) {
      return false;
    }
    Schema doc = document(schema);
    return valid(doc, doc.root(), root, null, 0);
  }

  /**
   * Only values the library sees as this class does: strings, whole numbers, finite doubles,
   * booleans, null, and lists and string-keyed dicts of them.
   */
  private static boolean plain(Object value, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof BigInteger) {
      return true;
    }
    if (value instanceof Double d) {
      return Double.isFinite(d);
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String) || !plain(e.getValue(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!plain(item, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Whether {@code instance} is certainly valid against {@code schema} (a node of the document
   * {@code doc}). When it is and the instance is a dict, the keys the schema evaluated (its
   * properties, pattern properties, additional and unevaluated properties, and those of its
   * in-place subschemas: {@code $ref}, {@code allOf}) are added to {@code evaluated}, unless it is
   * null (nobody asks).
   */
  private boolean valid(
      Schema doc, Object schema, Object instance, Set<String> evaluated, int depth) {
    if (schema instanceof Boolean b) {
      return b;
    }
    if (!(schema instanceof Map<?, ?>) || depth > MAX_DEPTH) {
      return false;
    }
    Keywords keywords = doc.judged().get(schema);
    if (keywords == null) {
      return false; // a keyword this class does not know, or a nested base URI
    }
    boolean asked = evaluated != null && evaluated != NOBODY_ASKS;
    Set<String> mine =
        !(instance instanceof Map<?, ?>)
            ? null
            : asked || keywords.hasUnevaluated() ? new HashSet<>() : NOBODY_ASKS;
    Object ref = keywords.ref();
    if (ref != null && !validRef(doc, ref, instance, mine, depth)) {
      return false;
    }
    Object allOf = keywords.allOf();
    if (allOf != null) {
      if (!(allOf instanceof List<?> all)) {
        return false;
      }
      for (Object sub : all) {
        if (!valid(doc, sub, instance, mine, depth + 1)) {
          return false;
        }
      }
    }
    if (keywords.hasType() && !hasType(keywords.type(), instance)) {
      return false;
    }
    if (keywords.hasEnum() && !inEnum(keywords.enumValues(), instance)) {
      return false;
    }
    if (isNumber(instance) && !validNumber(keywords, instance)) {
      return false;
    }
    if (instance instanceof String text && !validString(keywords, text)) {
      return false;
    }
    if (instance instanceof List<?> list && !validList(doc, keywords, list, depth)) {
      return false;
    }
    if (instance instanceof Map<?, ?> map && !validDict(doc, keywords, map, mine, depth)) {
      return false;
    }
    if (asked && mine != null) {
      evaluated.addAll(mine);
    }
    return true;
  }

  /** Whether {@link #valid} can judge a dict of document {@code doc} as a schema. */
  private static boolean judged(String doc, Map<?, ?> keywords) {
    for (Object keyword : keywords.keySet()) {
      if (!EVALUATED.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
        return false;
      }
    }
    Object id = keywords.get("$id");
    // a nested base URI: refs would resolve elsewhere
    return id == null || id.equals(SchemaValidator.SCHEMA_BASE + doc);
  }

  private boolean validRef(
      Schema doc, Object ref, Object instance, Set<String> evaluated, int depth) {
    if (!(ref instanceof String text)) {
      return false;
    }
    Target target = doc.refs().get(text);
    if (target == null) {
      target = resolve(doc.name(), text);
      doc.refs().putIfAbsent(text, target);
    }
    return target != UNRESOLVED
        && valid(target.doc(), target.node(), instance, evaluated, depth + 1);
  }

  /** Where reference {@code text} of document {@code doc} leads. */
  private Target resolve(String doc, String text) {
    int hash = text.indexOf('#');
    String target = hash == 0 ? doc : hash < 0 ? text : text.substring(0, hash);
    if (target.contains("/") || target.contains(":") || !target.endsWith(".schema.json")) {
      return UNRESOLVED; // only our own files, by name
    }
    Schema schema = document(target);
    Object node = schema.root();
    if (hash >= 0 && hash < text.length() - 1) {
      String pointer = text.substring(hash + 1);
      if (!pointer.startsWith("/")) {
        return UNRESOLVED; // an anchor
      }
      for (String part : pointer.substring(1).split("/", -1)) {
        String key = part.replace("~1", "/").replace("~0", "~");
        if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
          return UNRESOLVED;
        }
        node = map.get(key);
      }
    }
    return new Target(schema, node);
  }

  private static boolean hasType(Object type, Object instance) {
    if (type instanceof String one) {
      return isOfType(one, instance);
    }
    if (type instanceof List<?> any) {
      for (Object one : any) {
        if (one instanceof String name && isOfType(name, instance)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * JSON types as the library sees the values: a double is a number, never an integer here (the
   * library may count 2.0 as one; unsure, so not valid).
   */
  private static boolean isOfType(String type, Object instance) {
    return switch (type) {
      case "string" -> instance instanceof String;
      case "integer" -> isWhole(instance);
      case "number" -> isNumber(instance);
      case "boolean" -> instance instanceof Boolean;
      case "null" -> instance == null;
      case "object" -> instance instanceof Map<?, ?>;
      case "array" -> instance instanceof List<?>;
      default -> false;
    };
  }

  private static boolean isWhole(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
  }

  private static boolean isNumber(Object value) {
    return isWhole(value) || value instanceof Double;
  }

  /** Strings, booleans, null and whole numbers are compared; anything else is unsure. */
  private static boolean inEnum(Object values, Object instance) {
    if (!(values instanceof List<?> list)) {
      return false;
    }
    for (Object value : list) {
      if (instance == null ? value == null : sameScalar(instance, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameScalar(Object a, Object b) {
    if (a instanceof String || a instanceof Boolean) {
      return a.equals(b);
    }
    if ((a instanceof Integer || a instanceof Long)
        && (b instanceof Integer || b instanceof Long)) {
      return ((Number) a).longValue() == ((Number) b).longValue();
    }
    return false;
  }

  private static boolean validNumber(Keywords keywords, Object instance) {
    Double value = exactDouble(instance);
    if (value == null) {
      return !keywords.hasBounds();
    }
    return bound(keywords.minimum(), b -> value >= b)
        && bound(keywords.maximum(), b -> value <= b)
        && bound(keywords.exclusiveMinimum(), b -> value > b)
        && bound(keywords.exclusiveMaximum(), b -> value < b);
  }

  private interface Comparison {
    boolean holds(double bound);
  }

  private static boolean bound(Object bound, Comparison comparison) {
    if (bound == null) {
      return true;
    }
    Double b = exactDouble(bound);
    return b != null && comparison.holds(b);
  }

  /** The value as a double when that is exact; null otherwise. */
  private static Double exactDouble(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      long l = ((Number) value).longValue();
      return Math.abs((double) l) < EXACT_DOUBLE ? (double) l : null;
    }
    if (value instanceof Double d && Double.isFinite(d)) {
      return d;
    }
    return null;
  }

  private boolean validString(Keywords keywords, String text) {
    Object min = keywords.minLength();
    Object max = keywords.maxLength();
    if (min != null || max != null) {
      int length = text.codePointCount(0, text.length());
      if (min != null && !(isWhole(min) && length >= ((Number) min).longValue())) {
        return false;
      }
      if (max != null && !(isWhole(max) && length <= ((Number) max).longValue())) {
        return false;
      }
    }
    Object pattern = keywords.pattern();
    return pattern == null || pattern instanceof String regex && matches(regex, text);
  }

  /** JSON Schema patterns are not anchored: found anywhere in the text. */
  private boolean matches(String regex, String text) {
    Pattern pattern = patterns.get(regex);
    if (pattern == null) {
      try {
        pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        return false; // the library says what it makes of it
      }
      patterns.putIfAbsent(regex, pattern);
    }
    return pattern.matcher(text).find();
  }

  private boolean validList(Schema doc, Keywords keywords, List<?> list, int depth) {
    if (!count(keywords.minItems(), list.size(), true)
        || !count(keywords.maxItems(), list.size(), false)) {
      return false;
    }
    int first = 0;
    Object prefix = keywords.prefixItems();
    if (prefix != null) {
      if (!(prefix instanceof List<?> prefixes)) {
        return false;
      }
      for (; first < Math.min(prefixes.size(), list.size()); first++) {
        if (!valid(doc, prefixes.get(first), list.get(first), null, depth + 1)) {
          return false;
        }
      }
    }
    Object items = keywords.items();
    if (items != null) {
      for (int i = first; i < list.size(); i++) {
        if (!valid(doc, items, list.get(i), null, depth + 1)) {
          return false;
        }
      }
    }
    Object unique = keywords.uniqueItems();
    if (Boolean.TRUE.equals(unique)) {
      Set<Object> seen = new HashSet<>();
      for (Object item : list) {
        if (!(item instanceof String) || !seen.add(item)) {
          return false; // only strings are compared here
        }
      }
    } else if (unique != null && !Boolean.FALSE.equals(unique)) {
      return false;
    }
    return true;
  }

  private static boolean count(Object limit, int size, boolean atLeast) {
    if (limit == null) {
      return true;
    }
    if (!isWhole(limit)) {
      return false;
    }
    long l = ((Number) limit).longValue();
    return atLeast ? size >= l : size <= l;
  }

  private boolean validDict(
      Schema doc, Keywords keywords, Map<?, ?> dict, Set<String> evaluated, int depth) {
    if (!count(keywords.minProperties(), dict.size(), true)
        || !count(keywords.maxProperties(), dict.size(), false)) {
      return false;
    }
    Object required = keywords.required();
    if (required != null) {
      if (!(required instanceof List<?> names)) {
        return false;
      }
      for (Object name : names) {
        if (!dict.containsKey(name)) {
          return false;
        }
      }
    }
    Object properties = keywords.properties();
    Object patternProperties = keywords.patternProperties();
    Object additional = keywords.additionalProperties();
    Object names = keywords.propertyNames();
    if (properties != null && !(properties instanceof Map<?, ?>)
        || patternProperties != null && !(patternProperties instanceof Map<?, ?>)) {
      return false;
    }
    for (Map.Entry<?, ?> entry : dict.entrySet()) {
      String key = (String) entry.getKey();
      Object value = entry.getValue();
      if (names != null && !valid(doc, names, key, null, depth + 1)) {
        return false;
      }
      boolean matched = false;
      if (properties instanceof Map<?, ?> props && props.containsKey(key)) {
        matched = true;
        if (!valid(doc, props.get(key), value, null, depth + 1)) {
          return false;
        }
      }
      if (patternProperties instanceof Map<?, ?> byPattern) {
        for (Map.Entry<?, ?> p : byPattern.entrySet()) {
          if (matches((String) p.getKey(), key)) {
            matched = true;
            if (!valid(doc, p.getValue(), value, null, depth + 1)) {
              return false;
            }
          }
        }
      }
      if (matched) {
        evaluated.add(key);
      } else if (additional != null) {
        if (!valid(doc, additional, value, null, depth + 1)) {
          return false;
        }
        evaluated.add(key);
      }
    }
    Object unevaluated = keywords.unevaluatedProperties();
    if (unevaluated != null) {
      for (Map.Entry<?, ?> entry : dict.entrySet()) {
        String key = (String) entry.getKey();
        if (!evaluated.contains(key)
            && !valid(doc, unevaluated, entry.getValue(), null, depth + 1)) {
          return false;
        }
      }
      dict.keySet().forEach(key -> evaluated.add((String) key));
    }
    return true;
  }

  /** A schema file of the classpath's {@code schemas/}, parsed once. */
  private Schema document(String name) {
    Schema known = documents.get(name);
    if (known != null) {
      return known;
    }
    Object root = read(name);
    Map<Object, Keywords> judged = new java.util.IdentityHashMap<>();
    collectJudged(name, root, judged);
    Schema parsed = new Schema(name, root, judged, new ConcurrentHashMap<>());
    Schema first = documents.putIfAbsent(name, parsed);
    return first != null ? first : parsed;
  }

  /** The keywords of every dict of a schema document that {@link #judged} accepts. */
  private static void collectJudged(String doc, Object value, Map<Object, Keywords> judged) {
    if (value instanceof Map<?, ?> map) {
      if (judged(doc, map)) {
        judged.put(map, Keywords.of(map));
      }
      map.values().forEach(child -> collectJudged(doc, child, judged));
    } else if (value instanceof List<?> list) {
      list.forEach(child -> collectJudged(doc, child, judged));
    }
  }

  private static Object read(String name) {
    try (InputStream in = SchemaFiles.open(name)) {
      if (in == null) {
        return Boolean.FALSE; // unknown: never certainly valid, the library reports it
      }
      return SchemaJson.read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + name, e);
    }
  }
}
