package io.paasta.server.cli;

import io.paasta.model.SystemConfig;
import io.paasta.server.DaemonWiring;
import io.paasta.server.PaastaDaemon;
import io.paasta.server.PaastaServer;
import io.paasta.server.api.ApiListenAddress;
import io.paasta.server.api.ApiSettings;
import io.paasta.server.api.ApiToken;
import io.paasta.server.autoscaling.AutoscalerStoreException;
import io.paasta.server.state.StateStoreException;
import java.io.IOException;
import java.nio.file.Path;
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
    versionProvider = ServerMain.Version.class,
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

  @Mixin DaemonOptions daemon;

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

  @Override
  public Integer call() throws Exception {
    SystemConfig system = daemon.system();
    if (dryRun) {
      return PlanCommand.printPlans(daemon, system, spec.commandLine().getOut());
    }
    PaastaDaemon.Settings settings =
        new PaastaDaemon.Settings(
            workers,
            Duration.ofSeconds(fullPassSeconds),
            Duration.ofSeconds(pollSeconds),
            daemon.forceCleanup);
    PaastaServer server = start(system, settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception e) {
                    // exiting anyway
                  }
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  /** The server built and started; a StartFailure saying why it cannot start. */
  private PaastaServer start(SystemConfig system, PaastaDaemon.Settings settings) {
    PaastaServer server;
    try {
      server =
          DaemonWiring.buildServer(
              daemon.soaDir(),
              system,
              settings,
              new DaemonWiring.ServerOptions(
                  apiSettings(system), daemon.stateDir, daemon.smartstack(system)),
              daemon.backends(),
              System.out);
    } catch (AutoscalerStoreException | StateStoreException e) {
      throw new ServerMain.StartFailure(e.getMessage());
    } catch (ServerMain.StartFailure e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ServerMain.StartFailure("the daemon cannot start: " + e.getMessage());
    }
    try {
      server.start();
    } catch (IOException e) {
      closeQuietly(server);
      throw new ServerMain.StartFailure(e.getMessage());
    }
    return server;
  }

  private ApiSettings apiSettings(SystemConfig system) {
    try {
      return ApiSettings.of(
          ApiListenAddress.resolve(Optional.ofNullable(apiListen), system),
          ApiToken.resolve(Optional.ofNullable(apiTokenFile)));
    } catch (IllegalArgumentException e) {
      throw new ServerMain.StartFailure(e.getMessage());
    }
  }

  private static void closeQuietly(PaastaServer server) {
    try {
      server.close();
    } catch (IOException e) {
      // failing anyway
    }
  }
}
