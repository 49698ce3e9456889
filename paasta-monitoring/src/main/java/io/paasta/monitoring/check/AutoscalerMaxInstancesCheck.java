package io.paasta.monitoring.check;

import io.paasta.model.InstanceRef;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * {@code check_autoscaler_max_instances.<svc>.<inst>} (SPEC section 11): WARNING when an autoscaled
 * instance runs {@code max_instances} and its utilization is still over the setpoint (it would
 * scale up but may not); OK otherwise, and while nothing was measured.
 */
public final class AutoscalerMaxInstancesCheck {
  private AutoscalerMaxInstancesCheck() {}

  /**
   * @param current the count the autoscaler keeps
   * @param utilization the last measured utilization, if any
   */
  public static CheckResult evaluate(
      InstanceRef ref, int current, int max, OptionalDouble utilization, double setpoint) {
    String name = CheckKind.AUTOSCALER_MAX.checkName(ref);
    String who = ref.serviceInstance().toString();
    if (utilization.isEmpty()) {
      return new CheckResult(
          name, CheckKind.AUTOSCALER_MAX, CheckStatus.OK, who + ": no utilization measured yet");
    }
    double u = utilization.getAsDouble();
    String load = percent(u) + " utilized, setpoint " + percent(setpoint);
    if (current >= max && u > setpoint) {
      return new CheckResult(
          name,
          CheckKind.AUTOSCALER_MAX,
          CheckStatus.WARNING,
          who
              + " is at max_instances ("
              + max
              + ") and still "
              + load
              + ": raise max_instances or lower the load");
    }
    return new CheckResult(
        name,
        CheckKind.AUTOSCALER_MAX,
        CheckStatus.OK,
        who + " runs " + current + " of at most " + max + " instances, " + load);
  }

  private static String percent(double value) {
    return String.format(Locale.ROOT, "%.0f%%", value * 100);
  }
}
