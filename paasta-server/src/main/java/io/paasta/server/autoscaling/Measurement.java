package io.paasta.server.autoscaling;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An instance's utilization as measured: the mean over the healthy tasks that answered, or why
 * there is none.
 *
 * @param healthy how many tasks are healthy (whether they answered or not)
 * @param warnings what the log should say about tasks left out (garbage, out of range)
 */
public record Measurement(
    OptionalDouble utilization, int healthy, Optional<String> none, List<String> warnings) {
  public Measurement {
    warnings = List.copyOf(warnings);
  }

  static Measurement of(List<Double> values, int healthy, List<String> warnings, String ifNone) {
    if (values.isEmpty()) {
      return new Measurement(OptionalDouble.empty(), healthy, Optional.of(ifNone), warnings);
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    return new Measurement(OptionalDouble.of(mean), healthy, Optional.empty(), warnings);
  }
}
