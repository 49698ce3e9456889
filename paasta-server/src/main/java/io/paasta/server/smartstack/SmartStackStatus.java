package io.paasta.server.smartstack;

import io.paasta.discovery.haproxy.ProxyStats;
import io.paasta.discovery.location.Location;
import io.paasta.model.LongRunningConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An instance's SmartStack numbers: for each namespace it registers in that this host routes, the
 * backends UP in HAProxy at the namespace's discover location, against the expected count. Pure.
 */
public final class SmartStackStatus {
  private SmartStackStatus() {}

  /**
   * UP backends per discover location, for the replication check (the instance's first routed
   * namespace); empty when none of its namespaces is routed here.
   */
  public static Optional<Map<String, Integer>> replication(
      LongRunningConfig config, RoutedNamespaces namespaces, ProxyStats stats) {
    List<String> routed = namespaces.routedRegistrations(config);
    if (routed.isEmpty()) {
      return Optional.empty();
    }
    String ns = routed.get(0);
    Location location = namespaces.discover().get(ns);
    return Optional.of(Map.of(location.toString(), stats.availableCount(ns)));
  }

  /**
   * {@code {"locations": [{"name", "namespace", "running_backends", "expected_backends"}]}}; empty
   * when none of the instance's namespaces is routed here.
   */
  public static Optional<Map<String, Object>> document(
      LongRunningConfig config, int expected, RoutedNamespaces namespaces, ProxyStats stats) {
    List<String> routed = namespaces.routedRegistrations(config);
    if (routed.isEmpty()) {
      return Optional.empty();
    }
    List<Map<String, Object>> locations = new ArrayList<>();
    for (String ns : routed) {
      Map<String, Object> location = new LinkedHashMap<>();
      location.put("name", namespaces.discover().get(ns).toString());
      location.put("namespace", ns);
      location.put("running_backends", stats.availableCount(ns));
      location.put("expected_backends", expected);
      locations.add(location);
    }
    return Optional.of(Map.of("locations", locations));
  }
}
