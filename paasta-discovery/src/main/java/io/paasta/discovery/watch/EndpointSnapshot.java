package io.paasta.discovery.watch;

import io.paasta.discovery.Endpoint;
import io.paasta.discovery.registration.EndpointJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure: turns the nodes read under each watched namespace into endpoints, setting aside the ones
 * that cannot be routed to.
 *
 * @param endpoints per {@code service.namespace}, sorted by host and port, one per host and port
 * @param garbage the unusable nodes: path to what is wrong with it
 */
public record EndpointSnapshot(Map<String, List<Endpoint>> endpoints, Map<String, String> garbage) {
  private static final Comparator<Endpoint> ORDER =
      Comparator.comparing(Endpoint::host).thenComparingInt(Endpoint::port);

  public EndpointSnapshot {
    endpoints = Collections.unmodifiableMap(new TreeMap<>(endpoints));
    garbage = Collections.unmodifiableMap(new TreeMap<>(garbage));
  }

  /** The nodes of one namespace: its path and the data of every node read under it. */
  public record NamespaceNodes(String path, Map<String, byte[]> nodes) {}

  /**
   * Builds a snapshot. Only direct children of a namespace's path are registrations; the path
   * itself and deeper nodes are not looked at.
   */
  public static EndpointSnapshot of(Map<String, NamespaceNodes> namespaces) {
    Map<String, List<Endpoint>> endpoints = new LinkedHashMap<>();
    Map<String, String> garbage = new LinkedHashMap<>();
    namespaces.forEach((name, read) -> endpoints.put(name, endpoints(read, garbage)));
    return new EndpointSnapshot(endpoints, garbage);
  }

  private static List<Endpoint> endpoints(NamespaceNodes read, Map<String, String> garbage) {
    String prefix = read.path() + "/";
    Map<String, Endpoint> byAddress = new TreeMap<>();
    new TreeMap<>(read.nodes())
        .forEach(
            (path, data) -> {
              if (!path.startsWith(prefix) || path.indexOf('/', prefix.length()) >= 0) {
                return;
              }
              try {
                Endpoint endpoint = EndpointJson.decode(data);
                byAddress.putIfAbsent(endpoint.host() + ":" + endpoint.port(), endpoint);
              } catch (IllegalArgumentException e) {
                garbage.put(path, e.getMessage());
              }
            });
    List<Endpoint> sorted = new ArrayList<>(byAddress.values());
    sorted.sort(ORDER);
    return List.copyOf(sorted);
  }
}
