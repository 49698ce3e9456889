package io.paasta.cli.metastatus;

import static io.paasta.cli.output.Markup.plain;
import static io.paasta.cli.output.Markup.style;

import com.fasterxml.jackson.databind.JsonNode;
import io.paasta.cli.status.Table;
import io.paasta.planning.capacity.Resource;
import io.paasta.planning.capacity.ResourceUse;
import io.paasta.planning.capacity.Resources;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code paasta metastatus}'s text (SPEC section 16), as picocli markup, from the clusters'
 * answers. Pure.
 */
public final class MetastatusLines {
  private static final String IN = "    ";
  private static final String IN2 = "      ";

  private MetastatusLines() {}

  /**
   * @param verbose -v: where ZooKeeper and HAProxy are; -vv: resources grouped by {@code groupBy};
   *     -vvv: also per host, and the slots of the instance asked about
   * @param groupBy host attributes to group by at -vv ({@code pool} by default)
   */
  public static List<String> of(
      List<ClusterMetastatus> clusters, int verbose, List<String> groupBy) {
    List<String> lines = new ArrayList<>();
    for (ClusterMetastatus cluster : clusters) {
      lines.add("Cluster: " + style("bold", cluster.cluster()));
      if (cluster.document().isEmpty()) {
        lines.add(IN + style("red", "CRITICAL: no answer: " + cluster.problem()));
        continue;
      }
      lines.addAll(answered(cluster, verbose, groupBy));
    }
    return lines;
  }

  /** Any resource with 10 % or less free, or a part (ZooKeeper, HAProxy) not OK. */
  public static boolean critical(ClusterMetastatus cluster) {
    return cluster.document().isPresent()
        && (ResourceUse.anyCritical(uses(cluster.hosts()))
            || components(cluster.document().get()).stream()
                .anyMatch(c -> !c.path("status").asText().equals("OK")));
  }

  private static List<String> answered(
      ClusterMetastatus cluster, int verbose, List<String> groupBy) {
    JsonNode doc = cluster.document().orElseThrow();
    List<String> lines = new ArrayList<>();
    lines.add(IN + "Paasta version: " + plain(doc.path("version").asText()));
    String engine =
        doc.path("backend").asText().equals("kubernetes") ? "Kubernetes" : "Local engine";
    lines.add(
        IN
            + engine
            + " Status: "
            + (critical(cluster) ? style("red", "CRITICAL") : style("green", "OK")));
    List<ClusterMetastatus.Host> hosts = cluster.hosts();
    for (ResourceUse use : uses(hosts)) {
      lines.add(IN2 + resourceLine(use));
    }
    JsonNode tasks = doc.path("tasks");
    lines.add(
        IN2
            + String.format(
                Locale.ROOT,
                "Tasks: running: %d starting: %d unhealthy: %d",
                tasks.path("running").asInt(),
                tasks.path("starting").asInt(),
                tasks.path("unhealthy").asInt()));
    if (verbose >= 1 && tasks.path("unknown_config").asInt() > 0) {
      lines.add(
          IN2
              + tasks.path("unknown_config").asInt()
              + " live task(s) of instances gone from soa-configs (their reservation is not counted)");
    }
    JsonNode instances = doc.path("instances");
    lines.add(
        IN2
            + String.format(
                Locale.ROOT,
                "Instances: %d long-running, %d jobs",
                instances.path("long_running").asInt(),
                instances.path("jobs").asInt()));
    for (JsonNode component : components(doc)) {
      boolean ok = component.path("status").asText().equals("OK");
      String line =
          plain(component.path("name").asText() + ": ")
              + (ok ? style("green", "OK") : style("red", "CRITICAL"));
      if (verbose >= 1 || !ok) {
        line += plain(" (" + component.path("detail").asText() + ")");
      }
      lines.add(IN2 + line);
    }
    if (verbose >= 2) {
      lines.addAll(grouped(hosts, groupBy));
    }
    if (verbose >= 3) {
      List<String> byHost = new ArrayList<>(groupBy);
      if (!byHost.contains("hostname")) {
        byHost.add("hostname");
      }
      lines.addAll(grouped(hosts, byHost));
      if (doc.has("slots")) {
        lines.addAll(slots(doc.get("slots"), hosts));
      }
    }
    return lines;
  }

  private static List<JsonNode> components(JsonNode doc) {
    List<JsonNode> list = new ArrayList<>();
    doc.path("components").forEach(list::add);
    return list;
  }

