package io.paasta.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Enums written in soa-configs as their lowercase names ({@code crossover}, {@code hacheck}). */
public final class WireEnum {
  private WireEnum() {}

  public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
    if (wire == null) {
      return Optional.empty();
    }
    for (E value : type.getEnumConstants()) {
      if (wireName(value).equals(wire)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  public static String wireName(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /** {@code a, b, c}, for error messages. */
  public static <E extends Enum<E>> String choices(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(WireEnum::wireName)
        .collect(Collectors.joining(", "));
  }
}
