package io.paasta.config.validate;

import java.util.Map;

/**
 * Bounds of a cluster that an instance's run config must keep, from the system config: enforced
 * alike by {@code paasta validate} and by the daemon.
 *
 * @param maxInstancesPerInstance the most tasks one instance may ask for ({@code instances}, {@code
 *     min_instances}, {@code max_instances})
 */
public record RunLimits(int maxInstancesPerInstance) {
  /** The system config key of {@link #maxInstancesPerInstance}. */
  public static final String MAX_INSTANCES_KEY = "max_instances_per_instance";

  public static final int DEFAULT_MAX_INSTANCES = 1000;

  public RunLimits {
    if (maxInstancesPerInstance < 1) {
      throw new IllegalArgumentException(MAX_INSTANCES_KEY + " must be >= 1");
    }
  }

  public static RunLimits defaults() {
    return new RunLimits(DEFAULT_MAX_INSTANCES);
  }

  /**
   * From the merged system config; the default for a missing key (a value of the wrong type is
   * refused by the system config's schema, and reads as the default here).
   */
  public static RunLimits of(Map<String, Object> systemConfig) {
    return systemConfig.get(MAX_INSTANCES_KEY) instanceof Integer max && max >= 1
        ? new RunLimits(max)
        : defaults();
  }
}
