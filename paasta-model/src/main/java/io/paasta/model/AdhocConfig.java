package io.paasta.model;

import java.util.Map;

/**
 * A one-off or interactive run ({@code adhoc-<cluster>.yaml}), used by local-run and remote-run.
 */
public record AdhocConfig(
    InstanceRef ref,
    String deployGroup,
    ContainerConfig container,
    Healthcheck healthcheck,
    MonitoringConfig monitoring,
    Map<String, Object> effective)
    implements InstanceConfig {

  public AdhocConfig {
    effective = Immutables.deepCopy(effective);
  }
}
