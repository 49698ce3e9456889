package io.paasta.deploy.git;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Tag timestamps: UTC {@code YYYYMMDDTHHMMSS} (SPEC section 2). */
public final class TagTimestamp {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private TagTimestamp() {}

  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  public static String now(Clock clock) {
    return format(clock.instant());
  }

  public static Optional<Instant> parse(String timestamp) {
    try {
      return Optional.of(Instant.from(FORMAT.parse(timestamp)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
