package io.paasta.cli.commands;

import io.paasta.cli.UserException;
import io.paasta.cli.api.ApiEndpoints;
import io.paasta.cli.metastatus.ClusterMetastatus;
import io.paasta.cli.metastatus.MetastatusCollector;
import io.paasta.cli.metastatus.MetastatusLines;
import io.paasta.cli.output.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code paasta metastatus}: each cluster's capacity, tasks and health, asked of its API. */
@Command(
    name = "metastatus",
    mixinStandardHelpOptions = true,
    description = {
      "Shows, per cluster, the hosts' CPUs, memory and disk against what the running tasks"
          + " reserve (their configured cpus/mem/disk), the tasks by state, the long-running"
          + " instances and jobs, and ZooKeeper and HAProxy health, as each cluster's PaaSTA API"
          + " reports them. Clusters are asked in parallel.",
      "-v adds where ZooKeeper and HAProxy are; -vv the resources grouped by pool (or by -g);"
          + " -vvv per host too, and with -s/-i how many more copies of that instance fit"
          + " (Slots + Limiting Resource).",
      "Exits 2 when a resource has 10%% or less free (or ZooKeeper or HAProxy is not OK), 1 when a"
          + " cluster could not be asked, else 0."
    })
public final class MetastatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ApiOptions api;

  @Mixin JsonOption json;

  @Option(
      names = {"-c", "--clusters"},
      paramLabel = "CLUSTERS",
      description = "Comma-separated clusters (default: every cluster with an API endpoint).")
  String clusters;

  @Option(
      names = {"-v", "--verbose"},
      description = "More detail: -v, -vv, -vvv.")
  boolean[] verbose = new boolean[0];

  @Option(
      names = {"-g", "--groupings"},
      paramLabel = "ATTRS",
      description =
          "Comma-separated host attributes to group resources by at -vv (pool, hostname;"
              + " default: pool).")
  String groupings;

  @Option(
      names = {"-s", "--service"},
      paramLabel = "SERVICE",
      description = "With -i and -vvv: how many more copies of this service's instance fit.")
  String service;

  @Option(
      names = {"-i", "--instance"},
      paramLabel = "INSTANCE",
      description = "With -s and -vvv: the instance whose slots to show.")
  String instance;

  @Override
  public Integer call() {
    if ((service == null) != (instance == null)) {
      throw new UserException("-s/--service and -i/--instance go together: give both or neither");
    }
    ApiEndpoints endpoints = api.endpoints();
    List<String> asked = clusters == null ? endpoints.clusters() : InstanceTargets.split(clusters);
    List<String> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    asked.forEach(c -> (endpoints.has(c) ? known : unknown).add(c));
    Optional<MetastatusCollector.SlotsQuery> slots =
        service != null && verbose.length >= 3
            ? Optional.of(new MetastatusCollector.SlotsQuery(service, instance))
            : Optional.empty();
    List<ClusterMetastatus> reports;
    try (MetastatusCollector collector = new MetastatusCollector(endpoints)) {
      reports = collector.collect(known, slots);
    }
    Output out = new Output(spec.commandLine());
    for (String cluster : unknown) {
      spec.commandLine()
          .getErr()
          .println(
              "Cluster "
                  + cluster
                  + " doesn't look like a valid cluster? (clusters with an API endpoint: "
                  + String.join(", ", endpoints.clusters())
                  + ")");
    }
    if (json.enabled()) {
      out.json(json(reports));
    } else {
      List<String> groupBy = groupings == null ? List.of("pool") : InstanceTargets.split(groupings);
      MetastatusLines.of(reports, verbose.length, groupBy).forEach(out::styled);
    }
    if (reports.stream().anyMatch(MetastatusLines::critical)) {
      return 2;
    }
    boolean failed = reports.stream().anyMatch(r -> r.document().isEmpty());
    return failed || !unknown.isEmpty() ? 1 : 0;
  }

  private static Map<String, Object> json(List<ClusterMetastatus> reports) {
    Map<String, Object> all = new LinkedHashMap<>();
    for (ClusterMetastatus report : reports) {
      all.put(
          report.cluster(),
          report.document().isPresent()
              ? report.document().get()
              : Map.of("error", report.problem()));
    }
    return all;
  }
}
