package io.paasta.cli.commands;

import io.paasta.backend.docker.DockerBackend;
import io.paasta.backend.docker.DockerBackendConfig;
import io.paasta.backend.docker.DockerBackends;
import io.paasta.cli.UserException;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.model.SystemConfig;
import io.paasta.planning.plan.PlanPrinter;
import io.paasta.server.DaemonLog;
import io.paasta.server.DaemonWiring;
import io.paasta.server.DryRun;
import io.paasta.server.PaastaDaemon;
import io.paasta.server.PaastaServer;
import io.paasta.server.api.ApiListenAddress;
import io.paasta.server.api.ApiSettings;
import io.paasta.server.api.ApiToken;
import io.paasta.server.autoscaling.AutoscalerCounts;
import io.paasta.server.autoscaling.AutoscalerStoreException;
import io.paasta.server.autoscaling.FileAutoscalerStore;
import io.paasta.server.desired.ClusterDesiredState;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.smartstack.SmartStackSettings;
import io.paasta.server.status.StatusRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta server}: the daemon that keeps this cluster's instances converged. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the control-plane daemon of this host's cluster (the system config's `cluster`) on the",
      "local Docker engine: keeps every long-running instance of the soa-configs converged,",
      "bounces new versions, replaces failed tasks, and follows the services' git tags.",
      "Serves the HTTP API (/v1, /metrics) on 127.0.0.1 at the port of the cluster's",
      "api_endpoints entry; changes through the API need the token of --api-token-file.",
      "With --dry-run, prints the plan the next pass would execute for each instance, and exits."
    })
