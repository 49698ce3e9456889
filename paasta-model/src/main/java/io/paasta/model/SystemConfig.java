package io.paasta.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The merged system config ({@code /etc/paasta/*.json}). Unknown keys are kept in {@link #raw} so
 * later features and site extensions can read them.
 */
public record SystemConfig(
    String cluster,
    String dockerRegistry,
    Optional<String> zookeeper,
    List<Volume> volumes,
    Map<String, String> apiEndpoints,
    Map<String, Object> dashboardLinks,
    String sensuHost,
    int sensuPort,
    String synapseHost,
    int synapsePort,
    Optional<String> defaultLocalRunCluster,
    Map<String, Object> raw) {

  public static final String DEFAULT_DIR = "/etc/paasta";
  public static final String DIR_ENV = "PAASTA_SYSTEM_CONFIG_DIR";
  public static final String DEFAULT_SENSU_HOST = "localhost";
  public static final int DEFAULT_SENSU_PORT = 3030;
  public static final String DEFAULT_SYNAPSE_HOST = "localhost";
  public static final int DEFAULT_SYNAPSE_PORT = 3212;

  public SystemConfig {
    volumes = List.copyOf(volumes);
    apiEndpoints = Map.copyOf(apiEndpoints);
    dashboardLinks = Immutables.deepCopy(dashboardLinks);
    raw = Immutables.deepCopy(raw);
  }
}
