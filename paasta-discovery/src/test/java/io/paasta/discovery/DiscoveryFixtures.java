package io.paasta.discovery;

import io.paasta.model.BounceHealthParams;
import io.paasta.model.BounceMethod;
import io.paasta.model.ContainerConfig;
import io.paasta.model.DrainMethod;
import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.MonitoringConfig;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.NetworkMode;
import io.paasta.model.ProxyMode;
import io.paasta.model.ServiceInstance;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Configs and observed tasks for discovery tests, with soa-configs defaults. */
public final class DiscoveryFixtures {
  private DiscoveryFixtures() {}

  public static ServiceInstance ns(String dotted) {
    return ServiceInstance.parse(dotted).orElseThrow();
  }

  public static NamespaceConfig namespace(String dotted) {
    return namespace(dotted, NamespaceConfig.DEFAULT_ADVERTISE, Map.of(), "region");
  }

  public static NamespaceConfig namespace(
      String dotted, List<String> advertise, Map<String, List<String>> extra, String discover) {
    return new NamespaceConfig(
        ns(dotted),
        OptionalInt.of(20001),
        ProxyMode.HTTP,
        Optional.empty(),
        "/status",
        OptionalInt.empty(),
        1,
        Optional.empty(),
        200,
        1000,
        1000,
        1,
        discover,
        advertise,
        extra,
        List.of(),
        Map.of());
  }

  public static InstanceRef ref(String service, String instance) {
    return new InstanceRef(service, "local", instance, InstanceKind.MARATHON);
  }

  public static LongRunningConfig instance(
      InstanceRef ref, List<ServiceInstance> registrations, Map<String, Object> effective) {
    ContainerConfig container =
        new ContainerConfig(
            0.25,
            1024,
            1024,
            Optional.of("httpd -f -p $PORT0"),
            List.of(),
            Map.of(),
            List.of(),
            NetworkMode.BRIDGE,
            8888,
            "default",
            List.of(),
            List.of(),
            Map.of(),
            List.of(),
            100000,
            900,
            Map.of());
    return new LongRunningConfig(
        ref,
        "local." + ref.instance(),
        container,
        3,
        OptionalInt.empty(),
        OptionalInt.empty(),
        BounceMethod.CROSSOVER,
        1.0,
        new BounceHealthParams(false, Optional.empty()),
        0,
        DrainMethod.NOOP,
        Map.of(),
        new Healthcheck(HealthcheckMode.HTTP, "/status", Optional.empty(), 60, 10, 10, 30),
        registrations,
        50,
        List.of(),
        List.of(),
        Map.of(),
        OptionalInt.empty(),
        2,
        300,
        new MonitoringConfig(
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
            Map.of()),
        effective);
  }

  public static ObservedTask task(
      String id, TaskState state, HealthState health, DrainState drain, OptionalInt port) {
    return new ObservedTask(
        id,
        "svc.main.git01234567.config89abcdef",
        state,
        state == TaskState.CREATED ? Optional.empty() : Optional.of(Instant.EPOCH),
        Optional.empty(),
        OptionalInt.empty(),
        port,
        health,
        drain,
        false);
  }

  /** A running, healthy, not draining task on a port: registrable. */
  public static ObservedTask healthy(String id, int port) {
    return task(
        id, TaskState.RUNNING, HealthState.HEALTHY, DrainState.NOT_DRAINING, OptionalInt.of(port));
  }
}