public final class ServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Option(
      names = "--system-config-dir",
      paramLabel = "DIR",
      description = "The system config (default: $PAASTA_SYSTEM_CONFIG_DIR, else /etc/paasta).")
  Path systemConfigDir;

  @Option(names = "--dry-run", description = "Print the next plan of each instance and exit.")
  boolean dryRun;

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "4",
      description = "Instances reconciled in parallel (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--full-pass-every",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Every instance gets a pass at least this often (default: ${DEFAULT-VALUE}).")
  int fullPassSeconds;

  @Option(
      names = "--deployments-poll-every",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "How often services' git tags are read into deployments.json (default: ${DEFAULT-VALUE}).")
  int pollSeconds;

  @Option(
      names = "--force-cleanup",
      description =
          "Remove instances gone from soa-configs even when that is more than half of them.")
  boolean forceCleanup;

  @Option(
      names = "--api-listen",
      paramLabel = "HOST:PORT",
      description =
          "Where the API listens, loopback only (default: 127.0.0.1 at the port of this cluster's"
              + " entry in the system config's api_endpoints, else 127.0.0.1:5054).")
  String apiListen;

  @Option(
      names = "--api-token-file",
      paramLabel = "PATH",
      description =
          "The token API changes need, as `Authorization: Bearer <token>` (default:"
              + " /etc/paasta/api_token when it exists; without a token every change is refused).")
  Path apiTokenFile;

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = "/var/lib/paasta/state",
      description = "Where state that outlives the daemon is kept (default: ${DEFAULT-VALUE}).")
  Path stateDir;

  @Option(
      names = "--no-smartstack",
      description =
          "Run without SmartStack: no ZooKeeper registrations, no HAProxy (check_haproxy is then"
              + " not applied, and hacheck drains only wait their delay).")
  boolean noSmartstack;

  @Option(
      names = "--zookeeper-port",
      paramLabel = "PORT",
      defaultValue = "2181",
      description =
          "The embedded ZooKeeper's port on 127.0.0.1, used when the system config names no"
              + " `zookeeper` ensemble (default: ${DEFAULT-VALUE}).")
  int zookeeperPort;

  @Option(
      names = "--port-range",
      paramLabel = "FIRST-LAST",
      defaultValue = "31000-32999",
      description = "The host ports given to tasks as PORT0... (default: ${DEFAULT-VALUE}).")
  String portRange;

  @Override
  public Integer call() throws Exception {
    Path systemDir = systemConfigDir != null ? systemConfigDir : SystemConfigLoader.defaultDir();
    SystemConfig system = DaemonWiring.systemConfig(systemDir);
    if (dryRun) {
      return printPlans(system);
    }
    PaastaDaemon.Settings settings =
        new PaastaDaemon.Settings(
            workers,
            Duration.ofSeconds(fullPassSeconds),
            Duration.ofSeconds(pollSeconds),
            forceCleanup);
    DaemonWiring.ServerOptions options = serverOptions(system);
    DockerBackendConfig backendConfig = backendConfig(system);
    DockerBackend[] backend = new DockerBackend[1];
    PaastaServer server;
    try {
      server =
          DaemonWiring.buildServer(
              soaDir.path(),
              system,
              settings,
              options,
              s -> backend[0] = DockerBackends.start(backendConfig),
              System.out);
    } catch (AutoscalerStoreException e) {
      closeQuietly(backend[0]);
      throw new UserException(e.getMessage());
    } catch (IOException | RuntimeException e) {
      closeQuietly(backend[0]);
      throw new UserException("the daemon cannot start: " + e.getMessage());
    }
    try {
      server.start();
    } catch (IOException e) {
      server.close();
      backend[0].close();
      throw new UserException(e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                    backend[0].close();
                  } catch (Exception e) {
                    // exiting anyway
                  }
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  private DockerBackendConfig backendConfig(SystemConfig system) {
    io.paasta.backend.docker.port.PortRange range;
    try {
      range = io.paasta.backend.docker.port.PortRange.parse(portRange);
    } catch (IllegalArgumentException e) {
      throw new UserException("--port-range " + portRange + ": " + e.getMessage());
    }
    return DockerBackendConfig.defaults(system.cluster()).withPorts(range);
  }

  private static void closeQuietly(DockerBackend backend) {
    if (backend != null) {
      backend.close();
    }
  }

  private DaemonWiring.ServerOptions serverOptions(SystemConfig system) {
    try {
      return new DaemonWiring.ServerOptions(
          ApiSettings.of(
              ApiListenAddress.resolve(Optional.ofNullable(apiListen), system),
              ApiToken.resolve(Optional.ofNullable(apiTokenFile))),
          stateDir,
          noSmartstack
              ? Optional.empty()
              : Optional.of(
                  new SmartStackSettings(
                      stateDir,
                      zookeeperPort,
                      system.synapsePort(),
                      SmartStackSettings.DEFAULT_SETTLE)));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  /** The daemon's stored autoscaler counts, so that plans match what the daemon would do. */
  private AutoscalerCounts storedCounts(SystemConfig system) {
    try {
      return new FileAutoscalerStore(
          stateDir != null ? stateDir : DaemonWiring.DEFAULT_STATE_DIR, system.cluster());
    } catch (AutoscalerStoreException e) {
      throw new UserException(e.getMessage());
    }
  }

  private int printPlans(SystemConfig system) throws Exception {
    Clock clock = Clock.systemUTC();
    DaemonLog log = new DaemonLog(System.err, clock);
    SoaConfigsLoader loader = soaDir.open();
    ServiceConfigs configs = ServiceConfigs.of(loader, system, new StatusRegistry(), log, clock);
    try (DockerBackend backend =
        DockerBackends.start(DockerBackendConfig.defaults(system.cluster()))) {
      DryRun dry =
          new DryRun(
              configs,
              new ClusterDesiredState(configs, system, storedCounts(system)),
              backend,
              clock);
      Output out = new Output(spec.commandLine());
      for (DryRun.InstancePlan plan : dry.planAll()) {
        String subject =
            plan.ref().service()
                + "."
                + plan.ref().instance()
                + (plan.inSoaConfigs() ? "" : " (gone from soa-configs)");
        out.line(PlanPrinter.print(subject, plan.plan()).stripTrailing());
      }
    }
    return 0;
  }
}
