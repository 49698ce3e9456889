package io.paasta.server.smartstack;

import io.paasta.config.soa.LoadedService;
import io.paasta.discovery.haproxy.FrontendSpec;
import io.paasta.discovery.location.HostLocation;
import io.paasta.discovery.location.Location;
import io.paasta.discovery.location.LocationException;
import io.paasta.discovery.location.NamespaceLocations;
import io.paasta.discovery.watch.NamespaceDiscovery;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.ServiceInstance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SmartStack namespaces of the soa-configs as this host sees them: every namespace (for
 * registrations), the routed ones (with a proxy_port: a frontend in the local HAProxy) and where
 * each is discovered. Pure: derived from the loaded services and the host's location.
 *
 * @param all every namespace of every service, by {@code service.namespace}
 * @param frontends the namespaces this host's HAProxy serves
 * @param discover where this host discovers each routed namespace
 * @param problems namespaces left out, and why (a location the host config lacks)
 */
public record RoutedNamespaces(
    Map<ServiceInstance, NamespaceConfig> all,
    List<FrontendSpec> frontends,
    Map<String, Location> discover,
    List<String> problems) {

  public RoutedNamespaces {
    all = Map.copyOf(all);
    frontends = List.copyOf(frontends);
    discover = Map.copyOf(discover);
    problems = List.copyOf(problems);
  }

  public static final RoutedNamespaces NONE =
      new RoutedNamespaces(Map.of(), List.of(), Map.of(), List.of());

  public static RoutedNamespaces of(Collection<LoadedService> services, HostLocation host) {
    Map<ServiceInstance, NamespaceConfig> all = new TreeMap<>(BY_NAME);
    for (LoadedService loaded : services) {
      for (NamespaceConfig ns : loaded.service().namespaces().values()) {
        all.put(ns.name(), ns);
      }
    }
    List<FrontendSpec> frontends = new ArrayList<>();
    Map<String, Location> discover = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (NamespaceConfig ns : all.values()) {
      Optional<FrontendSpec> frontend = FrontendSpec.of(ns);
      if (frontend.isEmpty()) {
        continue;
      }
      try {
        discover.put(ns.name().toString(), NamespaceLocations.discover(ns, host));
        frontends.add(frontend.get());
      } catch (LocationException e) {
        problems.add("namespace " + ns.name() + " is not routed: " + e.getMessage());
      }
    }
    return new RoutedNamespaces(all, frontends, discover, problems);
  }

  /** What the discovery watcher follows: each routed namespace at its discover location. */
  public Set<NamespaceDiscovery> watched() {
    Set<NamespaceDiscovery> watched = new LinkedHashSet<>();
    for (NamespaceConfig ns : all.values()) {
      Location location = discover.get(ns.name().toString());
      if (location != null) {
        watched.add(new NamespaceDiscovery(ns.name(), location));
      }
    }
    return watched;
  }

  /** The namespaces an instance registers in that this host's HAProxy routes, in order. */
  public List<String> routedRegistrations(LongRunningConfig config) {
    return config.registrations().stream()
        .map(ServiceInstance::toString)
        .filter(discover::containsKey)
        .distinct()
        .toList();
  }

  private static final java.util.Comparator<ServiceInstance> BY_NAME =
      java.util.Comparator.comparing(ServiceInstance::toString);
}
