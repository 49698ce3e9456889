package io.paasta.discovery.location;

import java.util.Objects;

/**
 * A location as SmartStack writes it: a type ({@code habitat}, {@code region}, {@code superregion},
 * {@code ecosystem}, ...) and a value, written {@code <type>:<value>} (e.g. {@code region:local}).
 * It is the first path element under {@code /nerve/}.
 */
public record Location(String type, String value) {
  public Location {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (!validPart(type) || !validPart(value)) {
      throw new LocationException(
          "a location needs a type and a value without ':' or '/', not '"
              + type
              + ":"
              + value
              + "'");
    }
  }

  /**
   * Parses {@code <type>:<value>}.
   *
   * @param where what holds the text, for the error message (e.g. {@code smartstack.yaml svc.main
   *     extra_advertise})
   */
  public static Location parse(String text, String where) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
      throw new LocationException(
          where
              + ": '"
              + text
              + "' is not a location; expected '<type>:<value>', e.g. 'region:uswest1-prod'");
    }
    String type = text.substring(0, colon);
    String value = text.substring(colon + 1);
    if (!validPart(type) || !validPart(value)) {
      throw new LocationException(
          where + ": '" + text + "' is not a location; its type and value may not contain '/'");
    }
    return new Location(type, value);
  }

  private static boolean validPart(String part) {
    return !part.isBlank() && part.indexOf('/') < 0 && part.indexOf(':') < 0;
  }

  /** {@code <type>:<value>}. */
  @Override
  public String toString() {
    return type + ":" + value;
  }
}
