package io.paasta.backend.kubernetes.apply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields in which an observed object differs from the desired one, both as JSON trees (maps,
 * lists, scalars). Only the fields the desired object sets are compared: what the API server or its
 * controllers add (status, defaults, uid, resourceVersion, annotations of their own) is not a
 * difference. A list is compared element by element and differs as a whole when its length does.
 * Pure.
 */
public final class ObjectDiff {
  private ObjectDiff() {}

  /** Dotted paths ({@code spec.template.spec.containers[0].image}), in the desired's order. */
  public static List<String> fields(Map<String, Object> desired, Map<String, Object> observed) {
    List<String> out = new ArrayList<>();
    compareMaps("", desired, observed, out);
    return out;
  }

  private static void compareMaps(
      String path, Map<?, ?> desired, Map<?, ?> observed, List<String> out) {
    for (Map.Entry<?, ?> entry : desired.entrySet()) {
      String key = String.valueOf(entry.getKey());
      if (path.isEmpty() && key.equals("status")) {
        continue;
      }
      compare(path.isEmpty() ? key : path + "." + key, entry.getValue(), observed.get(key), out);
    }
  }

  private static void compare(String path, Object desired, Object observed, List<String> out) {
    if (desired == null) {
      return; // not set: the server's to choose
    }
    if (desired instanceof Map<?, ?> map) {
      if (observed instanceof Map<?, ?> other) {
        compareMaps(path, map, other, out);
      } else if (!map.isEmpty() || observed != null) {
        out.add(path);
      }
      return;
    }
    if (desired instanceof List<?> list) {
      if (!(observed instanceof List<?> other) || other.size() != list.size()) {
        if (!(list.isEmpty() && observed == null)) {
          out.add(path);
        }
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        compare(path + "[" + i + "]", list.get(i), other.get(i), out);
      }
      return;
    }
    if (!scalarEquals(desired, observed)) {
      out.add(path);
    }
  }

  private static boolean scalarEquals(Object desired, Object observed) {
    if (desired instanceof Number a && observed instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return desired.equals(observed);
  }
}
