package io.paasta.server.metastatus;

import io.paasta.model.ContainerConfig;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.LongRunningConfig;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.capacity.Resource;
import io.paasta.planning.capacity.Resources;
import io.paasta.planning.capacity.Slots;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.jobs.JobsView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code paasta metastatus}'s view of this cluster, read afresh: its hosts' capacity against what
 * the live tasks reserve, the tasks by state, how many instances and jobs it runs, the health of
 * the parts it needs, and (when asked) how many more copies of one instance fit.
 */
public final class Metastatus {
  /**
   * @param backendName {@code local} or {@code kubernetes}
   * @param components the health of ZooKeeper and HAProxy (none when SmartStack does not run)
   */
  public record Sources(
      String cluster,
      String version,
      String backendName,
      HostCapacity hosts,
      Backend backend,
      ServiceConfigs configs,
      JobsView jobs,
      Supplier<List<ComponentHealth>> components) {}

  private final Sources sources;

  public Metastatus(Sources sources) {
    this.sources = sources;
  }

  /**
   * The document {@code GET /v1/metastatus} answers.
   *
   * @param slotsOf the instance whose slots to tell; empty for none
   */
  public Map<String, Object> document(Optional<InstanceConfig> slotsOf) {
    List<InstanceRef> jobs = sources.jobs().jobs();
    List<InstanceRef> runningJobs =
        jobs.stream()
            .filter(ref -> sources.jobs().status(ref).flatMap(s -> s.running()).isPresent())
            .toList();
    TaskTally tally =
        TaskTally.of(sources.backend().observeAll(), runningJobs, this::reservedPerTask);
    List<HostCapacity.Host> hosts = sources.hosts().hosts();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("cluster", sources.cluster());
    doc.put("version", sources.version());
    doc.put("backend", sources.backendName());
    doc.put("hosts", hosts.stream().map(h -> host(h, tally.used(), hosts.size())).toList());
    doc.put(
        "tasks",
        Map.of(
            "running", tally.running(),
            "starting", tally.starting(),
            "unhealthy", tally.unhealthy(),
            "unknown_config", tally.unknownConfig()));
    doc.put("instances", Map.of("long_running", longRunningCount(), "jobs", jobs.size()));
    doc.put(
        "components", sources.components().get().stream().map(ComponentHealth::document).toList());
    slotsOf.ifPresent(config -> doc.put("slots", slots(config, hosts, tally.used())));
    return doc;
  }

  /** An instance's configured reservation per task; empty when soa-configs no longer has it. */
  private Optional<Resources> reservedPerTask(InstanceRef ref) {
    return configOf(ref).map(c -> reservation(c.container()));
  }

  private Optional<InstanceConfig> configOf(InstanceRef ref) {
    return instancesOf(ref.service()).stream().filter(i -> i.ref().equals(ref)).findFirst();
  }

  /**
   * The instance named {@code instance} of the service in this cluster (a long-running one before a
   * job or adhoc one of the same name); empty when there is none.
   */
  public Optional<InstanceConfig> instance(String service, String instance) {
    return instancesOf(service).stream()
        .filter(i -> i.ref().instance().equals(instance))
        .min(
            java.util.Comparator.comparing(
                (InstanceConfig i) -> i instanceof LongRunningConfig ? 0 : 1));
  }

  private List<InstanceConfig> instancesOf(String service) {
    return sources
        .configs()
        .service(service)
        .map(loaded -> loaded.service().instancesIn(sources.cluster()))
        .orElse(List.of());
  }

  private long longRunningCount() {
    return sources.configs().services().values().stream()
        .flatMap(loaded -> loaded.service().instancesIn(sources.cluster()).stream())
        .filter(LongRunningConfig.class::isInstance)
        .count();
  }

  /**
   * On one host everything used is on it; several hosts (not served by the local backend) share it
   * evenly.
   */
  private static Map<String, Object> host(HostCapacity.Host host, Resources used, int hosts) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("hostname", host.hostname());
    doc.put("attributes", Map.of("pool", host.pool(), "hostname", host.hostname()));
    doc.put("total", resources(host.total()));
    doc.put(
        "used",
        resources(new Resources(used.cpus() / hosts, used.mem() / hosts, used.disk() / hosts)));
    return doc;
  }

  private static Map<String, Object> slots(
      InstanceConfig config, List<HostCapacity.Host> hosts, Resources used) {
    Resources total =
        hosts.stream().map(HostCapacity.Host::total).reduce(Resources.ZERO, Resources::plus);
    Resources perTask = reservation(config.container());
    Slots slots = Slots.of(total.minus(used), perTask);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("service", config.ref().service());
    doc.put("instance", config.ref().instance());
    doc.put("kind", config instanceof JobConfig ? "job" : "long_running");
    doc.put("per_task", resources(perTask));
    doc.put("slots", slots.count());
    doc.put("limiting", slots.limiting().map(Resource::field).orElse(null));
    return doc;
  }

  private static Resources reservation(ContainerConfig container) {
    return new Resources(container.cpus(), container.mem(), container.disk());
  }

  static Map<String, Object> resources(Resources r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("cpus", r.cpus());
    doc.put("mem", r.mem());
    doc.put("disk", r.disk());
    return doc;
  }
}
