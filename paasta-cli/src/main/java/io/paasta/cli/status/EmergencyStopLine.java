package io.paasta.cli.status;

import static io.paasta.cli.output.Markup.plain;
import static io.paasta.cli.output.Markup.style;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The line of {@code paasta status} that says an emergency stop is in force (the status document's
 * {@code emergency_stop}): who stopped it, when, and what lifts it. Pure.
 */
final class EmergencyStopLine {
  private EmergencyStopLine() {}

  static Optional<String> of(Optional<JsonNode> status) {
    return status
        .map(json -> json.get("emergency_stop"))
        .filter(stop -> stop != null && stop.isObject())
        .map(
            stop ->
                style("red", "Emergency stop in force")
                    + plain(
                        " since "
                            + stop.path("stopped_at").asText("?")
                            + " by "
                            + stop.path("stopped_by").asText("?")
                            + stop.path("lifted_by")
                                .asText("")
                                .transform(l -> l.isEmpty() ? "" : " - lifted by " + l)));
  }
}
