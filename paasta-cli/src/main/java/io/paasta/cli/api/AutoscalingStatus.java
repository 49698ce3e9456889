package io.paasta.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The autoscaler's part of an autoscaled instance's status: provider, policy, setpoint, the last
 * measured utilization, the last decision and when, the pause.
 */
public record AutoscalingStatus(
    Optional<String> provider,
    Optional<String> policy,
    OptionalDouble setpoint,
    OptionalDouble utilization,
    int min,
    int max,
    Optional<String> lastDecision,
    Optional<String> decidedAt,
    Optional<String> pausedUntil,
    Optional<String> paramsError) {

  static AutoscalingStatus from(JsonNode json) {
    JsonNode last = json.path("last_decision");
    return new AutoscalingStatus(
        JsonFields.text(json, "metrics_provider"),
        JsonFields.text(json, "decision_policy"),
        number(json.path("setpoint")),
        number(json.path("utilization")),
        JsonFields.integer(json, "min_instances", 0),
        JsonFields.integer(json, "max_instances", 0),
        JsonFields.text(last, "message"),
        JsonFields.text(last, "at"),
        JsonFields.text(json, "paused_until"),
        JsonFields.text(json, "params_error"));
  }

  private static OptionalDouble number(JsonNode node) {
    return node.isNumber() ? OptionalDouble.of(node.asDouble()) : OptionalDouble.empty();
  }
}
