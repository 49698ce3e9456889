package io.paasta.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A long-running instance ({@code marathon-<cluster>.yaml} or {@code kubernetes-<cluster>.yaml}).
 */
public record LongRunningConfig(
    InstanceRef ref,
    String deployGroup,
    ContainerConfig container,
    int instances,
    OptionalInt minInstances,
    OptionalInt maxInstances,
    BounceMethod bounceMethod,
    double bounceMarginFactor,
    BounceHealthParams bounceHealthParams,
    int bouncePriority,
    DrainMethod drainMethod,
    Map<String, Object> drainMethodParams,
    Healthcheck healthcheck,
    List<ServiceInstance> registrations,
    double replicationThreshold,
    List<List<String>> deployBlacklist,
    List<List<String>> deployWhitelist,
    Map<String, Object> autoscaling,
    OptionalInt hostPort,
    double backoffFactor,
    double maxLaunchDelaySeconds,
    MonitoringConfig monitoring,
    Map<String, Object> effective)
    implements InstanceConfig {

  public static final int DEFAULT_INSTANCES = 1;
  public static final BounceMethod DEFAULT_BOUNCE_METHOD = BounceMethod.CROSSOVER;
  public static final double DEFAULT_BOUNCE_MARGIN_FACTOR = 1.0;
  public static final double DEFAULT_REPLICATION_THRESHOLD = 50;
  public static final double DEFAULT_BACKOFF_FACTOR = 2;
  public static final double DEFAULT_MAX_LAUNCH_DELAY_SECONDS = 300;

  public LongRunningConfig {
    drainMethodParams = Immutables.deepCopy(drainMethodParams);
    registrations = List.copyOf(registrations);
    deployBlacklist = deployBlacklist.stream().map(List::copyOf).toList();
    deployWhitelist = deployWhitelist.stream().map(List::copyOf).toList();
    autoscaling = Immutables.deepCopy(autoscaling);
    effective = Immutables.deepCopy(effective);
  }

  /** Either {@code min_instances} or {@code max_instances} makes the instance autoscaled. */
  public boolean autoscaled() {
    return minInstances.isPresent() || maxInstances.isPresent();
  }

  /** The command as PaaSTA ran it, if any. */
  public Optional<String> cmd() {
    return container.cmd();
  }
}
