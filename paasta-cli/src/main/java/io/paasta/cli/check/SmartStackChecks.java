package io.paasta.cli.check;

import io.paasta.config.problem.Problem;
import io.paasta.config.validate.ServiceReport;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A service's smartstack.yaml: present (a warning when not: not every service is called by others)
 * and valid, its proxy ports in PaaSTA's range and unique across the soa-configs tree.
 */
public final class SmartStackChecks {
  /** The proxy ports PaaSTA hands out (its smartstack.yaml schema's range). */
  public static final int FIRST_PROXY_PORT = 19000;

  public static final int LAST_PROXY_PORT = 21000;

  private SmartStackChecks() {}

  static CheckItem smartstackYaml(Service service, ServiceReport report, Path serviceDir) {
    String file = service.name() + "/smartstack.yaml";
    if (!Files.isRegularFile(serviceDir.resolve("smartstack.yaml"))) {
      return CheckItem.warning(
          "smartstack.yaml",
          "no " + file + ": the service is not in SmartStack",
          "add smartstack.yaml with a namespace and a free proxy_port if other services call it");
    }
    Optional<Problem> problem = SoaChecks.firstError(report, file);
    if (problem.isPresent()) {
      return CheckItem.failed(
          "smartstack.yaml",
          file + " is not valid: " + problem.get().format(),
          SoaChecks.fixValidate(service));
    }
    return CheckItem.passed(
        "smartstack.yaml",
        file
            + " has "
            + service.namespaces().size()
            + " namespace(s): "
            + String.join(", ", service.namespaces().keySet().stream().sorted().toList()));
  }

  static CheckItem proxyPorts(Service service, ServiceReport report) {
    List<String> ports = new ArrayList<>();
    List<String> outOfRange = new ArrayList<>();
    for (NamespaceConfig ns :
        service.namespaces().values().stream()
            .sorted(Comparator.comparing(n -> n.name().instance()))
            .toList()) {
      if (ns.proxyPort().isPresent()) {
        int port = ns.proxyPort().getAsInt();
        ports.add(ns.name().instance() + " " + port);
        if (port < FIRST_PROXY_PORT || port > LAST_PROXY_PORT) {
          outOfRange.add(ns.name().instance() + " " + port);
        }
      }
    }
    List<String> shared =
        report.problems().stream()
            .filter(p -> p.isError() && p.subject().endsWith(".proxy_port"))
            .filter(p -> p.message().startsWith("is also used by"))
            .map(
                p ->
                    p.subject().replace(".proxy_port", "")
                        + " "
                        + p.value().orElse("")
                        + " "
                        + p.message())
            .toList();
    if (!outOfRange.isEmpty() || !shared.isEmpty()) {
      List<String> what = new ArrayList<>();
      if (!outOfRange.isEmpty()) {
        what.add(
            "out of "
                + FIRST_PROXY_PORT
                + "-"
                + LAST_PROXY_PORT
                + ": "
                + String.join(", ", outOfRange));
      }
      what.addAll(shared);
      return CheckItem.failed(
          "proxy-ports",
          "proxy_port " + String.join("; ", what),
          "pick a proxy_port in "
              + FIRST_PROXY_PORT
              + "-"
              + LAST_PROXY_PORT
              + " that no other namespace of the soa-configs uses");
    }
    return CheckItem.passed(
        "proxy-ports",
        ports.isEmpty()
            ? "no proxy_port (no namespace is routed by HAProxy)"
            : "proxy_port in range and unique: " + String.join(", ", ports));
  }
}
