package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.api.ApiToken;
import io.paasta.cli.api.JobRunInfo;
import io.paasta.cli.api.PaastaApiClient;
import io.paasta.cli.jobs.ClusterJobs;
import io.paasta.cli.jobs.JobGraph;
import io.paasta.cli.jobs.JobTargets;
import io.paasta.cli.jobs.RerunRequest;
import io.paasta.cli.jobs.RerunRules;
import io.paasta.cli.jobs.RerunType;
import io.paasta.cli.jobs.RerunWaiter;
import io.paasta.cli.jobs.RunText;
import io.paasta.cli.output.Markup;
import io.paasta.cli.output.Output;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.JobConfig;
import io.paasta.model.ServiceInstance;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta rerun}: runs a scheduled job once now, through each cluster's API (SPEC 6). */
@Command(
    name = "rerun",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a scheduled job (chronos-<cluster>.yaml) once now, without changing its schedule, in"
          + " each cluster asked for (default: every cluster that has it), through the cluster's"
          + " PaaSTA API with the API token.",
      "-d is required when the job's cmd uses time variables (%%(shortdate)s, ...): they are"
          + " filled in from it. -t is required when the job has parents or children: instance"
          + " runs only this job, graph every job connected to it, parents before children. A"
          + " disabled job needs -f.",
      "With --wait, shows the runs' progress until they end: exit 0 only when every run"
          + " succeeded."
    })
