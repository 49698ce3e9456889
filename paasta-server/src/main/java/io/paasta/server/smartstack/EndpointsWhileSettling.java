package io.paasta.server.smartstack;

import io.paasta.discovery.Endpoint;
import io.paasta.discovery.haproxy.BackendStats;
import io.paasta.discovery.haproxy.ProxyStats;
import io.paasta.discovery.haproxy.ServerStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Right after a daemon start, ZooKeeper may not list this host's tasks yet (their registrations
 * ended with the old session): the proxy then keeps every backend it routes to and only adds new
 * ones. Pure.
 */
final class EndpointsWhileSettling {
  private EndpointsWhileSettling() {}

  /** The wanted endpoints plus every server HAProxy routes to now (not in maintenance). */
  static Map<String, List<Endpoint>> merge(ProxyStats routed, Map<String, List<Endpoint>> wanted) {
    Map<String, List<Endpoint>> merged = new LinkedHashMap<>(wanted);
    for (BackendStats backend : routed.backends().values()) {
      List<Endpoint> list = new ArrayList<>(merged.getOrDefault(backend.name(), List.of()));
      for (ServerStats server : backend.servers()) {
        if (server.status().startsWith("MAINT")) {
          continue;
        }
        int colon = server.address().lastIndexOf(':');
        if (colon <= 0) {
          continue;
        }
        String host = server.address().substring(0, colon);
        int port;
        try {
          port = Integer.parseInt(server.address().substring(colon + 1));
        } catch (NumberFormatException e) {
          continue;
        }
        boolean known = list.stream().anyMatch(e -> e.host().equals(host) && e.port() == port);
        if (!known && port > 1) {
          list.add(new Endpoint(host, port, host + "_" + port, Math.max(1, server.weight())));
        }
      }
      merged.put(backend.name(), List.copyOf(list));
    }
    return merged;
  }
}
