package io.paasta.server;

import io.paasta.config.ConfigException;
import io.paasta.config.problem.Problem;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.config.yaml.ConfigFileReader;
import io.paasta.deploy.git.DeploymentsGenerator;
import io.paasta.deploy.git.DeploymentsWriter;
import io.paasta.deploy.git.GitRemoteClient;
import io.paasta.model.SystemConfig;
import io.paasta.planning.backend.Backend;
import io.paasta.server.deployments.DeploymentsPoller;
import io.paasta.server.desired.ClusterDesiredState;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.status.StatusRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the daemon from its directories and settings: the one place where parts are wired. */
public final class DaemonWiring {
  private DaemonWiring() {}

  /** The system config, or a ConfigException listing its problems. */
  public static SystemConfig systemConfig(Path dir) {
    SystemConfigLoader.Loaded loaded = new SystemConfigLoader(new ConfigFileReader()).load(dir);
    return loaded
        .config()
        .orElseThrow(
            () ->
                new ConfigException(
                    "the system config in "
                        + dir
                        + " is not usable: "
                        + loaded.problems().stream()
                            .filter(Problem::isError)
                            .map(Problem::format)
                            .collect(Collectors.joining("; "))));
  }

  /**
   * @param backendFor builds the backend for the cluster's system config
   */
  public static PaastaDaemon build(
      Path soaDir,
      SystemConfig system,
      PaastaDaemon.Settings settings,
      Function<SystemConfig, Backend> backendFor,
      PrintStream out) {
    Clock clock = Clock.systemUTC();
    DaemonLog log = new DaemonLog(out, clock);
    SoaConfigsLoader loader = SoaConfigsLoader.open(soaDir);
    StatusRegistry status = new StatusRegistry();
    ServiceConfigs configs = new ServiceConfigs(loader, status, log);
    ClusterDesiredState desired = new ClusterDesiredState(configs, system);
    DeploymentsPoller poller =
        new DeploymentsPoller(
            loader,
            new DeploymentsGenerator(
                new GitRemoteClient(GitRemoteClient.defaultCacheDir(), Duration.ofSeconds(20)),
                new DeploymentsWriter()),
            log);
    return new PaastaDaemon(
        loader, configs, desired, backendFor.apply(system), poller, status, log, clock, settings);
  }
}