public final class RerunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SoaDirOption soaDir;

  @Mixin ServiceOption service;

  @Mixin ApiOptions api;

  @Mixin ApiTokenOption token;

  @Option(
      names = {"-i", "--instance"},
      paramLabel = "INSTANCE",
      required = true,
      description = "The job (an instance of chronos-<cluster>.yaml).")
  String instance;

  @Option(
      names = {"-c", "--clusters"},
      paramLabel = "CLUSTERS",
      description = "Comma-separated clusters (default: every cluster that has the job).")
  String clusters;

  @Option(
      names = {"-d", "--execution_date", "--execution-date"},
      paramLabel = "YYYY-MM-DDTHH:MM:SS",
      description = "The execution date the cmd's time variables are filled in from.")
  String executionDate;

  @Option(
      names = {"-t", "--rerun-type", "--rerun_type"},
      paramLabel = "instance|graph",
      description = "instance: only this job; graph: its whole dependency graph, in order.")
  RerunType rerunType;

  @Option(
      names = {"-f", "--force-disabled", "--force_disabled"},
      description = "Run the job even though it is disabled.")
  boolean forceDisabled;

  @Option(names = "--wait", description = "Wait until the runs end; exit 1 unless all succeeded.")
  boolean await;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "3600",
      description = "With --wait: how long to wait (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(
      names = "--poll-interval",
      paramLabel = "SECONDS",
      defaultValue = "1",
      description = "With --wait: how often to ask (default: ${DEFAULT-VALUE}).")
  double pollSeconds;

  @Override
  public Integer call() throws InterruptedException {
    SoaConfigsLoader loader = soaDir.open();
    LoadedService loaded = loader.load(SoaDirOption.serviceOrGuess(service.given(), loader));
    RerunRequest request =
        new RerunRequest(
            RerunRequest.parseDate(executionDate), Optional.ofNullable(rerunType), forceDisabled);
    List<JobConfig> jobs = jobs(loaded);
    Map<JobConfig, JobGraph> graphs = new LinkedHashMap<>();
    jobs.forEach(job -> graphs.put(job, ClusterJobs.graph(loader, job.ref().cluster())));
    refuseWhatSoaConfigsRefuse(graphs, request);
    ApiToken apiToken = token.token();
    Output out = new Output(spec.commandLine());
    boolean ok = true;
    for (Map.Entry<JobConfig, JobGraph> entry : graphs.entrySet()) {
      ok &= rerun(entry.getKey(), entry.getValue(), request, apiToken, out);
    }
    return ok ? 0 : 1;
  }

  /** The job in each cluster asked for; a missing one may be a broken file: say so. */
  private List<JobConfig> jobs(LoadedService loaded) {
    try {
      return JobTargets.select(loaded.service(), instance, InstanceTargets.split(clusters));
    } catch (UserException e) {
      if (!loaded.hasErrors()) {
        throw e;
      }
      String name = loaded.service().name();
      throw new UserException(
          e.getMessage()
              + " ("
              + name
              + " has problems in its soa-configs: paasta validate -s "
              + name
              + " shows them)");
    }
  }

  private static void refuseWhatSoaConfigsRefuse(
      Map<JobConfig, JobGraph> graphs, RerunRequest request) {
    List<String> refusals = new ArrayList<>();
    graphs.forEach(
        (job, graph) ->
            RerunRules.refusal(job, request, graph)
                .ifPresent(
                    lines -> {
                      if (graphs.size() > 1) {
                        refusals.add("cluster " + job.ref().cluster() + ":");
                        lines.forEach(line -> refusals.add("  " + line));
                      } else {
                        refusals.addAll(lines);
                      }
                    }));
    if (!refusals.isEmpty()) {
      throw new UserException(String.join("\n", refusals));
    }
  }

  /** Launches the rerun in the job's cluster and, with --wait, waits for it; true when fine. */
  private boolean rerun(
      JobConfig job, JobGraph graph, RerunRequest request, ApiToken apiToken, Output out)
      throws InterruptedException {
    String cluster = job.ref().cluster();
    ServiceInstance id = job.ref().serviceInstance();
    PaastaApiClient client = api.endpoints().client(cluster);
    List<ServiceInstance> waitedFor = waitedFor(id, graph, request);
    RerunWaiter waiter =
        new RerunWaiter(
            j -> client.runs(j.service(), j.instance(), 20),
            line -> {
              out.styled(line(cluster, Output.escape(line)));
              out.flush();
            },
            Clock.systemUTC(),
            RerunWaiter.Sleeper.REAL,
            Duration.ofMillis(Math.max(10, Math.round(pollSeconds * 1000))));
    Map<ServiceInstance, Set<String>> before = await ? waiter.before(waitedFor) : Map.of();
    List<JobRunInfo> launched =
        client.launchRuns(id.service(), id.instance(), request.body(), apiToken);
    out.styled(line(cluster, "@|green launched|@ " + Output.escape(what(id, request))));
    for (JobRunInfo run : launched) {
      out.styled(
          line(
              cluster,
              Output.escape(
                  "  run "
                      + run.runId()
                      + run.executionDate().map(d -> " (execution date " + d + ")").orElse("")
                      + ": "
                      + RunText.state(run)
                      + (run.rerun() ? " (Launched by paasta rerun)" : ""))));
    }
    if (!await) {
      return true;
    }
    RerunWaiter.Result result =
        waiter.await(waitedFor, before, Duration.ofSeconds(Math.max(0, timeoutSeconds)));
    if (result.ok()) {
      out.styled(line(cluster, "@|green every run succeeded|@: " + join(waitedFor)));
      return true;
    }
    out.styled(line(cluster, Markup.style("red", result.summary())));
    return false;
  }

  /** The jobs whose runs --wait follows: this one, or its graph but the disabled jobs. */
  private static List<ServiceInstance> waitedFor(
      ServiceInstance id, JobGraph graph, RerunRequest request) {
    if (request.rerunType().orElse(RerunType.INSTANCE) != RerunType.GRAPH) {
      return List.of(id);
    }
    return graph.connected(id).stream()
        .filter(j -> j.equals(id) || request.forceDisabled() || !graph.disabled(j))
        .toList();
  }

  private static String what(ServiceInstance id, RerunRequest request) {
    return id
        + request.dateText().map(d -> " for execution date " + d).orElse(" now")
        + request.rerunType().map(t -> " (rerun type " + t.wire() + ")").orElse("")
        + (request.forceDisabled() ? " (forced although disabled)" : "");
  }

  private static String line(String cluster, String text) {
    return "cluster " + cluster + ": " + text;
  }

  private static String join(List<ServiceInstance> jobs) {
    return String.join(", ", jobs.stream().map(ServiceInstance::toString).toList());
  }
}
