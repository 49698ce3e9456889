package io.paasta.discovery.haproxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which namespaces get a frontend, so that one bad namespace harms no other: a name HAProxy
 * cannot use, a port out of range or equal to the stats port, a health check path with spaces, or a
 * proxy_port that another process already holds leaves that namespace out; when namespaces share a
 * proxy_port, the first by name keeps it. Every namespace left out gets a problem saying why.
 */
public final class FrontendSelector {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]+");
  private static final Pattern URI = Pattern.compile("/\\S*");

  private FrontendSelector() {}

  /**
   * @param ownPorts ports our running HAProxy already listens on (not probed)
   * @param portFree tells whether a port can be bound on 127.0.0.1 (asked only for other ports)
   */
  public static FrontendSelection select(
      List<FrontendSpec> specs, int statsPort, Set<Integer> ownPorts, IntPredicate portFree) {
    List<String> problems = new ArrayList<>();
    Map<String, FrontendSpec> byName = new LinkedHashMap<>();
    specs.stream()
        .sorted(Comparator.comparing(FrontendSpec::name))
        .forEach(
            spec -> {
              String problem = problem(spec, statsPort);
              if (problem != null) {
                problems.add(problem);
              } else if (byName.putIfAbsent(spec.name(), spec) != null) {
                problems.add(spec.name() + " is given twice; the first one is routed");
              }
            });
    List<FrontendSpec> accepted = new ArrayList<>();
    for (List<FrontendSpec> sharing : byPort(byName.values()).values()) {
      FrontendSpec first = sharing.get(0);
      if (sharing.size() > 1) {
        problems.add(sharedPort(sharing));
      }
      if (ownPorts.contains(first.proxyPort()) || portFree.test(first.proxyPort())) {
        accepted.add(first);
      } else {
        problems.add(
            String.format(
                "%s is not routed: its proxy_port %d is already in use on 127.0.0.1 by another"
                    + " process (free the port or give %s another proxy_port in smartstack.yaml)",
                first.name(), first.proxyPort(), first.name()));
      }
    }
    accepted.sort(Comparator.comparing(FrontendSpec::name));
    return new FrontendSelection(accepted, problems);
  }

  private static String problem(FrontendSpec spec, int statsPort) {
    if (!NAME.matcher(spec.name()).matches()
        || spec.name().equals(HaproxyConfigRenderer.STATS_PROXY)) {
      return "namespace \""
          + spec.name()
          + "\" is not routed: HAProxy names may only hold letters, digits and . _ : -";
    }
    if (spec.proxyPort() < 1 || spec.proxyPort() > 65535) {
      return spec.name() + " is not routed: proxy_port " + spec.proxyPort() + " is not in 1..65535";
    }
    if (spec.proxyPort() == statsPort) {
      return spec.name()
          + " is not routed: proxy_port "
          + statsPort
          + " is the port of HAProxy's stats page";
    }
    if (spec.healthcheckUri().isPresent() && !URI.matcher(spec.healthcheckUri().get()).matches()) {
      return spec.name()
          + " is not routed: healthcheck_uri \""
          + spec.healthcheckUri().get()
          + "\" must be a path starting with / without spaces";
    }
    return null;
  }

  /** Specs grouped by port, ports ascending, each group by name (the input is sorted by name). */
  private static Map<Integer, List<FrontendSpec>> byPort(Iterable<FrontendSpec> specs) {
    Map<Integer, List<FrontendSpec>> byPort = new TreeMap<>();
    specs.forEach(s -> byPort.computeIfAbsent(s.proxyPort(), p -> new ArrayList<>()).add(s));
    return byPort;
  }

  private static String sharedPort(List<FrontendSpec> sharing) {
    String names = sharing.stream().map(FrontendSpec::name).collect(Collectors.joining(", "));
    String losers =
        sharing.stream().skip(1).map(FrontendSpec::name).collect(Collectors.joining(", "));
    return String.format(
        "proxy_port %d is claimed by %s: %s keeps it (first by name), %s not routed"
            + " (give each namespace its own proxy_port in smartstack.yaml)",
        sharing.get(0).proxyPort(),
        names,
        sharing.get(0).name(),
        losers + (sharing.size() > 2 ? " are" : " is"));
  }
}
