package io.paasta.cli.localrun;

import io.paasta.cli.UserException;
import io.paasta.config.problem.Problem;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.config.yaml.ConfigFileReader;
import io.paasta.model.SystemConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The system config local-run works with, and the cluster it runs an instance of. A machine without
 * a system config (a developer's) still runs local-run, without the volumes a cluster host would
 * mount; a system config that is there but broken is an error.
 */
public final class LocalRunSystem {
  private LocalRunSystem() {}

  /**
   * @param note told when there is no system config
   * @throws UserException when the directory exists but its config is not usable
   */
  public static SystemConfig load(Path dir, Consumer<String> note) {
    SystemConfigLoader.Loaded loaded = new SystemConfigLoader(new ConfigFileReader()).load(dir);
    if (loaded.config().isPresent()) {
      return loaded.config().get();
    }
    if (!Files.isDirectory(dir)) {
      note.accept(
          "note: no system config in "
              + dir
              + " ("
              + SystemConfig.DIR_ENV
              + " or --system-config-dir choose another): running without the volumes a"
              + " cluster host mounts");
      return none();
    }
    throw new UserException(
        "the system config in "
            + dir
            + " is not usable: "
            + loaded.problems().stream()
                .filter(Problem::isError)
                .map(Problem::format)
                .collect(Collectors.joining("; "))
            + " - fix it (paasta system-config -d "
            + dir
            + " shows it)");
  }

  /**
   * The cluster: {@code -c}, else the system config's {@code local_run_config.default_cluster}.
   *
   * @throws UserException when neither names one
   */
  public static String cluster(String given, SystemConfig system, List<String> serviceClusters) {
    if (given != null && !given.isBlank()) {
      return given.trim();
    }
    return system
        .defaultLocalRunCluster()
        .filter(c -> !c.isBlank())
        .orElseThrow(
            () ->
                new UserException(
                    "no cluster given and the system config has no"
                        + " local_run_config.default_cluster - pass -c CLUSTER (the service's"
                        + " clusters: "
                        + (serviceClusters.isEmpty() ? "none" : String.join(", ", serviceClusters))
                        + ")"));
  }

  /** A system config with nothing in it: no volumes, no registry (service.yaml must name one). */
  static SystemConfig none() {
    return new SystemConfig(
        "",
        "",
        Optional.empty(),
        List.of(),
        Map.of(),
        Map.of(),
        SystemConfig.DEFAULT_SENSU_HOST,
        SystemConfig.DEFAULT_SENSU_PORT,
        SystemConfig.DEFAULT_SYNAPSE_HOST,
        SystemConfig.DEFAULT_SYNAPSE_PORT,
        Optional.empty(),
        Map.of());
  }
}
