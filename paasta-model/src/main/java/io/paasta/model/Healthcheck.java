package io.paasta.model;

import java.util.Optional;

/** How and how often the platform checks a task's health. */
public record Healthcheck(
    HealthcheckMode mode,
    String uri,
    Optional<String> cmd,
    double gracePeriodSeconds,
    double intervalSeconds,
    double timeoutSeconds,
    int maxConsecutiveFailures) {

  public static final String DEFAULT_URI = "/status";
  public static final double DEFAULT_GRACE_PERIOD_SECONDS = 60;
  public static final double DEFAULT_INTERVAL_SECONDS = 10;
  public static final double DEFAULT_TIMEOUT_SECONDS = 10;

  /**
   * PaaSTA's code used 30 (its docs said 6); we follow the code, which is what running services
   * were tuned against.
   */
  public static final int DEFAULT_MAX_CONSECUTIVE_FAILURES = 30;

  /** No health check (a task without one, a job's run), the other fields at their defaults. */
  public static final Healthcheck NONE =
      new Healthcheck(
          HealthcheckMode.NONE,
          DEFAULT_URI,
          Optional.empty(),
          DEFAULT_GRACE_PERIOD_SECONDS,
          DEFAULT_INTERVAL_SECONDS,
          DEFAULT_TIMEOUT_SECONDS,
          DEFAULT_MAX_CONSECUTIVE_FAILURES);

  public boolean enabled() {
    return mode != HealthcheckMode.NONE;
  }
}