  /** The use of each resource over every host of the cluster. */
  static List<ResourceUse> uses(List<ClusterMetastatus.Host> hosts) {
    Resources total = Resources.ZERO;
    Resources used = Resources.ZERO;
    for (ClusterMetastatus.Host host : hosts) {
      total = total.plus(host.total());
      used = used.plus(host.used());
    }
    return ResourceUse.of(used, total);
  }

  /**
   * {@code CPUs: 1.55 / 6 in use (25.83%)}, or when 10 % or less is free {@code CRITICAL: Less than
   * 10% CPUs available. (Currently using 95.00% of 6)}.
   */
  static String resourceLine(ResourceUse use) {
    String name = use.resource() == Resource.CPUS ? "CPUs" : capitalized(use.resource().label());
    String percent = String.format(Locale.ROOT, "%.2f%%", use.usedPercent());
    if (use.critical()) {
      return style(
          "red",
          "CRITICAL: Less than 10% "
              + use.resource().label()
              + " available. (Currently using "
              + percent
              + " of "
              + total(use.resource(), use.total())
              + ")");
    }
    return plain(
        name
            + ": "
            + amount(use.resource(), use.used())
            + " / "
            + total(use.resource(), use.total())
            + " in use ("
            + percent
            + ")");
  }

  private static List<String> grouped(List<ClusterMetastatus.Host> hosts, List<String> attributes) {
    Map<List<String>, List<ClusterMetastatus.Host>> groups =
        new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
    for (ClusterMetastatus.Host host : hosts) {
      List<String> key =
          attributes.stream().map(a -> host.attributes().getOrDefault(a, "-")).toList();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(host);
    }
    List<String> header = new ArrayList<>(attributes);
    header.addAll(
        List.of("CPU (used/total)", "RAM (used/total)", "Disk (used/total)", "Agent count"));
    List<List<String>> rows = new ArrayList<>();
    groups.forEach(
        (key, members) -> {
          List<String> row = new ArrayList<>(key);
          for (ResourceUse use : uses(members)) {
            row.add(amount(use.resource(), use.used()) + "/" + total(use.resource(), use.total()));
          }
          row.add(String.valueOf(members.size()));
          rows.add(row);
        });
    List<String> lines = new ArrayList<>();
    lines.add(IN + "Resources Grouped by " + plain(String.join(", ", attributes)) + ":");
    Table.render(header, rows, (r, c) -> "").forEach(line -> lines.add(IN2 + line));
    return lines;
  }

  private static List<String> slots(JsonNode slots, List<ClusterMetastatus.Host> hosts) {
    Resources perTask = ClusterMetastatus.resources(slots.path("per_task"));
    List<String> lines = new ArrayList<>();
    lines.add(
        IN
            + plain(
                "Slots + Limiting Resource for "
                    + slots.path("service").asText()
                    + "."
                    + slots.path("instance").asText()
                    + " ("
                    + number(perTask.cpus())
                    + " CPUs, "
                    + number(perTask.mem())
                    + "MB memory, "
                    + number(perTask.disk())
                    + "MB disk per task):"));
    String where =
        hosts.size() == 1
            ? hosts.get(0).attributes().getOrDefault("hostname", "this host")
            : "all " + hosts.size() + " hosts";
    String limiting = slots.path("limiting").asText("");
    Map<String, String> labels = new LinkedHashMap<>();
    for (Resource r : Resource.values()) {
      labels.put(r.field(), r == Resource.CPUS ? "CPUs" : r.label());
    }
    lines.add(
        IN2
            + plain(
                where
                    + ": "
                    + slots.path("slots").asLong()
                    + " more "
                    + (slots.path("slots").asLong() == 1 ? "fits" : "fit")
                    + (limiting.isEmpty() || slots.path("limiting").isNull()
                        ? " (the task reserves nothing)"
                        : ", limited by " + labels.getOrDefault(limiting, limiting))));
    return lines;
  }

  private static String amount(Resource resource, double value) {
    return String.format(Locale.ROOT, "%.2f", resource == Resource.CPUS ? value : value / 1024);
  }

  private static String total(Resource resource, double value) {
    return resource == Resource.CPUS
        ? number(value)
        : String.format(Locale.ROOT, "%.2fGB", value / 1024);
  }

  /** 6 for 6.0, 7.5 for 7.5, 0.33 for 1/3. */
  private static String number(double value) {
    return BigDecimal.valueOf(value)
        .setScale(2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
