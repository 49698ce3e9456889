package io.paasta.monitoring.check;

import io.paasta.model.InstanceRef;
import java.time.Duration;

/**
 * The checks the daemon runs, with their names in PaaSTA's style ({@code <prefix>.<svc>.<inst>})
 * and the alert defaults each used when monitoring.yaml does not set {@code alert_after}.
 */
public enum CheckKind {
  /** Enough tasks (or SmartStack backends) are up: SPEC section 8. */
  REPLICATION(
      "check_marathon_services_replication",
      "check_kubernetes_services_replication",
      Duration.ofMinutes(2)),
  /** The deploy itself: a bounce that does not converge, or a deploy error. */
  DEPLOY("setup_marathon_job", "setup_kubernetes_job", Duration.ofMinutes(10)),
  /** Tasks keep exiting. */
  CRASH_LOOP("check_crash_loop", "check_crash_loop", Duration.ZERO),
  /** The kernel's OOM killer killed tasks (PaaSTA's check_oom_events). */
  OOM("oom-killer", "oom-killer", Duration.ZERO),
  /** Running tasks fail their health check. */
  HEALTHCHECK("check_task_healthchecks", "check_task_healthchecks", Duration.ofMinutes(5)),
  /** An autoscaled instance is at max_instances and still over its setpoint: SPEC section 11. */
  AUTOSCALER_MAX("check_autoscaler_max_instances", "check_autoscaler_max_instances", Duration.ZERO),
  /** A scheduled job is stuck or its last run failed: SPEC section 6. */
  JOB("check_chronos_jobs", "check_chronos_jobs", Duration.ofMinutes(15)),
  /** A scheduled job can be set up: an image is deployed for it (SPEC section 6). */
  JOB_SETUP("setup_chronos_job", "setup_chronos_job", Duration.ofMinutes(10));

  /** How often a check runs unless {@code check_every} says otherwise. */
  public static final Duration DEFAULT_CHECK_EVERY = Duration.ofMinutes(1);

  private final String marathonPrefix;
  private final String kubernetesPrefix;
  private final Duration defaultAlertAfter;

  CheckKind(String marathonPrefix, String kubernetesPrefix, Duration defaultAlertAfter) {
    this.marathonPrefix = marathonPrefix;
    this.kubernetesPrefix = kubernetesPrefix;
    this.defaultAlertAfter = defaultAlertAfter;
  }

  /** {@code <prefix>.<service>.<instance>}; the prefix follows the instance's file kind. */
  public String checkName(InstanceRef ref) {
    String prefix = ref.kind().isKubernetes() ? kubernetesPrefix : marathonPrefix;
    return prefix + "." + ref.service() + "." + ref.instance();
  }

  /** The {@code alert_after} used when the monitoring config sets none. */
  public Duration defaultAlertAfter() {
    return defaultAlertAfter;
  }

  /** The lower-case name used as a metric tag, e.g. {@code crash_loop}. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
