package io.paasta.discovery.registration;

import io.paasta.discovery.Endpoint;
import io.paasta.discovery.location.HostLocation;
import io.paasta.discovery.location.Location;
import io.paasta.discovery.location.LocationException;
import io.paasta.discovery.location.NamespaceLocations;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.ServiceInstance;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, without I/O, which nerve registrations an instance should have: every running, healthy,
 * non-draining task with a port is registered in each namespace of the instance's {@code
 * registrations}, at each location the namespace advertises from this host (SPEC section 7).
 */
public final class RegistrationPlanner {
  /** The host registered for tasks on host networking of this machine. */
  public static final String LOOPBACK = "127.0.0.1";

  private final String advertisedHost;
  private final HostLocation hostLocation;

  /**
   * @param advertisedHost the address other hosts reach this host's tasks on (loopback here)
   * @param hostLocation this host's location attributes
   */
  public RegistrationPlanner(String advertisedHost, HostLocation hostLocation) {
    NervePaths.nodeName(advertisedHost, 1); // validates the host
    this.advertisedHost = advertisedHost;
    this.hostLocation = hostLocation;
  }

  /**
   * The registrations wanted for one instance.
   *
   * @param config the instance (its {@code registrations} and {@code weight})
   * @param namespaces every known namespace config, of any service (registrations may cross
   *     services)
   * @param tasks the instance's observed tasks, of every app
   */
  public RegistrationPlan plan(
      LongRunningConfig config,
      Map<ServiceInstance, NamespaceConfig> namespaces,
      List<ObservedTask> tasks) {
    List<String> problems = new ArrayList<>();
    int weight = weight(config, problems);
    List<Integer> ports = registrablePorts(tasks);
    Set<Registration> registrations = new LinkedHashSet<>();
    for (ServiceInstance name : config.registrations()) {
      NamespaceConfig namespace = namespaces.get(name);
      if (namespace == null) {
        problems.add(
            config.ref()
                + ": registrations names "
                + name
                + ", which is not a namespace of smartstack.yaml of service "
                + name.service()
                + "; its tasks are not registered there");
        continue;
      }
      List<Location> locations;
      try {
        locations = NamespaceLocations.advertise(namespace, hostLocation);
      } catch (LocationException e) {
        problems.add(config.ref() + ": not registered in " + name + ": " + e.getMessage());
        continue;
      }
      for (Location location : locations) {
        for (int port : ports) {
          registrations.add(registration(location, name, port, weight));
        }
      }
    }
    return new RegistrationPlan(registrations, problems);
  }

  /** Whether a task is to be registered: running, healthy, not draining, with a port. */
  public static boolean registrable(ObservedTask task) {
    return task.state() == TaskState.RUNNING
        && task.health() == HealthState.HEALTHY
        && task.drain() == DrainState.NOT_DRAINING
        && task.port0().isPresent();
  }

  private static List<Integer> registrablePorts(List<ObservedTask> tasks) {
    return tasks.stream()
        .filter(RegistrationPlanner::registrable)
        .map(task -> task.port0().getAsInt())
        .distinct()
        .sorted()
        .toList();
  }

  private Registration registration(
      Location location, ServiceInstance namespace, int port, int weight) {
    String name = NervePaths.nodeName(advertisedHost, port);
    return new Registration(
        NervePaths.nodePath(location, namespace, advertisedHost, port),
        new Endpoint(advertisedHost, port, name, weight));
  }

  /** The instance's {@code weight}, or the default when it has none or an unusable one. */
  private static int weight(LongRunningConfig config, List<String> problems) {
    Object value = config.effective().get("weight");
    if (value == null) {
      return EndpointJson.DEFAULT_WEIGHT;
    }
    if (value instanceof Number number
        && number.doubleValue() == number.intValue()
        && number.intValue() >= 1
        && number.intValue() <= EndpointJson.MAX_WEIGHT) {
      return number.intValue();
    }
    problems.add(
        config.ref()
            + ": weight is "
            + value
            + "; expected an integer 1-"
            + EndpointJson.MAX_WEIGHT
            + " (HAProxy's range); registered with weight "
            + EndpointJson.DEFAULT_WEIGHT);
    return EndpointJson.DEFAULT_WEIGHT;
  }
}
