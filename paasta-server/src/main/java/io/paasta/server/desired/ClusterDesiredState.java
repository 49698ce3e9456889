package io.paasta.server.desired;

import io.paasta.config.secrets.LocalKeyStore;
import io.paasta.config.secrets.SecretFiles;
import io.paasta.config.secrets.SecretSignatures;
import io.paasta.config.soa.LoadedService;
import io.paasta.model.InstanceConfig;
import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.SystemConfig;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.app.DesiredInstanceFactory;
import io.paasta.server.autoscaling.AutoscalerCounts;
import io.paasta.server.emergency.EmergencyDeployment;
import io.paasta.server.emergency.EmergencyStop;
import io.paasta.server.emergency.EmergencyStops;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What this cluster should run: every long-running instance of the soa-configs in this cluster,
 * with its desired app (empty when its deploy group is not deployed yet). Autoscaled instances run
 * the count stored in {@link AutoscalerCounts} (clamped to their bounds).
 */
public final class ClusterDesiredState {
  private final ServiceConfigs configs;
  private final SystemConfig system;
  private final AutoscalerCounts counts;
  private final boolean haproxyRuns;
  private final SecretSignatures signatures;
  private final InstanceRestarts restarts;
  private final EmergencyStops emergencyStops;

  /** Without stored autoscaler counts: autoscaled instances run max_instances. */
  public ClusterDesiredState(ServiceConfigs configs, SystemConfig system) {
    this(configs, system, AutoscalerCounts.none());
  }

  public ClusterDesiredState(ServiceConfigs configs, SystemConfig system, AutoscalerCounts counts) {
    this(configs, system, counts, false);
  }

  /**
   * @param haproxyRuns whether this daemon runs SmartStack's HAProxy: without it, {@code
   *     check_haproxy} is not applied (no task could ever be UP in it)
   */
  public ClusterDesiredState(
      ServiceConfigs configs, SystemConfig system, AutoscalerCounts counts, boolean haproxyRuns) {
    this(configs, system, counts, haproxyRuns, InstanceRestarts.NONE, EmergencyStops.none());
  }

  /**
   * @param restarts the restarts asked of the daemon itself, each a forced bounce
   * @param emergencyStops the instances stopped by {@code paasta emergency-stop}: they run no task
   *     while their stop is in force
   */
  public ClusterDesiredState(
      ServiceConfigs configs,
      SystemConfig system,
      AutoscalerCounts counts,
      boolean haproxyRuns,
      InstanceRestarts restarts,
      EmergencyStops emergencyStops) {
    this.restarts = restarts;
    this.emergencyStops = emergencyStops;
    this.haproxyRuns = haproxyRuns;
    this.configs = configs;
    this.system = system;
    this.counts = counts;
    this.signatures =
        new SecretSignatures(
            new SecretFiles(configs.soaRoot()), LocalKeyStore.ecosystem(system, system.cluster()));
  }

  /** The desired state of every instance of the cluster in soa-configs, by instance. */
  public Map<InstanceRef, Optional<DesiredInstance>> all() {
    Map<InstanceRef, Optional<DesiredInstance>> all = new LinkedHashMap<>();
    for (LoadedService loaded : configs.services().values()) {
      for (InstanceConfig instance : loaded.service().instancesIn(system.cluster())) {
        if (instance instanceof LongRunningConfig config) {
          all.put(config.ref(), desired(loaded, config));
        }
      }
    }
    return all;
  }

  /**
   * The desired state of one instance: present in the map when soa-configs has it (empty optional
   * when not deployed); absent when soa-configs does not have it (or its service is unknown).
   */
  public Optional<Optional<DesiredInstance>> of(InstanceRef ref) {
    return configs
        .service(ref.service())
        .flatMap(loaded -> loaded.service().instance(ref.cluster(), ref.instance()))
        .filter(i -> i instanceof LongRunningConfig && i.ref().kind() == ref.kind())
        .map(i -> desired(configs.service(ref.service()).orElseThrow(), (LongRunningConfig) i));
  }

  /** The instance as soa-configs has it; empty when gone from them (or its service is unknown). */
  public Optional<LongRunningConfig> config(InstanceRef ref) {
    return configs
        .service(ref.service())
        .flatMap(loaded -> loaded.service().instance(ref.cluster(), ref.instance()))
        .filter(i -> i instanceof LongRunningConfig && i.ref().kind() == ref.kind())
        .map(LongRunningConfig.class::cast);
  }

  /** Changes each time the service's config as acted on changes (see {@link ServiceConfigs}). */
  public long generation(String service) {
    return configs.generation(service);
  }

  /** Services whose tasks must be left alone (config never loaded). */
  public Set<String> unknownServices() {
    return configs.unknownServices();
  }

  /** The instance's emergency stop, when one is in force. */
  public Optional<EmergencyStop> emergencyStop(InstanceRef ref) {
    return configs
        .service(ref.service())
        .flatMap(
            loaded ->
                config(ref)
                    .flatMap(
                        config ->
                            emergencyStops.inForce(
                                ref,
                                EmergencyDeployment.of(config, loaded.service().deployments()))));
  }

  private Optional<DesiredInstance> desired(LoadedService loaded, LongRunningConfig config) {
    boolean stopped =
        emergencyStops
            .inForce(config.ref(), EmergencyDeployment.of(config, loaded.service().deployments()))
            .isPresent();
    return DesiredInstanceFactory.create(
            config,
            loaded
                .service()
                .deployments()
                .map(
                    d ->
                        restarts
                            .of(config.ref())
                            .map(mark -> InstanceRestarts.applied(d, config.ref(), mark))
                            .orElse(d)),
            system,
            loaded.service().config(),
            config.autoscaled() ? counts.get(config.ref()) : OptionalInt.empty(),
            signatures.of(loaded, config.container().env()))
        .map(d -> haproxyRuns ? d : withoutHaproxyCheck(d))
        .map(d -> stopped ? with(d, 0, d.checkHaproxy()) : d);
  }

  /**
   * A daemon without SmartStack runs no HAProxy, so no task could ever be "UP in HAProxy": {@code
   * check_haproxy} is not applied, or SmartStack instances would never bounce.
   */
  private static DesiredInstance withoutHaproxyCheck(DesiredInstance d) {
    return d.checkHaproxy() ? with(d, d.instances(), false) : d;
  }

  private static DesiredInstance with(DesiredInstance d, int instances, boolean checkHaproxy) {
    return new DesiredInstance(
        d.ref(),
        d.appId(),
        d.gitSha(),
        d.configHash(),
        d.run(),
        instances,
        d.bounceMethod(),
        d.bounceMarginFactor(),
        d.drainMethod(),
        d.drainMethodParams(),
        d.minTaskUptime(),
        checkHaproxy,
        d.backoffFactor(),
        d.maxLaunchDelay());
  }
}
