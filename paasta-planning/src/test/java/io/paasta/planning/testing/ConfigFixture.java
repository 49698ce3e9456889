package io.paasta.planning.testing;

import io.paasta.model.BounceHealthParams;
import io.paasta.model.BounceMethod;
import io.paasta.model.ContainerConfig;
import io.paasta.model.Deployments;
import io.paasta.model.DesiredState;
import io.paasta.model.DrainMethod;
import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.MonitoringConfig;
import io.paasta.model.NetworkMode;
import io.paasta.model.ServiceConfig;
import io.paasta.model.SystemConfig;
import io.paasta.model.Ulimit;
import io.paasta.model.Volume;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.app.DesiredInstanceFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A mutable builder of a long-running instance config with soa-configs defaults, for tests. */
public final class ConfigFixture {
  public static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  public static final String IMAGE = "services-svc:paasta-" + SHA;

  public String service = "svc";
  public String instance = "main";
  public String cluster = "local";
  public String deployGroup = "local.main";
  public double cpus = ContainerConfig.DEFAULT_CPUS;
  public double mem = ContainerConfig.DEFAULT_MEM;
  public double disk = ContainerConfig.DEFAULT_DISK;
  public Optional<String> cmd = Optional.of("httpd -f -p $PORT0");
  public List<String> args = List.of();
  public Map<String, String> env = new LinkedHashMap<>();
  public List<Volume> extraVolumes = new ArrayList<>();
  public List<List<String>> constraints = List.of();
  public Map<String, Ulimit> ulimit = Map.of();
  public List<String> capAdd = List.of();
  public int cfsPeriodUs = ContainerConfig.DEFAULT_CFS_PERIOD_US;
  public double cpuBurstPct = ContainerConfig.DEFAULT_CPU_BURST_PCT;
  public Map<String, String> extraDockerArgs = Map.of();
  public int instances = 3;
  public OptionalInt minInstances = OptionalInt.empty();
  public OptionalInt maxInstances = OptionalInt.empty();
  public BounceMethod bounceMethod = BounceMethod.CROSSOVER;
  public double margin = 1.0;
  public Optional<Duration> minTaskUptime = Optional.empty();
  public boolean checkHaproxy = false;
  public DrainMethod drainMethod = DrainMethod.NOOP;
  public Map<String, Object> drainParams = Map.of();
  public Healthcheck healthcheck =
      new Healthcheck(HealthcheckMode.HTTP, "/status", Optional.empty(), 60, 10, 10, 30);
  public double backoffFactor = 2;
  public double maxLaunchDelaySeconds = 300;
  public String gitSha = SHA;
  public String dockerImage = IMAGE;
  public DesiredState desiredState = DesiredState.START;
  public Optional<String> forceBounce = Optional.empty();
  public Optional<String> serviceRegistry = Optional.empty();
  public List<Volume> systemVolumes = List.of();

  /** Signature by env value ({@code SECRET(name)}) of the secrets the env refers to. */
  public Map<String, String> secretSignatures = new LinkedHashMap<>();

  public InstanceRef ref() {
    return new InstanceRef(service, cluster, instance, InstanceKind.MARATHON);
  }

  public LongRunningConfig config() {
    ContainerConfig container =
        new ContainerConfig(
            cpus,
            mem,
            disk,
            cmd,
            args,
            env,
            extraVolumes,
            NetworkMode.BRIDGE,
            ContainerConfig.DEFAULT_CONTAINER_PORT,
            "default",
            constraints,
            List.of(),
            ulimit,
            capAdd,
            cfsPeriodUs,
            cpuBurstPct,
            extraDockerArgs);
    return new LongRunningConfig(
        ref(),
        deployGroup,
        container,
        instances,
        minInstances,
        maxInstances,
        bounceMethod,
        margin,
        new BounceHealthParams(checkHaproxy, minTaskUptime),
        0,
        drainMethod,
        drainParams,
        healthcheck,
        List.of(),
        50,
        List.of(),
        List.of(),
        Map.of(),
        OptionalInt.empty(),
        backoffFactor,
        maxLaunchDelaySeconds,
        noMonitoring(),
        Map.of());
  }

  public Deployments deployments() {
    return new Deployments(
        Map.of(deployGroup, new Deployments.DeployGroupDeployment(dockerImage, gitSha)),
        Map.of(
            Deployments.controlKey(service, cluster, instance),
            new Deployments.Control(desiredState, forceBounce)));
  }

  public SystemConfig system() {
    return new SystemConfig(
        cluster,
        "registry.local:5000",
        Optional.empty(),
        systemVolumes,
        Map.of(),
        Map.of(),
        "localhost",
        3030,
        "localhost",
        3212,
        Optional.empty(),
        Map.of());
  }

  public ServiceConfig serviceConfig() {
    return new ServiceConfig(
        service, Optional.empty(), Optional.empty(), Optional.empty(), serviceRegistry, Map.of());
  }

  public DesiredInstance desired() {
    return DesiredInstanceFactory.create(
            config(),
            Optional.of(deployments()),
            system(),
            serviceConfig(),
            OptionalInt.empty(),
            secretSignatures)
        .orElseThrow();
  }

  private static MonitoringConfig noMonitoring() {
    return new MonitoringConfig(
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        false,
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Map.of());
  }
}
