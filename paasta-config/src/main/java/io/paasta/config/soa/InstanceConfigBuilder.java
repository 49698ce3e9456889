package io.paasta.config.soa;

import io.paasta.config.problem.Problems;
import io.paasta.model.AdhocConfig;
import io.paasta.model.BounceHealthParams;
import io.paasta.model.BounceMethod;
import io.paasta.model.ContainerConfig;
import io.paasta.model.DrainMethod;
import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.MonitoringConfig;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.ServiceInstance;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an instance dict into its complete domain record: merged over service.yaml, placeholders
 * filled, every default applied once. Type problems are collected, never thrown.
 */
public final class InstanceConfigBuilder {
  private final NamespaceLookup namespaces;

  public InstanceConfigBuilder(NamespaceLookup namespaces) {
    this.namespaces = namespaces;
  }

  /** The raw inputs of one instance. */
  public record Sources(
      InstanceRef ref,
      Map<?, ?> instanceDict,
      Map<?, ?> serviceYaml,
      Map<?, ?> monitoringYaml,
      FieldLocator locator) {}

  public InstanceConfig build(Sources sources, Problems problems) {
    InstanceRef ref = sources.ref();
    Map<String, Object> effective =
        ConfigMerge.deepMerge(sources.serviceYaml(), sources.instanceDict());
    FieldReader fields =
        new FieldReader(effective, ref.instance(), List.of(), sources.locator(), problems);
    String deployGroup = deployGroup(ref, fields);
    ContainerConfig container = ContainerConfigBuilder.build(fields);
    Map<?, ?> instanceMonitoring =
        sources.instanceDict().get("monitoring") instanceof Map<?, ?> m ? m : Map.of();
    MonitoringConfig monitoring =
        MonitoringResolver.resolveConfig(
            instanceMonitoring,
            sources.monitoringYaml(),
            sources.serviceYaml(),
            ref.instance() + ".monitoring",
            sources.locator(),
            problems);
    return switch (ref.kind()) {
      case MARATHON, KUBERNETES, EKS ->
          longRunning(ref, deployGroup, container, monitoring, effective, fields);
      case CHRONOS -> job(ref, deployGroup, container, monitoring, effective, fields);
      case ADHOC ->
          new AdhocConfig(
              ref,
              deployGroup,
              container,
              healthcheck(fields, smartStackHealthcheckDefault(registrations(ref, fields))),
              monitoring,
              effective);
    };
  }

  private LongRunningConfig longRunning(
      InstanceRef ref,
      String deployGroup,
      ContainerConfig container,
      MonitoringConfig monitoring,
      Map<String, Object> effective,
      FieldReader fields) {
    List<ServiceInstance> registrations = registrations(ref, fields);
    boolean inSmartStack = inSmartStack(registrations);
    FieldReader bounceHealth = fields.nested("bounce_health_params");
    Optional<Duration> minTaskUptime =
        bounceHealth.has("min_task_uptime")
            ? Optional.of(seconds(bounceHealth.number("min_task_uptime", 0)))
            : Optional.empty();
    return new LongRunningConfig(
        ref,
        deployGroup,
        container,
        nonNegative(
            fields, "instances", fields.integer("instances", LongRunningConfig.DEFAULT_INSTANCES)),
        fields.optionalInteger("min_instances"),
        fields.optionalInteger("max_instances"),
        fields.enumValue(
            "bounce_method", BounceMethod.class, LongRunningConfig.DEFAULT_BOUNCE_METHOD),
        fields.number("bounce_margin_factor", LongRunningConfig.DEFAULT_BOUNCE_MARGIN_FACTOR),
        new BounceHealthParams(bounceHealth.bool("check_haproxy", inSmartStack), minTaskUptime),
        fields.integer("bounce_priority", 0),
        fields.enumValue(
            "drain_method",
            DrainMethod.class,
            inSmartStack ? DrainMethod.HACHECK : DrainMethod.NOOP),
        fields.dict("drain_method_params"),
        healthcheck(fields, smartStackHealthcheckDefault(registrations)),
        registrations,
        fields.number("replication_threshold", LongRunningConfig.DEFAULT_REPLICATION_THRESHOLD),
        fields.stringTable("deploy_blacklist"),
        fields.locationList("deploy_whitelist"),
        fields.dict("autoscaling"),
        fields.optionalInteger("host_port"),
        fields.number("backoff_factor", LongRunningConfig.DEFAULT_BACKOFF_FACTOR),
        fields.number(
            "max_launch_delay_seconds", LongRunningConfig.DEFAULT_MAX_LAUNCH_DELAY_SECONDS),
        monitoring,
        effective);
  }

