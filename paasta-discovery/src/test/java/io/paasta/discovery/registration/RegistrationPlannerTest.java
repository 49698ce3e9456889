package io.paasta.discovery.registration;

import static io.paasta.discovery.DiscoveryFixtures.healthy;
import static io.paasta.discovery.DiscoveryFixtures.instance;
import static io.paasta.discovery.DiscoveryFixtures.namespace;
import static io.paasta.discovery.DiscoveryFixtures.ns;
import static io.paasta.discovery.DiscoveryFixtures.ref;
import static io.paasta.discovery.DiscoveryFixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.discovery.Endpoint;
import io.paasta.discovery.location.HostLocation;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.ServiceInstance;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegistrationPlannerTest {
  private static final HostLocation HOST =
      new HostLocation(Map.of("habitat", "local1", "region", "local"));
  private static final RegistrationPlanner PLANNER =
      new RegistrationPlanner(RegistrationPlanner.LOOPBACK, HOST);
  private static final Map<ServiceInstance, NamespaceConfig> NAMESPACES =
      Map.of(
          ns("svc.main"), namespace("svc.main"),
          ns("svc.canary"),
              namespace("svc.canary", List.of("habitat", "region"), Map.of(), "region"),
          ns("other.api"), namespace("other.api"));

  static Stream<Arguments> taskTable() {
    return Stream.of(
        Arguments.of(
            "running, healthy, not draining",
            TaskState.RUNNING,
            HealthState.HEALTHY,
            DrainState.NOT_DRAINING,
            OptionalInt.of(31000),
            true),
        Arguments.of(
            "no port",
            TaskState.RUNNING,
            HealthState.HEALTHY,
            DrainState.NOT_DRAINING,
            OptionalInt.empty(),
            false),
        Arguments.of(
            "health unknown (grace period)",
            TaskState.RUNNING,
            HealthState.UNKNOWN,
            DrainState.NOT_DRAINING,
            OptionalInt.of(31000),
            false),
        Arguments.of(
            "unhealthy",
            TaskState.RUNNING,
            HealthState.UNHEALTHY,
            DrainState.NOT_DRAINING,
            OptionalInt.of(31000),
            false),
        Arguments.of(
            "failed",
            TaskState.RUNNING,
            HealthState.FAILED,
            DrainState.NOT_DRAINING,
            OptionalInt.of(31000),
            false),
        Arguments.of(
            "draining",
            TaskState.RUNNING,
            HealthState.HEALTHY,
            DrainState.DRAINING,
            OptionalInt.of(31000),
            false),
        Arguments.of(
            "safe to kill",
            TaskState.RUNNING,
            HealthState.HEALTHY,
            DrainState.SAFE_TO_KILL,
            OptionalInt.of(31000),
            false),
        Arguments.of(
            "created, not running",
            TaskState.CREATED,
            HealthState.HEALTHY,
            DrainState.NOT_DRAINING,
            OptionalInt.of(31000),
            false),
        Arguments.of(
            "exited",
            TaskState.EXITED,
            HealthState.HEALTHY,
            DrainState.NOT_DRAINING,
            OptionalInt.of(31000),
            false));
  }

  @ParameterizedTest(name = "{0}: registered = {5}")
  @MethodSource("taskTable")
  void onlyRunningHealthyNotDrainingTasksWithAPortAreRegistered(
      String why,
      TaskState state,
      HealthState health,
      DrainState drain,
      OptionalInt port,
      boolean registered) {
    LongRunningConfig config = instance(ref("svc", "main"), List.of(ns("svc.main")), Map.of());
    RegistrationPlan plan =
        PLANNER.plan(config, NAMESPACES, List.of(task("t", state, health, drain, port)));
    assertThat(plan.registrations()).hasSize(registered ? 1 : 0);
    assertThat(plan.problems()).isEmpty();
  }

  static Stream<Arguments> namespaceTable() {
    return Stream.of(
        Arguments.of(
            "one namespace, its region",
            List.of("svc.main"),
            Set.of(
                "/nerve/region:local/svc.main/127.0.0.1_31000",
                "/nerve/region:local/svc.main/127.0.0.1_31001")),
        Arguments.of(
            "advertised in habitat and region",
            List.of("svc.canary"),
            Set.of(
                "/nerve/habitat:local1/svc.canary/127.0.0.1_31000",
                "/nerve/habitat:local1/svc.canary/127.0.0.1_31001",
                "/nerve/region:local/svc.canary/127.0.0.1_31000",
                "/nerve/region:local/svc.canary/127.0.0.1_31001")),
        Arguments.of(
            "several namespaces, one of another service",
            List.of("svc.main", "other.api"),
            Set.of(
                "/nerve/region:local/svc.main/127.0.0.1_31000",
                "/nerve/region:local/svc.main/127.0.0.1_31001",
                "/nerve/region:local/other.api/127.0.0.1_31000",
                "/nerve/region:local/other.api/127.0.0.1_31001")),
        Arguments.of("no registrations", List.of(), Set.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namespaceTable")
  void eachTaskIsRegisteredInEachNamespaceAtEachAdvertisedLocation(
      String why, List<String> registrations, Set<String> paths) {
    LongRunningConfig config =
        instance(ref("svc", "main"), registrations.stream().map(n -> ns(n)).toList(), Map.of());
    List<ObservedTask> tasks =
        List.of(
            healthy("a", 31000),
            healthy("b", 31001),
            task(
                "c",
                TaskState.RUNNING,
                HealthState.UNHEALTHY,
                DrainState.NOT_DRAINING,
                OptionalInt.of(31002)));
    RegistrationPlan plan = PLANNER.plan(config, NAMESPACES, tasks);
    assertThat(plan.registrations().stream().map(Registration::path).collect(Collectors.toSet()))
        .isEqualTo(paths);
    assertThat(plan.problems()).isEmpty();
  }

  @Test
  void theNodeHoldsHostPortNameAndWeight() {
    LongRunningConfig config = instance(ref("svc", "main"), List.of(ns("svc.main")), Map.of());
    Registration only =
        PLANNER
            .plan(config, NAMESPACES, List.of(healthy("a", 31000)))
            .registrations()
            .iterator()
            .next();
    assertThat(only.endpoint()).isEqualTo(new Endpoint("127.0.0.1", 31000, "127.0.0.1_31000", 10));
    assertThat(new String(only.data(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"host\":\"127.0.0.1\",\"port\":31000,\"name\":\"127.0.0.1_31000\",\"weight\":10}");
  }

  @Test
  void theWeightComesFromTheInstanceConfig() {
    LongRunningConfig config =
        instance(ref("svc", "main"), List.of(ns("svc.main")), Map.of("weight", 25));
    RegistrationPlan plan = PLANNER.plan(config, NAMESPACES, List.of(healthy("a", 31000)));
    assertThat(plan.registrations()).extracting(r -> r.endpoint().weight()).containsExactly(25);
  }

  @Test
  void anUnusableWeightFallsBackToTheDefaultWithAProblem() {
    LongRunningConfig config =
        instance(ref("svc", "main"), List.of(ns("svc.main")), Map.of("weight", 1000));
    RegistrationPlan plan = PLANNER.plan(config, NAMESPACES, List.of(healthy("a", 31000)));
    assertThat(plan.registrations()).extracting(r -> r.endpoint().weight()).containsExactly(10);
    assertThat(plan.problems()).singleElement().asString().contains("weight is 1000");
  }

  @Test
  void problemsDoNotHideTheRegistrationsThatCanBeMade() {
    Map<ServiceInstance, NamespaceConfig> namespaces =
        Map.of(
            ns("svc.main"), namespace("svc.main"),
            ns("svc.pods"), namespace("svc.pods", List.of("pod"), Map.of(), "region"));
    LongRunningConfig config =
        instance(
            ref("svc", "main"), List.of(ns("svc.main"), ns("svc.gone"), ns("svc.pods")), Map.of());
    RegistrationPlan plan = PLANNER.plan(config, namespaces, List.of(healthy("a", 31000)));
    assertThat(plan.registrations())
        .extracting(Registration::path)
        .containsExactly("/nerve/region:local/svc.main/127.0.0.1_31000");
    assertThat(plan.problems()).hasSize(2);
    assertThat(plan.problems().get(0)).contains("svc.gone").contains("smartstack.yaml");
    assertThat(plan.problems().get(1)).contains("svc.pods").contains("location.pod");
  }

  @Test
  void planningTwiceGivesTheSameRegistrations() {
    LongRunningConfig config = instance(ref("svc", "main"), List.of(ns("svc.main")), Map.of());
    List<ObservedTask> tasks = List.of(healthy("a", 31000), healthy("b", 31001));
    assertThat(PLANNER.plan(config, NAMESPACES, tasks))
        .isEqualTo(PLANNER.plan(config, NAMESPACES, tasks));
  }
}
