package io.paasta.planning.app;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A tiny canonical JSON writer, the input of the config hash: object keys sorted (by {@link
 * String#compareTo}), no whitespace, strings escaped per RFC 8259 (quote, backslash and control
 * characters; everything else as is), numbers as Java prints them except that integral doubles are
 * written without {@code .0} ({@code 1024.0} → {@code 1024}, {@code 0.25} → {@code 0.25}).
 *
 * <p>Accepts {@code null}, {@link String}, {@link Boolean}, {@link Number}, {@link Enum} (written
 * as its lowercase name, the soa-configs form), {@link Optional} (empty is {@code null}), {@link
 * Map} (keys written with {@link String#valueOf}) and {@link Collection}. Anything else, and
 * non-finite numbers, is an {@link IllegalArgumentException}.
 */
public final class CanonicalJson {
  /** Doubles with a larger magnitude keep Java's exponent form ({@code 1.0E16}). */
  private static final double LARGEST_PLAIN_INTEGRAL = 1e15;

  private CanonicalJson() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(text, out);
    } else if (value instanceof Boolean bool) {
      out.append(bool);
    } else if (value instanceof Number number) {
      out.append(number(number));
    } else if (value instanceof Enum<?> constant) {
      string(constant.name().toLowerCase(java.util.Locale.ROOT), out);
    } else if (value instanceof Optional<?> optional) {
      write(optional.orElse(null), out);
    } else if (value instanceof Map<?, ?> map) {
      object(map, out);
    } else if (value instanceof Collection<?> list) {
      array(list, out);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private static void object(Map<?, ?> map, StringBuilder out) {
    Map<String, Object> sorted = new TreeMap<>();
    map.forEach((key, value) -> sorted.put(String.valueOf(key), value));
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> entry : sorted.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(entry.getKey(), out);
      out.append(':');
      write(entry.getValue(), out);
    }
    out.append('}');
  }

  private static void array(Collection<?> list, StringBuilder out) {
    out.append('[');
    boolean first = true;
    for (Object item : list) {
      if (!first) {
        out.append(',');
      }
      first = false;
      write(item, out);
    }
    out.append(']');
  }

  /** A number as this writer prints it; also used for env values such as {@code 0.25}. */
  public static String number(Number number) {
    if (number instanceof Double || number instanceof Float) {
      double value = number.doubleValue();
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("not a JSON number: " + value);
      }
      if (value == Math.rint(value) && Math.abs(value) < LARGEST_PLAIN_INTEGRAL) {
        return Long.toString((long) value);
      }
      return number.toString();
    }
    if (number instanceof BigDecimal decimal) {
      return decimal.toString();
    }
    if (number instanceof BigInteger
        || number instanceof Long
        || number instanceof Integer
        || number instanceof Short
        || number instanceof Byte) {
      return number.toString();
    }
    return number(number.doubleValue());
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
