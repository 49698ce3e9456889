package io.paasta.discovery.location;

import io.paasta.model.NamespaceConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure resolution of a namespace's location words against this host's location: where its tasks are
 * registered ({@code advertise} plus matching {@code extra_advertise}) and where this host's proxy
 * finds its backends ({@code discover}).
 *
 * <p>{@code extra_advertise: {"habitat:a": ["region:b"]}} means: a host in {@code habitat:a} also
 * registers its tasks in {@code region:b}. Nerve converted each destination into the {@code
 * advertise} types with a topology of all locations; a host here knows only its own location, so
 * the destination is used as written.
 */
public final class NamespaceLocations {
  private NamespaceLocations() {}

  /**
   * The locations the tasks of this namespace on this host are registered in, without duplicates,
   * {@code advertise} ones first in their order.
   *
   * @throws LocationException when the host lacks an attribute or a location is malformed
   */
  public static List<Location> advertise(NamespaceConfig namespace, HostLocation host) {
    Set<Location> result = new LinkedHashSet<>();
    for (String type : namespace.advertise()) {
      result.add(host.require(type, "namespace " + namespace.name() + " (advertise)"));
    }
    String field = "smartstack.yaml " + namespace.name() + " extra_advertise";
    for (Map.Entry<String, List<String>> entry : namespace.extraAdvertise().entrySet()) {
      Location source = Location.parse(entry.getKey(), field);
      Location here = host.require(source.type(), field + " '" + source + "'");
      if (here.equals(source)) {
        for (String destination : entry.getValue()) {
          result.add(Location.parse(destination, field + " '" + source + "'"));
        }
      }
    }
    return new ArrayList<>(result);
  }

  /**
   * The location this host's proxy routes the namespace within.
   *
   * @throws LocationException when the host lacks the attribute
   */
  public static Location discover(NamespaceConfig namespace, HostLocation host) {
    return host.require(namespace.discover(), "namespace " + namespace.name() + " (discover)");
  }
}
