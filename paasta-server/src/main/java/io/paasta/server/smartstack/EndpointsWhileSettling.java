package io.paasta.server.smartstack;

import io.paasta.discovery.Endpoint;
import io.paasta.discovery.haproxy.BackendStats;
import io.paasta.discovery.haproxy.ProxyStats;
import io.paasta.discovery.haproxy.ServerStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the proxy keeps that ZooKeeper does not say: a namespace not read from ZooKeeper yet (it is
 * down, or the watch just started) is unknown, not empty, and keeps the backends HAProxy routes to;
 * and right after a daemon start, when ZooKeeper may not list this host's tasks yet (their
 * registrations ended with the old session), every backend is kept and new ones only added: for the
 * settle time, and past it for each namespace that ZooKeeper has listed no endpoint of since the
 * start (the restarted daemon has not re-registered its tasks yet: on a loaded machine its first
 * passes and health checks may come long after the settle time), at most until {@code giveUpAt}.
 * Pure.
 */
final class EndpointsWhileSettling {
  private EndpointsWhileSettling() {}

  /**
   * Whether HAProxy's servers of {@code namespace} are kept now: within the settle time after the
   * start ({@code settledAt}), or after it while ZooKeeper has listed no endpoint of the namespace
   * since the start ({@code listedSinceStart}), until {@code giveUpAt}.
   */
  static boolean settling(
      String namespace,
      Instant now,
      Instant settledAt,
      Instant giveUpAt,
      Set<String> listedSinceStart) {
    if (now.isBefore(settledAt)) {
      return true;
    }
    return now.isBefore(giveUpAt) && !listedSinceStart.contains(namespace);
  }

  /**
   * The wanted endpoints, plus the servers HAProxy routes to now (not in maintenance, not draining:
   * kept, a draining server would be rendered again as a ready one) of every namespace that is
   * settling, and of the namespaces ZooKeeper has not answered for.
   */
  static Map<String, List<Endpoint>> merge(
      ProxyStats routed, Map<String, List<Endpoint>> wanted, Predicate<String> settling) {
    Map<String, List<Endpoint>> merged = new LinkedHashMap<>(wanted);
    for (BackendStats backend : routed.backends().values()) {
      if (!settling.test(backend.name()) && wanted.containsKey(backend.name())) {
        continue;
      }
      List<Endpoint> list = new ArrayList<>(merged.getOrDefault(backend.name(), List.of()));
      for (ServerStats server : backend.servers()) {
        if (server.status().startsWith("MAINT") || server.status().startsWith("DRAIN")) {
          continue; // freed, or draining: its task is going away and takes no new traffic
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
