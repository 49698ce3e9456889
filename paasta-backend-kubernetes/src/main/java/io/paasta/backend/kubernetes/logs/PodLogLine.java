package io.paasta.backend.kubernetes.logs;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One line of a container's log as the API server sends it with {@code timestamps=true}: the
 * kubelet's RFC 3339 time, a space, the text.
 */
record PodLogLine(Instant at, String text) {
  /** The line parsed; empty when it does not start with a time (it is then dropped). */
  static Optional<PodLogLine> parse(String line) {
    int space = line.indexOf(' ');
    String time = space < 0 ? line : line.substring(0, space);
    try {
      Instant at = Instant.parse(time);
      return Optional.of(new PodLogLine(at, space < 0 ? "" : line.substring(space + 1)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
