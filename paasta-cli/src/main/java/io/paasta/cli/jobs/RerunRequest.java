package io.paasta.cli.jobs;

import io.paasta.cli.UserException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code paasta rerun} asks for: the execution date (as the user wrote it, {@code
 * YYYY-MM-DDTHH:MM:SS} in the job's time zone), the rerun policy and whether a disabled job may
 * run.
 */
public record RerunRequest(
    Optional<LocalDateTime> executionDate, Optional<RerunType> rerunType, boolean forceDisabled) {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  /**
   * An {@code --execution_date} value, or a {@link UserException} saying what is expected.
   *
   * @param text the option's value; null when the option was not given
   */
  public static Optional<LocalDateTime> parseDate(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(text.strip(), DATE));
    } catch (DateTimeParseException e) {
      throw new UserException(
          "--execution_date '"
              + text
              + "' is not a date and time - expected YYYY-MM-DDTHH:MM:SS, e.g."
              + " 2026-01-01T00:00:00");
    }
  }

  /** The execution date as the API takes it: {@code YYYY-MM-DDTHH:MM:SS}. */
  public Optional<String> dateText() {
    return executionDate.map(DATE::format);
  }

  /** The body of {@code POST /v1/services/{s}/{i}/runs}. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("execution_date", dateText().orElse(null));
    body.put("rerun_type", rerunType.map(RerunType::wire).orElse(null));
    body.put("force_disabled", forceDisabled);
    return body;
  }
}
