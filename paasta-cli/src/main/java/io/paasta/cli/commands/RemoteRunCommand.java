package io.paasta.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.cli.UserException;
import io.paasta.cli.api.PaastaApiClient;
import io.paasta.cli.logs.CliLogLines;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paasta remote-run start|stop|list}: one-off tasks of adhoc instances ({@code
 * adhoc-<cluster>.yaml}) run on a cluster through its API, with the instance's deployed image, env
 * and limits; limited in time.
 */
@Command(
    name = "remote-run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a one-off task of an adhoc instance (adhoc-<cluster>.yaml) on a cluster, through the"
          + " cluster's PaaSTA API with the API token: the image its deploy group has in"
          + " deployments.json, its env and limits, its cmd (or -C CMD).",
      "A run is stopped when it runs past its time limit (-m, default 3600 s, at most 86400 s)."
    },
    subcommands = {
      RemoteRunCommand.Start.class,
      RemoteRunCommand.Stop.class,
      RemoteRunCommand.ListRuns.class
    })
public final class RemoteRunCommand implements Callable<Integer> {
  /** How often {@code -f} asks for new output. */
  static final Duration FOLLOW_EVERY = Duration.ofMillis(500);

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /** The cluster's API. */
  abstract static class OnCluster {
    @Spec CommandSpec spec;

    @Mixin ApiOptions api;

    @Option(
        names = {"-c", "--cluster"},
        paramLabel = "CLUSTER",
        required = true,
        description = "The cluster to run on.")
    String cluster;

    PaastaApiClient client() {
      return api.endpoints().client(cluster);
    }

    Output out() {
      return new Output(spec.commandLine());
    }
  }

  /** {@code paasta remote-run start}. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Starts a run of an adhoc instance. With -f, prints its output until it exits and exits"
            + " with its exit code."
      })
  static final class Start extends OnCluster implements Callable<Integer> {
    @Mixin SoaDirOption soaDir;

    @Mixin ServiceOption service;

    @Mixin ApiTokenOption token;

    @Option(
        names = {"-i", "--instance"},
        paramLabel = "INSTANCE",
        required = true,
        description = "The adhoc instance (of adhoc-<cluster>.yaml).")
    String instance;

    @Option(
        names = {"-C", "--cmd"},
        paramLabel = "CMD",
        description = "The command to run instead of the instance's cmd (by sh -c).")
    String cmd;

    @Option(
        names = {"-f", "--follow"},
        description = "Print the run's output until it exits; exit with its exit code.")
    boolean follow;

    @Option(
        names = {"-m", "--max-seconds"},
        paramLabel = "SECONDS",
        description = "Its time limit: it is stopped past it (default 3600, at most 86400).")
    Integer maxSeconds;

    @Override
    public Integer call() throws InterruptedException {
      SoaConfigsLoader loader = soaDir.open();
      LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
      String name = loaded.service().name();
      adhocInstance(loaded);
      if (maxSeconds != null && (maxSeconds < 1 || maxSeconds > 86_400)) {
        throw new UserException(
            "-m/--max-seconds must be from 1 to 86400 seconds, got " + maxSeconds);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      if (cmd != null) {
        body.put("cmd", cmd);
      }
      if (maxSeconds != null) {
        body.put("max_seconds", maxSeconds);
      }
      body.put("by", CliLogLines.who());
      PaastaApiClient client = client();
      JsonNode run =
          client.post(
              "/v1/services/"
                  + PaastaApiClient.segment(name)
                  + "/"
                  + PaastaApiClient.segment(instance)
                  + "/remote_runs",
              body,
              token.token());
      String runId = run.path("run_id").asText();
      Output out = out();
      out.styled(
          Output.escape(
              "Started remote-run "
                  + runId
                  + " of "
                  + name
                  + "."
                  + instance
                  + " in cluster "
                  + cluster
                  + ": "
                  + run.path("command").asText()
                  + " (time limit "
                  + run.path("max_seconds").asLong()
                  + " s)"));
      out.flush();
      if (!follow) {
        out.styled(
            Output.escape("Stop it with: paasta remote-run stop -c " + cluster + " -r " + runId));
        out.styled(Output.escape("See the runs with: paasta remote-run list -c " + cluster));
        return 0;
      }
      return follow(client, runId, out);
    }

    /** Prints the output until the run exited; its exit code. */
    private int follow(PaastaApiClient client, String runId, Output out)
        throws InterruptedException {
      int next = 0;
      while (true) {
        JsonNode run =
            client.get(
                "/v1/remote_runs/" + PaastaApiClient.segment(runId) + "?output_from=" + next);
        for (JsonNode line : run.path("output")) {
          out.line(line.asText());
        }
        next = run.path("output_next").asInt(next);
        out.flush();
        if (run.path("state").asText().equals("exited")) {
          int exit = run.path("exit_code").asInt(1);
          if (!run.path("stop_reason").isNull() && run.has("stop_reason")) {
            out.styled(
                "@|red,bold "
                    + Output.escape("Remote-run " + runId + " " + run.path("stop_reason").asText())
                    + "|@");
          }
          out.styled(Output.escape("Remote-run " + runId + " exited with code " + exit));
          return exit;
        }
        Thread.sleep(FOLLOW_EVERY.toMillis());
      }
    }

