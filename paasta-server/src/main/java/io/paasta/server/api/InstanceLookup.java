package io.paasta.server.api;

import io.paasta.config.soa.LoadedService;
import io.paasta.model.AdhocConfig;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.LongRunningConfig;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.status.StatusRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds services, long-running instances and scheduled jobs of this cluster in the daemon's
 * soa-configs (each service's last good load), or answers 404 saying what is there.
 */
public final class InstanceLookup {
  private final ServiceConfigs configs;
  private final StatusRegistry status;
  private final String cluster;

  public InstanceLookup(ServiceConfigs configs, StatusRegistry status, String cluster) {
    this.configs = configs;
    this.status = status;
    this.cluster = cluster;
  }

  /** A long-running instance of this cluster and its service. */
  public record Found(LoadedService loaded, LongRunningConfig config) {
    public InstanceRef ref() {
      return config.ref();
    }
  }

  /** A scheduled job ({@code chronos-<cluster>.yaml}) of this cluster and its service. */
  public record FoundJob(LoadedService loaded, JobConfig config) {
    public InstanceRef ref() {
      return config.ref();
    }

    /** The sha deployments.json names for the job's deploy group; empty when none. */
    public Optional<String> gitSha() {
      return loaded
          .service()
          .deployments()
          .flatMap(d -> d.forDeployGroup(config.deployGroup()))
          .map(d -> d.gitSha());
    }
  }

  public String cluster() {
    return cluster;
  }

  /** Services with at least one long-running instance in this cluster, sorted. */
  public List<String> services() {
    return configs.services().values().stream()
        .filter(loaded -> !longRunning(loaded).isEmpty())
        .map(loaded -> loaded.service().name())
        .sorted()
        .toList();
  }

  /**
   * The long-running instances of a service in this cluster, sorted.
   *
   * @throws ProblemException 404 when the service is unknown or has none here
   */
  public List<String> instances(String service) {
    LoadedService loaded = service(service);
    List<String> names =
        longRunning(loaded).stream().map(c -> c.ref().instance()).sorted().toList();
    if (names.isEmpty()) {
      throw ProblemException.notFound(
          "service '" + service + "' has no long-running instance in cluster '" + cluster + "'");
    }
    return names;
  }

  /**
   * @throws ProblemException 404 when the service or instance is unknown here
   */
  public Found instance(String service, String instance) {
    LoadedService loaded = service(service);
    Optional<LongRunningConfig> config =
        longRunning(loaded).stream().filter(c -> c.ref().instance().equals(instance)).findFirst();
    if (config.isEmpty()) {
      List<String> names =
          longRunning(loaded).stream().map(c -> c.ref().instance()).sorted().toList();
      throw ProblemException.notFound(
          "service '"
              + service
              + "' has no long-running instance '"
              + instance
              + "' in cluster '"
              + cluster
              + "'"
              + (names.isEmpty() ? "" : " (its instances here: " + String.join(", ", names) + ")"));
    }
    return new Found(loaded, config.get());
  }

  /**
   * The scheduled job {@code instance} of {@code service}; empty when the service has no such job
   * here (it may be a long-running instance).
   *
   * @throws ProblemException 404 when the service is unknown here
   */
  public Optional<FoundJob> job(String service, String instance) {
    LoadedService loaded = service(service);
    return loaded.service().instancesIn(cluster).stream()
        .filter(c -> c instanceof JobConfig && c.ref().instance().equals(instance))
        .map(c -> new FoundJob(loaded, (JobConfig) c))
        .findFirst();
  }

  /** An adhoc instance ({@code adhoc-<cluster>.yaml}) of this cluster and its service. */
  public record FoundAdhoc(LoadedService loaded, AdhocConfig config) {
    public InstanceRef ref() {
      return config.ref();
    }
  }

  /**
   * The adhoc instance {@code instance} of {@code service}; empty when the service has none such
   * here.
   *
   * @throws ProblemException 404 when the service is unknown here
   */
  public Optional<FoundAdhoc> adhoc(String service, String instance) {
    LoadedService loaded = service(service);
    return ofType(loaded, AdhocConfig.class)
        .filter(c -> c.ref().instance().equals(instance))
        .map(c -> new FoundAdhoc(loaded, c))
        .findFirst();
  }

  /**
   * @throws ProblemException 404 naming {@code adhoc-<cluster>.yaml} when the service is unknown
   *     here or has no such adhoc instance
   */
  public FoundAdhoc requireAdhoc(String service, String instance) {
    return adhoc(service, instance)
        .orElseThrow(() -> missing(service, "adhoc instance", instance, AdhocConfig.class));
  }

  /** A 404 saying the service has no such instance of one kind here, naming its file and those. */
  private ProblemException missing(
      String service, String what, String instance, Class<? extends InstanceConfig> type) {
    List<String> names =
        ofType(service(service), type).map(c -> c.ref().instance()).sorted().toList();
    String file =
        (type == AdhocConfig.class ? "adhoc-" : "chronos-")
            + cluster
            + ".yaml"
            + (type == AdhocConfig.class ? " of " + service : "");
    return ProblemException.notFound(
        "service '"
            + service
            + "' has no "
            + what
            + " '"
            + instance
            + "' in cluster '"
            + cluster
            + "' ("
            + file
            + (names.isEmpty() ? " has none" : " has: " + String.join(", ", names))
            + ")");
  }

  private <T extends InstanceConfig> java.util.stream.Stream<T> ofType(
      LoadedService loaded, Class<T> type) {
    return loaded.service().instancesIn(cluster).stream().filter(type::isInstance).map(type::cast);
  }

  /**
   * @throws ProblemException 404 when the service is unknown here or {@code instance} is no job of
   *     it
   */
  public FoundJob requireJob(String service, String instance) {
    return job(service, instance)
        .orElseThrow(() -> missing(service, "scheduled job", instance, JobConfig.class));
  }

  private LoadedService service(String service) {
    Optional<LoadedService> loaded = configs.service(service);
    if (loaded.isPresent()) {
      return loaded.get();
    }
    if (configs.unknownServices().contains(service)) {
      List<String> problems = status.serviceProblems().getOrDefault(service, List.of());
      if (problems.isEmpty()) {
        // its files changed moments ago: the daemon waits for them to settle before loading
        throw new ProblemException(
            503,
            "service '"
                + service
                + "' is not loaded yet: its files changed moments ago and the daemon waits for"
                + " them to settle; try again in a few seconds",
            Map.of("Retry-After", "2"));
      }
      throw ProblemException.notFound(
          "service '"
              + service
              + "' has config problems and was never loaded: "
              + problems.get(0)
              + " (run `paasta validate -s "
              + service
              + "`)");
    }
    throw ProblemException.notFound(
        "unknown service '" + service + "': the daemon's soa-configs have no such service");
  }

  private List<LongRunningConfig> longRunning(LoadedService loaded) {
    return loaded.service().instancesIn(cluster).stream()
        .filter(InstanceLookup::isLongRunning)
        .map(LongRunningConfig.class::cast)
        .toList();
  }

  private static boolean isLongRunning(InstanceConfig config) {
    return config instanceof LongRunningConfig;
  }
}
