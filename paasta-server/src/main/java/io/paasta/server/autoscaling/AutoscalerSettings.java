package io.paasta.server.autoscaling;

import io.paasta.model.SystemConfig;
import java.time.Duration;
import java.util.function.Consumer;

/** The autoscaler's settings from the system config. */
public final class AutoscalerSettings {
  /** Seconds between two decisions about each instance (PaaSTA: once a minute). */
  public static final String INTERVAL_KEY = "autoscaling_interval";

  private AutoscalerSettings() {}

  /**
   * The system config's {@code autoscaling_interval} (seconds, at least 0.1), else 60 s; a wrong
   * value is told to {@code warnings} and the default is used.
   */
  public static Duration interval(SystemConfig system, Consumer<String> warnings) {
    Object value = system.raw().get(INTERVAL_KEY);
    if (value == null) {
      return AutoscalerLoop.DEFAULT_INTERVAL;
    }
    if (value instanceof Number n && n.doubleValue() >= 0.1 && n.doubleValue() <= 86_400) {
      return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
    }
    warnings.accept(
        "system config "
            + INTERVAL_KEY
            + ": "
            + value
            + " is not a number of seconds in 0.1..86400 - deciding every "
            + AutoscalerLoop.DEFAULT_INTERVAL.toSeconds()
            + " s");
    return AutoscalerLoop.DEFAULT_INTERVAL;
  }
}
