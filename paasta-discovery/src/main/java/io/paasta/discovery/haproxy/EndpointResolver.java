package io.paasta.discovery.haproxy;

import io.paasta.discovery.Endpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns registered endpoints into {@link Target}s HAProxy can route to: the runtime API takes IP
 * addresses only, so host names are resolved here. An endpoint whose host does not resolve is left
 * out with a problem; the namespace's other endpoints are kept.
 */
final class EndpointResolver {
  record Resolved(Map<String, List<Target>> targets, List<String> problems) {}

  private EndpointResolver() {}

  static Resolved resolve(Map<String, List<Endpoint>> endpoints, Collection<String> namespaces) {
    Map<String, List<Target>> targets = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String namespace : namespaces) {
      List<Target> list = new ArrayList<>();
      for (Endpoint endpoint : endpoints.getOrDefault(namespace, List.of())) {
        try {
          list.add(new Target(address(endpoint.host()), endpoint.port(), endpoint.weight()));
        } catch (UnknownHostException e) {
          problems.add(
              String.format(
                  "%s: endpoint %s (%s:%d) is not routed: host %s does not resolve",
                  namespace, endpoint.name(), endpoint.host(), endpoint.port(), endpoint.host()));
        }
      }
      targets.put(namespace, list);
    }
    return new Resolved(targets, problems);
  }

  static String address(String host) throws UnknownHostException {
    return InetAddress.getByName(host).getHostAddress();
  }
}