  private static JobConfig job(
      InstanceRef ref,
      String deployGroup,
      ContainerConfig container,
      MonitoringConfig monitoring,
      Map<String, Object> effective,
      FieldReader fields) {
    List<ServiceInstance> parents = new ArrayList<>();
    List<String> parentNames =
        fields.raw("parents") instanceof String single
            ? List.of(single)
            : fields.stringList("parents");
    for (String parent : parentNames) {
      ServiceInstance.parse(parent)
          .ifPresentOrElse(
              parents::add,
              () ->
                  fields.problem(
                      "parents", "is not a job name", parent, "service.instance of a chronos job"));
    }
    return new JobConfig(
        ref,
        deployGroup,
        container,
        fields.string("schedule"),
        fields.string("schedule_time_zone"),
        parents,
        isoDuration(fields, "epsilon", JobConfig.DEFAULT_EPSILON),
        nonNegative(fields, "retries", fields.integer("retries", JobConfig.DEFAULT_RETRIES)),
        fields.bool("disabled", false),
        monitoring,
        effective);
  }

  private static Healthcheck healthcheck(FieldReader fields, HealthcheckMode defaultMode) {
    return new Healthcheck(
        fields.enumValue("healthcheck_mode", HealthcheckMode.class, defaultMode),
        fields.string("healthcheck_uri", Healthcheck.DEFAULT_URI),
        fields.string("healthcheck_cmd"),
        fields.number("healthcheck_grace_period_seconds", Healthcheck.DEFAULT_GRACE_PERIOD_SECONDS),
        fields.number("healthcheck_interval_seconds", Healthcheck.DEFAULT_INTERVAL_SECONDS),
        fields.number("healthcheck_timeout_seconds", Healthcheck.DEFAULT_TIMEOUT_SECONDS),
        fields.integer(
            "healthcheck_max_consecutive_failures", Healthcheck.DEFAULT_MAX_CONSECUTIVE_FAILURES));
  }

  /**
   * {@code registrations}, else the legacy {@code nerve_ns}, else {@code [<service>.<instance>]}.
   */
  static List<ServiceInstance> registrations(InstanceRef ref, FieldReader fields) {
    if (fields.has("registrations")) {
      List<ServiceInstance> parsed = new ArrayList<>();
      for (String registration : fields.stringList("registrations")) {
        ServiceInstance.parse(registration)
            .ifPresentOrElse(
                parsed::add,
                () ->
                    fields.problem(
                        "registrations",
                        "is not a namespace name",
                        registration,
                        "service.namespace"));
      }
      return parsed;
    }
    Optional<String> nerveNs = fields.string("nerve_ns");
    return List.of(new ServiceInstance(ref.service(), nerveNs.orElse(ref.instance())));
  }

  private boolean inSmartStack(List<ServiceInstance> registrations) {
    return registrations.stream()
        .map(namespaces::find)
        .flatMap(Optional::stream)
        .anyMatch(NamespaceConfig::inSmartStack);
  }

  private HealthcheckMode smartStackHealthcheckDefault(List<ServiceInstance> registrations) {
    return inSmartStack(registrations) ? HealthcheckMode.HTTP : HealthcheckMode.NONE;
  }

  private static String deployGroup(InstanceRef ref, FieldReader fields) {
    Optional<String> template = fields.string("deploy_group");
    if (template.isEmpty()) {
      return InstanceConfig.defaultDeployGroup(ref);
    }
    DeployGroupTemplate.Result filled = DeployGroupTemplate.fill(template.get(), ref);
    if (filled instanceof DeployGroupTemplate.Invalid invalid) {
      fields.problem(
          "deploy_group",
          invalid.reason(),
          template.get(),
          "a deploy group, with only {cluster}, {instance} and {service} as placeholders");
      return InstanceConfig.defaultDeployGroup(ref);
    }
    return ((DeployGroupTemplate.Filled) filled).deployGroup();
  }

  private static Duration isoDuration(FieldReader fields, String key, Duration defaultValue) {
    Optional<String> text = fields.string(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      return Duration.parse(text.get());
    } catch (DateTimeParseException e) {
      fields.problem(
          key, "is not an ISO 8601 duration", text.get(), "a duration such as PT60S or PT30M");
      return defaultValue;
    }
  }

  private static Duration seconds(double seconds) {
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static int nonNegative(FieldReader fields, String key, int value) {
    if (value >= 0) {
      return value;
    }
    fields.problem(key, "must not be negative", value, "0 or more");
    return 0;
  }
}
