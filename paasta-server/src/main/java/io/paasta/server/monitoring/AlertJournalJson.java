package io.paasta.server.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.monitoring.alert.AlertState;
import io.paasta.monitoring.check.CheckStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The document of {@link FileAlertJournal}, pure: one entry per kept check.
 *
 * <pre>
 * {"checks": [{"service": "web", "cluster": "norcal", "instance": "main", "kind": "MARATHON",
 *              "check": "check_marathon_services_replication.web.main", "status": "CRITICAL",
 *              "output": "...", "status_since": "2026-11-25T12:00:00Z", ...}]}
 * </pre>
 */
final class AlertJournalJson {
  private AlertJournalJson() {}

  static ObjectNode write(Map<InstanceRef, Map<String, AlertState>> states) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode checks = root.putArray("checks");
    states.forEach(
        (ref, byCheck) -> byCheck.forEach((check, state) -> checks.add(entry(ref, check, state))));
    return root;
  }

  /**
   * @throws IllegalArgumentException when the document is not this journal's (a field missing or of
   *     the wrong type), naming the entry and the field
   */
  static Map<InstanceRef, Map<String, AlertState>> read(JsonNode root) {
    JsonNode checks = root.path("checks");
    if (!checks.isArray()) {
      throw new IllegalArgumentException("no \"checks\" array");
    }
    Map<InstanceRef, Map<String, AlertState>> states = new HashMap<>();
    for (int i = 0; i < checks.size(); i++) {
      Entry entry = new Entry(checks.get(i), i);
      InstanceRef ref =
          new InstanceRef(
              entry.text("service"),
              entry.text("cluster"),
              entry.text("instance"),
              InstanceKind.valueOf(entry.text("kind")));
      states.computeIfAbsent(ref, k -> new HashMap<>()).put(entry.text("check"), entry.state());
    }
    return states;
  }

  private static ObjectNode entry(InstanceRef ref, String check, AlertState state) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("service", ref.service())
        .put("cluster", ref.cluster())
        .put("instance", ref.instance())
        .put("kind", ref.kind().name())
        .put("check", check)
        .put("status", state.status().name())
        .put("output", state.output())
        .put("status_since", state.statusSince().toString())
        .put("last_evaluated", state.lastEvaluated().toString())
        .put("failing_since", state.failingSince().map(Instant::toString).orElse(null))
        .put("attempts", state.attempts())
        .put("alerted", state.alerted())
        .put("counted_at", state.countedAt().toString())
        .put("counted_status", state.countedStatus().name())
        .put("last_sent", state.lastSent().map(Instant::toString).orElse(null));
    return node;
  }

  /** One entry being read: each getter names the entry and field it finds wrong. */
  private record Entry(JsonNode node, int index) {
    AlertState state() {
      return new AlertState(
          CheckStatus.valueOf(text("status")),
          text("output"),
          instant("status_since"),
          instant("last_evaluated"),
          optionalInstant("failing_since"),
          field("attempts", JsonNode::canConvertToInt).intValue(),
          field("alerted", JsonNode::isBoolean).booleanValue(),
          instant("counted_at"),
          CheckStatus.valueOf(text("counted_status")),
          optionalInstant("last_sent"));
    }

    String text(String name) {
      return field(name, JsonNode::isTextual).textValue();
    }

    Instant instant(String name) {
      return Instant.parse(text(name));
    }

    Optional<Instant> optionalInstant(String name) {
      return node.path(name).isNull() ? Optional.empty() : Optional.of(instant(name));
    }

    private JsonNode field(String name, java.util.function.Predicate<JsonNode> valid) {
      JsonNode value = node.path(name);
      if (!valid.test(value)) {
        throw new IllegalArgumentException(
            "checks[" + index + "]." + name + ": unexpected value " + value);
      }
      return value;
    }
  }
}
