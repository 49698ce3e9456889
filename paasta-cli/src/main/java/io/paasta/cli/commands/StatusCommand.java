package io.paasta.cli.commands;

import io.paasta.cli.output.Output;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta status}: how a service's instances are doing, asked of each cluster's API. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows, per cluster and instance, the deployed git sha, state and desired state, a bounce in"
          + " progress, running/expected tasks, SmartStack backends and failing checks, as each"
          + " cluster's PaaSTA API (api_endpoints of the system config) reports them. Clusters"
          + " are asked in parallel.",
      "A scheduled job (chronos-<cluster>.yaml) shows its desired state, status and last result,"
          + " schedule or parents, next run, command and running run.",
      "-v adds app ids, every check and a table of tasks (a job's recent runs); -vv adds each"
          + " task's (run's) last output lines.",
      "Exits 1 when a cluster or instance could not be asked."
    })
public final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin ServiceOption service;

  @Mixin ApiOptions api;

  @Mixin JsonOption json;

  @Option(
      names = {"-c", "--clusters"},
      paramLabel = "CLUSTERS",
      description = "Comma-separated clusters (default: every cluster of the service).")
  String clusters;

  @Option(
      names = {"-i", "--instances"},
      paramLabel = "INSTANCES",
      description = "Comma-separated instances (default: every long-running instance and job).")
  String instances;

  @Option(
      names = {"-v", "--verbose"},
      description = "More detail: -v tasks, runs and checks, -vv their output too.")
  boolean[] verbose = new boolean[0];

  private final Clock clock;

  public StatusCommand() {
    this(Clock.systemUTC());
  }

  /** With the clock relative times ("3 hours ago") are measured by. */
  public StatusCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    StatusReport report =
        StatusReport.collect(
            soaDir.open(), service.given(), clusters, instances, api::endpoints, verbose.length);
    Output out = new Output(spec.commandLine());
    if (json.enabled()) {
      out.json(report.json());
    } else {
      report.lines(clock.instant()).forEach(out::styled);
    }
    return report.exitCode();
  }
}
