package io.paasta.cli.status;

import static io.paasta.cli.output.Markup.plain;
import static io.paasta.cli.output.Markup.style;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.cli.api.AppStatus;
import io.paasta.cli.api.EngineStatus;
import io.paasta.cli.api.InstanceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole text of {@code paasta status}: the service, then per cluster its instances, each with
 * its {@link InstanceStatusLines} and (with -v) its {@link TaskLines}, or for a scheduled job its
 * {@link JobStatusLines}. A cluster or instance that could not be asked gets one error line; the
 * rest print as usual. Pure: picocli markup lines out, for rendering with or without colours.
 */
public final class StatusFormatter {
  private StatusFormatter() {}

  public static List<String> format(
      String service, List<ClusterReport> clusters, int verbose, Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add("service: " + style("bold", service));
    for (ClusterReport cluster : clusters) {
      if (cluster.error().isPresent()) {
        lines.add(
            "cluster: "
                + style("bold", cluster.cluster())
                + " - "
                + style("red", "error:")
                + " "
                + plain(cluster.error().get()));
        continue;
      }
      lines.add("cluster: " + style("bold", cluster.cluster()));
      for (InstanceReport instance : cluster.instances()) {
        lines.add("  instance: " + style("cyan", instance.target().instance()));
        instanceLines(instance, verbose, now).forEach(line -> lines.add("    " + line));
      }
    }
    return lines;
  }

  private static List<String> instanceLines(InstanceReport report, int verbose, Instant now) {
    if (report.error().isPresent()) {
      return List.of(style("red", "error:") + " " + plain(report.error().get()));
    }
    InstanceStatus status = report.status().orElseThrow();
    Optional<String> emergency = EmergencyStopLine.of(report.statusJson());
    if (status.chronos().isPresent()) {
      List<String> lines =
          new ArrayList<>(
              JobStatusLines.of(report.target(), status, status.chronos().get(), verbose, now));
      emergency.ifPresent(line -> lines.add(1, line));
      return lines;
    }
    Optional<JsonNode> adhoc = report.statusJson().map(json -> json.get("adhoc"));
    if (adhoc.isPresent() && adhoc.get().isObject()) {
      return AdhocStatusLines.of(report.target(), adhoc.get());
    }
    if (report.target().job()) {
      return List.of(
          style("yellow", "Unknown")
              + plain(
                  " - the API sent no chronos status for this job (does the cluster's paasta"
                      + " server run scheduled jobs?)"));
    }
    List<String> lines = new ArrayList<>(InstanceStatusLines.of(report.target(), status, verbose));
    emergency.ifPresent(line -> lines.add(Math.min(2, lines.size()), line));
    Optional<EngineStatus> engine = status.app().flatMap(AppStatus::engine);
    if (engine.isPresent()) {
      // Kubernetes: versions by ReplicaSet, and with -v the replicas' states (not the tasks table)
      lines.addAll(EngineLines.versions(engine.get(), now));
      if (verbose >= 1) {
        lines.addAll(EngineLines.replicas(engine.get(), now));
      }
      return lines;
    }
    if (verbose >= 1) {
      if (report.tasksError().isPresent()) {
        lines.add("Tasks: " + style("red", "error:") + " " + plain(report.tasksError().get()));
      } else {
        lines.addAll(TaskLines.of(report.tasks(), verbose, now));
      }
    }
    return lines;
  }
}
