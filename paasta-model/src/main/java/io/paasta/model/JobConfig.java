package io.paasta.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scheduled batch job ({@code chronos-<cluster>.yaml}); it has a {@link #schedule} or {@link
 * #parents}, never both.
 */
public record JobConfig(
    InstanceRef ref,
    String deployGroup,
    ContainerConfig container,
    Optional<String> schedule,
    Optional<String> scheduleTimeZone,
    List<ServiceInstance> parents,
    Duration epsilon,
    int retries,
    boolean disabled,
    MonitoringConfig monitoring,
    Map<String, Object> effective)
    implements InstanceConfig {

  public static final Duration DEFAULT_EPSILON = Duration.ofSeconds(60);
  public static final int DEFAULT_RETRIES = 2;

  /** The only bounce method of a job: running runs finish. */
  public static final String BOUNCE_METHOD = "graceful";

  /** A job is named {@code "<service> <instance>"}. */
  public String jobName() {
    return ref.service() + " " + ref.instance();
  }

  public JobConfig {
    parents = List.copyOf(parents);
    effective = Immutables.deepCopy(effective);
  }
}
