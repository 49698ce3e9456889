package io.paasta.planning.app;

/** The labels by which the platform finds and identifies its tasks (containers). */
public final class Labels {
  /** Present (value "true") on every container the platform manages. */
  public static final String MANAGED = "paasta_managed";

  /**
   * Present (value "true") on a {@code paasta local-run} container instead of {@link #MANAGED}: no
   * daemon observes, adopts or kills it, but its ports are held.
   */
  public static final String LOCAL_RUN = "paasta_local_run";

  public static final String SERVICE = "paasta_service";
  public static final String INSTANCE = "paasta_instance";
  public static final String CLUSTER = "paasta_cluster";
  public static final String APP_ID = "paasta_app_id";
  public static final String GIT_SHA = "paasta_git_sha";
  public static final String CONFIG_HASH = "paasta_config_hash";
  public static final String DEPLOY_GROUP = "paasta_deploy_group";

  /** The instance file kind ({@code marathon}, {@code kubernetes}). */
  public static final String KIND = "paasta_kind";

  /**
   * The health check, as JSON {@code {"mode","uri","cmd","grace_period_seconds",
   * "interval_seconds","timeout_seconds","max_consecutive_failures"}}: the checker reads it from
   * the task, so checks go on across daemon restarts. Written and read by {@link HealthcheckLabel}.
   */
  public static final String HEALTHCHECK = "paasta_healthcheck";

  /** The drain method ({@code noop}, {@code hacheck}, {@code http}, {@code test}). */
  public static final String DRAIN_METHOD = "paasta_drain_method";

  /**
   * The drain method's parameters (drain_method_params) as {@link CanonicalJson}: an object, keys
   * sorted, no whitespace; {@code {}} when there are none. {@link JsonReader#parseObject} reads it.
   */
  public static final String DRAIN_PARAMS = "paasta_drain_params";

  /** The host port the task listens on ({@code PORT0}); ports survive a daemon restart here. */
  public static final String PORT0 = "paasta_port0";

  private Labels() {}
}
