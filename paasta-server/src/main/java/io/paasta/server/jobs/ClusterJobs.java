package io.paasta.server.jobs;

import io.paasta.config.schedule.ScheduleTimes;
import io.paasta.config.secrets.LocalKeyStore;
import io.paasta.config.secrets.SecretFiles;
import io.paasta.config.secrets.SecretSignatures;
import io.paasta.config.soa.LoadedService;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.model.SystemConfig;
import io.paasta.model.schedule.RunTimes;
import io.paasta.planning.app.DesiredJobFactory;
import io.paasta.planning.jobs.DesiredJob;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.emergency.EmergencyDeployment;
import io.paasta.server.emergency.EmergencyStop;
import io.paasta.server.emergency.EmergencyStops;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs of this cluster's soa-configs ({@code chronos-<cluster>.yaml}) as the scheduler plans
 * them: each service's last good config and deployments.json turned into {@link DesiredJob}s, made
 * again only when the service's config changes.
 */
public final class ClusterJobs {
  private final ServiceConfigs configs;
  private final SystemConfig system;
  private final SecretSignatures signatures;
  private final EmergencyStops emergencyStops;
  private final Map<String, Made> made = new ConcurrentHashMap<>();

  private record Made(long generation, List<DesiredJob> jobs) {}

  public ClusterJobs(ServiceConfigs configs, SystemConfig system) {
    this(configs, system, EmergencyStops.none());
  }

  /**
   * @param emergencyStops the jobs stopped by {@code paasta emergency-stop}: disabled while their
   *     stop is in force
   */
  public ClusterJobs(ServiceConfigs configs, SystemConfig system, EmergencyStops emergencyStops) {
    this.emergencyStops = emergencyStops;
    this.configs = configs;
    this.system = system;
    this.signatures =
        new SecretSignatures(
            new SecretFiles(configs.soaRoot()), LocalKeyStore.ecosystem(system, system.cluster()));
  }

  /** The cluster's name. */
  public String cluster() {
    return system.cluster();
  }

  /** Every job of the cluster, by ref (kind {@link InstanceKind#CHRONOS}). */
  public Map<InstanceRef, DesiredJob> all() {
    Map<String, LoadedService> services = configs.services();
    made.keySet().retainAll(services.keySet());
    Map<InstanceRef, DesiredJob> all = new LinkedHashMap<>();
    services.forEach(
        (name, loaded) -> {
          long generation = configs.generation(name);
          Made jobs = made.get(name);
          if (jobs == null || jobs.generation() != generation) {
            jobs = new Made(generation, make(loaded));
            made.put(name, jobs);
          }
          jobs.jobs().forEach(job -> all.put(job.ref(), emergency(loaded, job)));
        });
    return all;
  }

  /** The job disabled while an emergency stop is in force. */
  private DesiredJob emergency(LoadedService loaded, DesiredJob job) {
    if (job.disabled().isPresent()) {
      return job;
    }
    Optional<EmergencyStop> stop =
        config(job.ref())
            .flatMap(
                config ->
                    emergencyStops.inForce(
                        job.ref(), EmergencyDeployment.of(config, loaded.service().deployments())));
    if (stop.isEmpty()) {
      return job;
    }
    return new DesiredJob(
        job.ref(),
        job.times(),
        job.parents(),
        job.epsilon(),
        job.maxAttempts(),
        Optional.of(
            "emergency-stopped by "
                + stop.get().by()
                + " at "
                + stop.get().at()
                + " (paasta emergency-start resumes it)"),
        job.command(),
        job.zone(),
        job.template(),
        job.problem());
  }

  /** The job's config as soa-configs has it; empty when it is no job of this cluster. */
  public Optional<JobConfig> config(InstanceRef ref) {
    return configs
        .service(ref.service())
        .flatMap(loaded -> loaded.service().instance(system.cluster(), ref.instance()))
        .filter(JobConfig.class::isInstance)
        .map(JobConfig.class::cast);
  }

  /** The ref of a job as the scheduler keys it (whatever kind the caller gave). */
  public InstanceRef jobRef(InstanceRef ref) {
    return new InstanceRef(ref.service(), ref.cluster(), ref.instance(), InstanceKind.CHRONOS);
  }

  /** Services whose config never loaded: their jobs' runs and tasks are left alone. */
  public Set<String> unknownServices() {
    return configs.unknownServices();
  }

  /** Runs {@code listener} after every reload of soa-configs. */
  public void onReload(Runnable listener) {
    configs.onReload(listener);
  }

  /** The job's run times; empty (the job then has a problem) when its schedule cannot be read. */
  private static Optional<RunTimes> times(JobConfig job) {
    try {
      return ScheduleTimes.of(job);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private List<DesiredJob> make(LoadedService loaded) {
    List<DesiredJob> jobs = new ArrayList<>();
    for (InstanceConfig instance : loaded.service().instancesIn(system.cluster())) {
      if (instance instanceof JobConfig job) {
        jobs.add(
            DesiredJobFactory.create(
                job,
                loaded.service().deployments(),
                system,
                loaded.service().config(),
                times(job),
                signatures.of(loaded, job.container().env())));
      }
    }
    return jobs;
  }
}
