package io.paasta.server.autoscaling;

import io.paasta.model.DesiredState;
import io.paasta.model.LongRunningConfig;
import io.paasta.planning.app.DesiredInstanceFactory;
import io.paasta.planning.autoscaling.AutoscalingParams;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code autoscaling} part of an autoscaled instance's status: {@code {"metrics_provider",
 * "decision_policy", "setpoint", "min_instances", "max_instances", "utilization", "last_decision":
 * {"at", "outcome", "from", "to", "message"}, "paused_until", "params_error"}}.
 */
public final class AutoscalerStatusDocument {
  private AutoscalerStatusDocument() {}

  public static Optional<Map<String, Object>> of(
      LongRunningConfig config,
      Optional<AutoscalerStatus> last,
      Optional<Instant> pausedUntil,
      Instant now) {
    if (!config.autoscaled()) {
      return Optional.empty();
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    try {
      AutoscalingParams params = AutoscalingParams.from(config.autoscaling());
      doc.put("metrics_provider", params.provider().wireName());
      doc.put("decision_policy", params.policy().wireName());
      doc.put("setpoint", params.setpoint());
      doc.put("params_error", null);
    } catch (IllegalArgumentException e) {
      doc.put("metrics_provider", null);
      doc.put("decision_policy", null);
      doc.put("setpoint", null);
      doc.put("params_error", e.getMessage());
    }
    doc.put(
        "min_instances",
        DesiredInstanceFactory.desiredCount(config, DesiredState.START, OptionalInt.of(0)));
    doc.put(
        "max_instances",
        DesiredInstanceFactory.desiredCount(
            config, DesiredState.START, OptionalInt.of(Integer.MAX_VALUE)));
    doc.put(
        "utilization",
        last.filter(s -> s.utilization().isPresent())
            .map(s -> (Object) s.utilization().getAsDouble())
            .orElse(null));
    doc.put("last_decision", last.map(AutoscalerStatusDocument::decision).orElse(null));
    doc.put(
        "paused_until",
        pausedUntil.filter(t -> t.isAfter(now)).map(Instant::toString).orElse(null));
    return Optional.of(doc);
  }

  private static Map<String, Object> decision(AutoscalerStatus status) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("at", status.decidedAt().toString());
    doc.put("outcome", status.outcome());
    doc.put("from", status.current());
    doc.put("to", status.desired());
    doc.put("message", status.message());
    return doc;
  }
}
