package io.paasta.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code pass_backoff} of an instance's app section: the daemon's passes over the instance have
 * been failing, and the next one acts after a backoff.
 *
 * @param failures failed passes in a row
 * @param nextTryAt when the next pass acts (the daemon's clock)
 * @param nextTryInSeconds how long that was from the answer (0 when due)
 */
public record PassBackoff(
    int failures, String lastError, Optional<Instant> nextTryAt, int nextTryInSeconds) {

  static Optional<PassBackoff> from(JsonNode app) {
    return JsonFields.object(app, "pass_backoff")
        .map(
            json ->
                new PassBackoff(
                    JsonFields.integer(json, "failures", 1),
                    JsonFields.text(json, "last_error", ""),
                    JsonFields.instant(json, "next_try_at"),
                    JsonFields.integer(json, "next_try_in_seconds", 0)));
  }
}
