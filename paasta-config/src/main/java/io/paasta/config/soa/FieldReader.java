package io.paasta.config.soa;

import io.paasta.config.problem.Problem;
import io.paasta.config.problem.Problems;
import io.paasta.model.WireEnum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Typed reads from a parsed dict with defaults. A value of the wrong type is reported as a problem
 * naming the field, and the default is used, so one bad field never hides the others.
 */
public final class FieldReader {
  private final Map<?, ?> map;
  private final String subjectPrefix;
  private final List<Object> pathPrefix;
  private final FieldLocator locator;
  private final Problems problems;

  /**
   * @param subjectPrefix how problems name the dict, e.g. {@code main} gives {@code main.cpus}
   * @param pathPrefix the dict's own key path, used to locate its fields
   */
  public FieldReader(
      Map<?, ?> map,
      String subjectPrefix,
      List<Object> pathPrefix,
      FieldLocator locator,
      Problems problems) {
    this.map = map == null ? Map.of() : map;
    this.subjectPrefix = subjectPrefix;
    this.pathPrefix = List.copyOf(pathPrefix);
    this.locator = locator;
    this.problems = problems;
  }

  /** A reader over a nested dict, e.g. {@code monitoring}. */
  public FieldReader nested(String key) {
    Object value = map.get(key);
    Map<?, ?> inner = value instanceof Map<?, ?> m ? m : Map.of();
    if (value != null && !(value instanceof Map<?, ?>)) {
      wrongType(key, value, "a dict");
    }
    List<Object> path = new ArrayList<>(pathPrefix);
    path.add(key);
    return new FieldReader(inner, subject(key), path, locator, problems);
  }

  public boolean has(String key) {
    return map.get(key) != null;
  }

  public Object raw(String key) {
    return map.get(key);
  }

  public double number(String key, double defaultValue) {
    Object value = map.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    wrongType(key, value, "a number");
    return defaultValue;
  }

  public int integer(String key, int defaultValue) {
    return optionalInteger(key).orElse(defaultValue);
  }

  public OptionalInt optionalInteger(String key) {
    Object value = map.get(key);
    if (value == null) {
      return OptionalInt.empty();
    }
    if ((value instanceof Integer || value instanceof Long)
        && fitsInt(((Number) value).longValue())) {
      return OptionalInt.of(((Number) value).intValue());
    }
    wrongType(key, value, "a whole number");
    return OptionalInt.empty();
  }

  public boolean bool(String key, boolean defaultValue) {
    Object value = map.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    wrongType(key, value, "true or false");
    return defaultValue;
  }

  public Optional<String> string(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String s) {
      return Optional.of(s);
    }
    wrongType(key, value, "a string");
    return Optional.empty();
  }

  public String string(String key, String defaultValue) {
    return string(key).orElse(defaultValue);
  }

  /** A string, or a number written without quotes (such as {@code realert_every: -1}). */
  public Optional<String> scalarAsString(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String || value instanceof Number) {
      return Optional.of(String.valueOf(value));
    }
    wrongType(key, value, "a string or a number");
    return Optional.empty();
  }

  public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
    return optionalEnum(key, type).orElse(defaultValue);
  }

  public <E extends Enum<E>> Optional<E> optionalEnum(String key, Class<E> type) {
    Optional<String> wire = string(key);
    if (wire.isEmpty()) {
      return Optional.empty();
    }
    Optional<E> parsed = WireEnum.parse(type, wire.get());
    if (parsed.isEmpty()) {
      problem(key, "is not an allowed value", wire.get(), "one of " + WireEnum.choices(type));
    }
    return parsed;
  }

  public List<String> stringList(String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      return list.stream().map(String.class::cast).toList();
    }
    wrongType(key, value, "a list of strings");
    return List.of();
  }

  /** A list of lists of strings, such as {@code constraints: [[pool, LIKE, default]]}. */
  public List<List<String>> stringTable(String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> rows && rows.stream().allMatch(FieldReader::isScalarList)) {
      return rows.stream()
          .map(row -> ((List<?>) row).stream().map(String::valueOf).toList())
          .toList();
    }
    wrongType(key, value, "a list of lists of strings");
    return List.of();
  }

  public static final String WHITELIST_PROBLEM = "is not in PaaSTA's deploy_whitelist format";

  public static final String WHITELIST_FORMAT =
      "PaaSTA's form [location_type, [location, ...]], e.g. deploy_whitelist: [region,"
          + " [uswest1-prod, uswest2-prod]]";

  /**
   * A location list in PaaSTA's form {@code [location_type, [location, ...]]} (deploy_whitelist),
   * as one row: the location type, then the locations.
   */
  public List<List<String>> locationList(String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> pair
        && pair.size() == 2
        && pair.get(0) instanceof String type
        && isScalarList(pair.get(1))) {
      List<String> row = new ArrayList<>();
      row.add(type);
      ((List<?>) pair.get(1)).forEach(location -> row.add(String.valueOf(location)));
      return List.of(List.copyOf(row));
    }
    problem(key, WHITELIST_PROBLEM, Problem.NO_VALUE, WHITELIST_FORMAT);
    return List.of();
  }

  /** A dict of strings; numbers and booleans are turned into their text (env values). */
  public Map<String, String> stringMap(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> m
        && m.values().stream()
            .allMatch(v -> v instanceof String || v instanceof Number || v instanceof Boolean)) {
      Map<String, String> result = new LinkedHashMap<>();
      m.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
      return result;
    }
    wrongType(key, value, "a dict of strings");
    return Map.of();
  }

  @SuppressWarnings("unchecked")
  public Map<String, Object> dict(String key) {
    Object value = map.get(key);
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> result = new LinkedHashMap<>();
      ((Map<Object, Object>) m).forEach((k, v) -> result.put(String.valueOf(k), v));
      return result;
    }
    wrongType(key, value, "a dict");
    return Map.of();
  }

  /** A list of dicts, e.g. {@code extra_volumes}. */
  public List<Map<?, ?>> dictList(String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
      return list.stream().<Map<?, ?>>map(item -> (Map<?, ?>) item).toList();
    }
    wrongType(key, value, "a list of dicts");
    return List.of();
  }

  /** Reports a problem with the field {@code key} of this dict. */
  public void problem(String key, String message, Object value, String expected) {
    problems.add(Problem.error(locate(key), subject(key), message, value, expected));
  }

  public io.paasta.config.problem.Location locate(String key) {
    List<Object> path = new ArrayList<>(pathPrefix);
    path.add(key);
    return locator.locate(path);
  }

  public String subject(String key) {
    return subjectPrefix.isEmpty() ? key : subjectPrefix + "." + key;
  }

  private void wrongType(String key, Object value, String expected) {
    problem(key, "is " + typeName(value), value, "expected " + expected);
  }

  /** "a string", "a number", ... as YAML users would say it. */
  public static String typeName(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof java.math.BigInteger) {
      return "a whole number";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Map<?, ?>) {
      return "a dict";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return "a " + value.getClass().getSimpleName();
  }

  private static boolean isScalarList(Object row) {
    return row instanceof List<?> items
        && items.stream()
            .allMatch(v -> v instanceof String || v instanceof Number || v instanceof Boolean);
  }

  private static boolean fitsInt(long value) {
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
  }
}
