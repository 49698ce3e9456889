package io.paasta.server.smartstack;

import io.paasta.discovery.haproxy.ProxyStats;
import io.paasta.model.LongRunningConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * An instance's SmartStack numbers: for each namespace it registers in that this host routes, the
 * backends UP in HAProxy at the namespace's discover location, against the count expected there
 * (over every instance registered in it). Pure.
 */
public final class SmartStackStatus {
  private SmartStackStatus() {}

  /**
   * The replication the instance's check reads (see {@link NamespaceReplication}): UP backends of
   * its own namespace at its discover location, against the count expected there; empty when it is
   * judged by its own tasks.
   *
   * @param expectedIn the count expected in a namespace over every instance registered in it
   */
  public static Optional<NamespaceReplication> replication(
      LongRunningConfig config,
      RoutedNamespaces namespaces,
      ProxyStats stats,
      ToIntFunction<String> expectedIn) {
    return NamespaceReplication.checkedNamespace(
            config.ref(), config.registrations(), namespaces.routedRegistrations(config))
        .map(
            ns ->
                new NamespaceReplication(
                    Map.of(namespaces.discover().get(ns).toString(), stats.availableCount(ns)),
                    expectedIn.applyAsInt(ns)));
  }

  /**
   * {@code {"locations": [{"name", "namespace", "running_backends", "expected_backends"}]}}; empty
   * when none of the instance's namespaces is routed here.
   */
  public static Optional<Map<String, Object>> document(
      LongRunningConfig config,
      ToIntFunction<String> expectedIn,
      RoutedNamespaces namespaces,
      ProxyStats stats) {
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
      location.put("expected_backends", expectedIn.applyAsInt(ns));
      locations.add(location);
    }
    return Optional.of(Map.of("locations", locations));
  }
}
