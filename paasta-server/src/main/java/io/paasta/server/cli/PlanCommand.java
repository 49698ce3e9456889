package io.paasta.server.cli;

import io.paasta.model.SystemConfig;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.backend.BackendPorts;
import io.paasta.planning.plan.PlanPrinter;
import io.paasta.server.DaemonWiring;
import io.paasta.server.DryRun;
import io.paasta.server.autoscaling.AutoscalerStoreException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code paasta plan}: {@code paasta server --dry-run} under a shorter name. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = ServerMain.Version.class,
    description =
        "Prints, for each instance, the plan the daemon's next pass would execute (same as paasta server --dry-run).")
public final class PlanCommand implements Callable<Integer> {
  /** How long the plan waits for the health of running tasks (their first checks). */
  static final Duration HEALTH_KNOWN_WITHIN = Duration.ofSeconds(10);

  @Spec CommandSpec spec;

  @Mixin DaemonOptions daemon;

  @Override
  public Integer call() {
    return printPlans(daemon, daemon.system(), spec.commandLine().getOut());
  }

  /**
   * No drains, OOM kills or task logs (a plan starts nothing), and the daemon's secrets: a backend
   * that keeps secrets in objects of its own (Kubernetes) plans their writes from their signatures,
   * and checks that a changed one can be decrypted, as the daemon would.
   */
  private static BackendPorts planPorts(DaemonOptions options, SystemConfig system) {
    return new BackendPorts(
        io.paasta.planning.backend.DiscoveryDrain.NONE,
        java.util.Optional.empty(),
        io.paasta.planning.backend.TaskLogSink.NONE,
        new io.paasta.server.secrets.TaskSecretResolver(
            io.paasta.config.secrets.SecretEnvResolver.local(
                options.soaDir(),
                io.paasta.config.secrets.LocalKeyStore.forDaemon(system),
                system,
                system.cluster())));
  }

  /**
   * Prints the next plan of every instance, as the daemon started with {@code options} would make
   * it; the clean-up guard's refusal, when any, on stderr.
   */
  static int printPlans(DaemonOptions options, SystemConfig system, PrintWriter out) {
    try (Backend backend = options.backends(false).start(system, planPorts(options, system))) {
      backend.awaitHealthKnown(HEALTH_KNOWN_WITHIN);
      DryRun.Plans plans =
          DaemonWiring.dryRun(
                  options.soaDir(),
                  system,
                  options.stateDir,
                  options.smartstack(system),
                  options.forceCleanup,
                  backend,
                  System.err)
              .planAll();
      for (DryRun.InstancePlan plan : plans.plans()) {
        String subject =
            plan.ref().service()
                + "."
                + plan.ref().instance()
                + (plan.inSoaConfigs() ? "" : " (gone from soa-configs)");
        out.println(PlanPrinter.print(subject, plan.plan()).stripTrailing());
      }
      plans.cleanupRefused().ifPresent(reason -> System.err.println("cleanup: " + reason));
      out.flush();
      return 0;
    } catch (AutoscalerStoreException e) {
      throw new ServerMain.StartFailure(e.getMessage());
    }
  }
}
