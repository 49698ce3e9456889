package io.paasta.cli.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.cli.api.InstanceTarget;
import java.util.ArrayList;
import java.util.List;

/** The status lines of an adhoc instance: its remote-runs on the cluster. */
final class AdhocStatusLines {
  private AdhocStatusLines() {}

  static List<String> of(InstanceTarget target, JsonNode adhoc) {
    List<String> lines = new ArrayList<>();
    if (!adhoc.path("supported").asBoolean(true)) {
      lines.add("Adhoc: remote-run is not supported on this cluster's backend");
      return lines;
    }
    JsonNode runs = adhoc.path("runs");
    lines.add(
        "Adhoc: "
            + runs.size()
            + " remote-run(s) - start one with: paasta remote-run start -s "
            + target.service()
            + " -i "
            + target.instance()
            + " -c "
            + target.cluster());
    for (JsonNode run : runs) {
      String state =
          run.path("state").asText().equals("running")
              ? "running until " + run.path("deadline").asText()
              : run.path("stop_reason").isTextual()
                  ? run.path("stop_reason").asText()
                  : "exited with code " + run.path("exit_code").asText();
      lines.add(
          "  "
              + run.path("run_id").asText()
              + ": "
              + state
              + " - started "
              + run.path("started_at").asText()
              + " by "
              + run.path("by").asText()
              + ": "
              + run.path("command").asText());
    }
    return lines;
  }
}
