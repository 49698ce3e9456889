package io.paasta.cli.commands;

import io.paasta.cli.api.ApiEndpoints;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.model.SystemConfig;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How commands reach the clusters' PaaSTA APIs: {@code --system-config-dir} (whose {@code
 * api_endpoints} names each cluster's API) and {@code --api-timeout}.
 */
public final class ApiOptions {
  @Option(
      names = "--system-config-dir",
      paramLabel = "DIR",
      description =
          "The system config, whose api_endpoints name each cluster's API"
              + " (default: $PAASTA_SYSTEM_CONFIG_DIR, else /etc/paasta).")
  Path systemConfigDir;

  @Option(
      names = "--api-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "How long a cluster's API may take to answer (default: ${DEFAULT-VALUE}).")
  double apiTimeoutSeconds;

  private ApiEndpoints endpoints;

  public Path systemConfigDir() {
    return systemConfigDir != null ? systemConfigDir : SystemConfigLoader.defaultDir();
  }

  /** The API endpoints of the system config, read once; a ConfigException when it is not usable. */
  public synchronized ApiEndpoints endpoints() {
    if (endpoints == null) {
      endpoints = endpoints(systemConfigDir(), timeout());
    }
    return endpoints;
  }

  /**
   * The API endpoints of the system config in {@code dir}; a ConfigException when it is not usable.
   */
  public static ApiEndpoints endpoints(Path dir, Duration timeout) {
    SystemConfig system = SystemConfigLoader.loadUsable(dir);
    return new ApiEndpoints(system.apiEndpoints(), dir.toString(), timeout);
  }

  public Duration timeout() {
    return timeout(apiTimeoutSeconds);
  }

  /** The timeout of {@code --api-timeout SECONDS}: whole milliseconds, at least one. */
  public static Duration timeout(double seconds) {
    return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
  }
}
