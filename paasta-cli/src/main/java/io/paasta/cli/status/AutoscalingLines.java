package io.paasta.cli.status;

import io.paasta.cli.api.AutoscalingStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * {@code paasta status -v} of an autoscaled instance: {@code Autoscaling: cpu, proportional,
 * setpoint 80%, utilization 93% (1..4 instances)}, the last decision and when, the pause.
 */
final class AutoscalingLines {
  private AutoscalingLines() {}

  static List<String> of(AutoscalingStatus a) {
    List<String> lines = new ArrayList<>();
    if (a.paramsError().isPresent()) {
      lines.add("Autoscaling: not deciding - " + a.paramsError().get());
      return lines;
    }
    lines.add(
        "Autoscaling: "
            + a.provider().orElse("?")
            + ", "
            + a.policy().orElse("?")
            + ", setpoint "
            + percent(a.setpoint())
            + ", utilization "
            + percent(a.utilization())
            + " ("
            + a.min()
            + ".."
            + a.max()
            + " instances)");
    lines.add(
        "  Last decision: "
            + a.lastDecision().map(m -> m + " at " + a.decidedAt().orElse("?")).orElse("none yet"));
    a.pausedUntil().ifPresent(until -> lines.add("  Autoscaler paused until " + until));
    return lines;
  }

  private static String percent(OptionalDouble value) {
    return value.isPresent()
        ? String.format(Locale.ROOT, "%.0f%%", value.getAsDouble() * 100)
        : "unknown";
  }
}
