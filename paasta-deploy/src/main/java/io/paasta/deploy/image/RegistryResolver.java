package io.paasta.deploy.image;

import io.paasta.config.system.SystemConfigLoader;
import io.paasta.config.yaml.ConfigFileReader;
import io.paasta.deploy.DeployException;
import io.paasta.model.ServiceConfig;
import io.paasta.model.SystemConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Docker registry of a service: {@code docker_registry} of its service.yaml, else the system
 * config's {@code docker_registry} (read only when service.yaml has none).
 */
public final class RegistryResolver {
  /** {@code host[:port]}: a DNS name or IPv4 address, or an IPv6 address in brackets. */
  private static final Pattern REGISTRY =
      Pattern.compile(
          "^([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?$");

  private final SystemConfigLoader systemConfig;
  private final Path systemDir;

  public RegistryResolver(SystemConfigLoader systemConfig, Path systemDir) {
    this.systemConfig = systemConfig;
    this.systemDir = systemDir;
  }

  /** Reads the system config from $PAASTA_SYSTEM_CONFIG_DIR, else /etc/paasta. */
  public static RegistryResolver fromEnvironment() {
    return new RegistryResolver(
        new SystemConfigLoader(new ConfigFileReader()), SystemConfigLoader.defaultDir());
  }

  /**
   * The registry images of {@code service} are pushed to and pulled from.
   *
   * @throws DeployException when neither service.yaml nor the system config names one
   */
  public String registryOf(ServiceConfig service) {
    Optional<String> fromService = service.dockerRegistry().filter(r -> !r.isBlank());
    Optional<String> fromSystem =
        fromService.isPresent() ? Optional.empty() : fromSystem(systemConfig.load(systemDir));
    return choose(service.name(), fromService, fromSystem, systemDir);
  }

  /**
   * docker_registry of a system config, also when the config is incomplete in other ways (a machine
   * that only builds images needs no cluster).
   */
  static Optional<String> fromSystem(SystemConfigLoader.Loaded system) {
    return system
        .config()
        .map(SystemConfig::dockerRegistry)
        .or(
            () ->
                system.merged().get("docker_registry") instanceof String s
                    ? Optional.of(s)
                    : Optional.empty());
  }

  static String choose(
      String service, Optional<String> fromService, Optional<String> fromSystem, Path systemDir) {
    Optional<String> registry =
        fromService.filter(r -> !r.isBlank()).or(() -> fromSystem.filter(r -> !r.isBlank()));
    if (registry.isEmpty()) {
      throw new DeployException(
          "no Docker registry for "
              + service
              + ": set docker_registry (e.g. \"127.0.0.1:5000\") in the system config ("
              + systemDir
              + "/*.json; "
              + SystemConfig.DIR_ENV
              + " chooses another directory) or in "
              + service
              + "/service.yaml of soa-configs");
    }
    String value = registry.get().trim();
    if (!REGISTRY.matcher(value).matches()) {
      throw new DeployException(
          "docker_registry \""
              + value
              + "\" of "
              + service
              + " is not a registry address - expected host[:port], e.g. \"127.0.0.1:5000\","
              + " without http:// or a path");
    }
    return value;
  }
}