    private void adhocInstance(LoadedService loaded) {
      String file = InstanceKind.ADHOC.fileName(cluster);
      InstanceConfig config =
          loaded
              .service()
              .instance(cluster, instance)
              .filter(c -> c.ref().kind() == InstanceKind.ADHOC)
              .orElseThrow(
                  () -> {
                    List<String> names =
                        loaded.service().instancesIn(cluster).stream()
                            .filter(c -> c.ref().kind() == InstanceKind.ADHOC)
                            .map(c -> c.ref().instance())
                            .sorted()
                            .toList();
                    return new UserException(
                        "no adhoc instance "
                            + instance
                            + " of "
                            + loaded.service().name()
                            + " in cluster "
                            + cluster
                            + " ("
                            + loaded.service().name()
                            + "/"
                            + file
                            + (names.isEmpty() ? " has none" : " has: " + String.join(", ", names))
                            + ")");
                  });
      if (cmd == null && config.container().cmd().isEmpty()) {
        throw new UserException(
            loaded.service().name()
                + "."
                + instance
                + " has no cmd in "
                + file
                + ": say what to run with -C CMD");
      }
    }
  }

  /** {@code paasta remote-run stop}. */
  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = {"Stops a run (its stop signal, then SIGKILL)."})
  static final class Stop extends OnCluster implements Callable<Integer> {
    @Mixin ApiTokenOption token;

    @Option(
        names = {"-r", "--run-id"},
        paramLabel = "RUN_ID",
        required = true,
        description = "The run (paasta remote-run list shows them).")
    String runId;

    @Override
    public Integer call() {
      JsonNode run =
          client()
              .delete(
                  "/v1/remote_runs/"
                      + PaastaApiClient.segment(runId)
                      + "?by="
                      + URLEncoder.encode(CliLogLines.who(), StandardCharsets.UTF_8),
                  token.token());
      Output out = out();
      String reason = run.path("stop_reason").asText("");
      out.styled(
          Output.escape(
              "Remote-run "
                  + runId
                  + " of "
                  + run.path("service").asText()
                  + "."
                  + run.path("instance").asText()
                  + ": "
                  + (run.path("state").asText().equals("exited")
                      ? (reason.isEmpty() ? "exited" : reason)
                          + (run.path("exit_code").isNull()
                              ? ""
                              : " (exit code " + run.path("exit_code").asInt() + ")")
                      : run.path("state").asText())));
      return 0;
    }
  }

  /** {@code paasta remote-run list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "Lists the cluster's runs: running ones, and exited ones for an hour after they exit."
      })
  static final class ListRuns extends OnCluster implements Callable<Integer> {
    @Override
    public Integer call() {
      JsonNode runs = client().get("/v1/remote_runs").path("runs");
      Output out = out();
      if (runs.isEmpty()) {
        out.line("No remote-runs in cluster " + cluster + ".");
        return 0;
      }
      out.line(
          String.format(
              "%-21s %-30s %-22s %-20s %-24s %s",
              "Run id", "Instance", "State", "Started", "By", "Command"));
      for (JsonNode run : runs) {
        out.line(
            String.format(
                "%-21s %-30s %-22s %-20s %-24s %s",
                run.path("run_id").asText(),
                run.path("service").asText() + "." + run.path("instance").asText(),
                state(run),
                run.path("started_at").asText(),
                run.path("by").asText(),
                run.path("command").asText()));
      }
      return 0;
    }

    private static String state(JsonNode run) {
      if (run.path("state").asText().equals("running")) {
        return "running";
      }
      String exit = run.path("exit_code").isNull() ? "" : " " + run.path("exit_code").asInt();
      String reason = run.path("stop_reason").asText("");
      return (reason.startsWith("stopped: past")
              ? "timed out"
              : reason.isEmpty() ? "exited" : "stopped")
          + exit;
    }
  }
}
