package io.paasta.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.cli.UserException;
import io.paasta.cli.api.ApiToken;
import io.paasta.cli.logs.CliLogLines;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paasta emergency-start|stop|restart}: act on one instance of one cluster at once through
 * the cluster's API (with the API token), without git tags; the daemon logs each (a {@code deploy}
 * line) with who asked.
 */
public final class EmergencyCommands {
  private EmergencyCommands() {}

  /** The options and the work shared by the three commands. */
  abstract static class Base implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SoaDirOption soaDir;

    @Mixin ServiceOption service;

    @Mixin ApiOptions api;

    @Mixin ApiTokenOption token;

    @Option(
        names = {"-i", "--instance"},
        paramLabel = "INSTANCE",
        required = true,
        description = "The instance (long-running, or a scheduled job), like main or canary.")
    String instance;

    @Option(
        names = {"-c", "--cluster"},
        paramLabel = "CLUSTER",
        required = true,
        description = "The cluster that has the instance.")
    String cluster;

    /** {@code stop}, {@code start} or {@code restart}: the API's word. */
    abstract String action();

    /** What to run next, after it was done. */
    abstract String next(String service);

    @Override
    public Integer call() {
      SoaConfigsLoader loader = soaDir.open();
      LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
      String name = loaded.service().name();
      InstanceConfig config = target(loaded);
      ApiToken apiToken = token.token();
      Output out = new Output(spec.commandLine());
      out.styled(
          Output.escape(
              "Performing an emergency "
                  + action()
                  + " on "
                  + name
                  + "."
                  + config.ref().instance()
                  + " in cluster "
                  + cluster
                  + "..."));
      out.flush();
      JsonNode answer =
          api.endpoints()
              .client(cluster)
              .emergency(name, instance, action(), CliLogLines.who(), apiToken);
      out.styled("@|green Done|@: " + Output.escape(answer.path("message").asText("")));
      out.styled(Output.escape(next(name)));
      return 0;
    }

    private InstanceConfig target(LoadedService loaded) {
      InstanceConfig config = InstanceTargets.require(loaded, cluster, instance);
      if (config.ref().kind() == InstanceKind.ADHOC) {
        throw new UserException(
            loaded.service().name()
                + "."
                + instance
                + " is an adhoc instance (adhoc-"
                + cluster
                + ".yaml): it runs only when asked (paasta remote-run), there is nothing to"
                + " emergency-"
                + action());
      }
      return config;
    }

    String statusHint(String service) {
      return "Run this to see the status: paasta status -s "
          + service
          + " -c "
          + cluster
          + " -i "
          + instance;
    }
  }

  /** {@code paasta emergency-stop}. */
  @Command(
      name = "emergency-stop",
      mixinStandardHelpOptions = true,
      description = {
        "Stops an instance at once, without git tags: a long-running instance's tasks are"
            + " stopped; a scheduled job runs no more scheduled runs (its scheduled run in"
            + " progress is killed).",
        "The stop is kept by the cluster's daemon (over its restarts) until paasta"
            + " emergency-start, or a newer start, stop or deploy tag. For a lasting stop use"
            + " paasta stop."
      })
  public static final class Stop extends Base {
    @Override
    String action() {
      return "stop";
    }

    @Override
    String next(String service) {
      return "To start it again asap, run: paasta emergency-start -s "
          + service
          + " -i "
          + instance
          + " -c "
          + cluster;
    }
  }

  /** {@code paasta emergency-start}. */
  @Command(
      name = "emergency-start",
      mixinStandardHelpOptions = true,
      description = {
        "Lifts an emergency stop at once: a long-running instance runs its tasks again; a"
            + " scheduled job runs on its schedule again and runs once now, as Chronos did.",
        "An instance stopped by paasta stop (a stop tag) needs paasta start."
      })
  public static final class Start extends Base {
    @Override
    String action() {
      return "start";
    }

    @Override
    String next(String service) {
      return statusHint(service);
    }
  }

  /** {@code paasta emergency-restart}. */
  @Command(
      name = "emergency-restart",
      mixinStandardHelpOptions = true,
      description = {
        "Kills every task of a long-running instance at once, and new ones start: fast, but not"
            + " safe (no bounce, traffic is dropped). For a safe restart use paasta restart.",
        "It also lifts an emergency stop."
      })
  public static final class Restart extends Base {
    @Override
    String action() {
      return "restart";
    }

    @Override
    String next(String service) {
      return statusHint(service);
    }
  }
}
