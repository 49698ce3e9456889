package io.paasta.cli.commands;

import io.paasta.backend.docker.DockerBackend;
import io.paasta.backend.docker.DockerBackendConfig;
import io.paasta.backend.docker.DockerBackends;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.config.system.SystemConfigLoader;
import io.paasta.model.SystemConfig;
import io.paasta.planning.plan.PlanPrinter;
import io.paasta.server.DaemonLog;
import io.paasta.server.DaemonWiring;
import io.paasta.server.DryRun;
import io.paasta.server.PaastaDaemon;
import io.paasta.server.desired.ClusterDesiredState;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.status.StatusRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
    DockerBackend[] backend = new DockerBackend[1];
    PaastaDaemon daemon =
        DaemonWiring.build(
            soaDir.path(),
            system,
            settings,
            s -> backend[0] = DockerBackends.start(DockerBackendConfig.defaults(s.cluster())),
            System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    daemon.close();
                    backend[0].close();
                  } catch (Exception e) {
                    // exiting anyway
                  }
                  stopped.countDown();
                }));
    daemon.start();
    stopped.await();
    return 0;
  }

  private int printPlans(SystemConfig system) throws Exception {
    Clock clock = Clock.systemUTC();
    DaemonLog log = new DaemonLog(System.err, clock);
    SoaConfigsLoader loader = soaDir.open();
    ServiceConfigs configs = new ServiceConfigs(loader, new StatusRegistry(), log);
    try (DockerBackend backend =
        DockerBackends.start(DockerBackendConfig.defaults(system.cluster()))) {
      DryRun dry = new DryRun(configs, new ClusterDesiredState(configs, system), backend, clock);
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
