package io.paasta.backend.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceStatusBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.paasta.backend.kubernetes.testing.BackendHarness;
import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.NamespaceConfig;
import io.paasta.model.ProxyMode;
import io.paasta.model.ServiceInstance;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.TaskState;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pass over an unchanged instance reuses its last diff (no rendering); any change of what the
 * rendering reads, or of an observed object, renders and diffs again.
 */
class PlanMemoTest {
  private BackendHarness harness;
  private KubernetesBackend backend;
  private final AtomicInteger renderings = new AtomicInteger();
  private final Map<String, Map<String, NamespaceConfig>> smartstack = new HashMap<>();

  @BeforeEach
  void start() {
    harness = new BackendHarness();
    InstanceRendering real =
        new InstanceRendering(
            BackendHarness.CLUSTER, service -> smartstack.getOrDefault(service, Map.of()));
    KubernetesBackend.Rendering counting =
        new KubernetesBackend.Rendering() {
          @Override
          public List<HasMetadata> render(
              InstanceRef ref, DesiredInstance desired, Optional<LongRunningConfig> config) {
            renderings.incrementAndGet();
            return real.render(ref, desired, config);
          }

          @Override
          public Object inputs(
              InstanceRef ref, DesiredInstance desired, Optional<LongRunningConfig> config) {
            return real.inputs(ref, desired, config);
          }
        };
    backend =
        new KubernetesBackend(
                "local", harness.mock.client(), counting, harness.clock, lease -> Optional.empty())
            .start(Duration.ofSeconds(30));
  }

  @AfterEach
  void stop() {
    backend.close();
    harness.close();
  }

  @Test
  void anUnchangedInstanceIsNotRenderedAgainAndAnyChangeIsSeen() {
    converge();
    int before = renderings.get();
    for (int i = 0; i < 5; i++) {
      assertThat(plan().actions()).isEmpty();
    }
    assertThat(renderings.get()).isEqualTo(before);

    // a new count: rendered again, a replicas patch
    harness.fixture.instances = 4;
    assertThat(only().fields()).contains("spec.replicas");
    assertThat(renderings.get()).isEqualTo(before + 1);
    converge();

    // edited by hand: the PDB's resource version moves, the diff runs again and sees it
    int beforeEdit = renderings.get();
    PodDisruptionBudget edited = pdb().get();
    edited.getSpec().setMaxUnavailable(new IntOrString("1%"));
    harness.admin.resource(edited).update();
    await().untilAsserted(() -> assertThat(only().fields()).containsExactly("spec.maxUnavailable"));
    assertThat(renderings.get()).isGreaterThan(beforeEdit);
    converge();

    // a new SmartStack namespace of the service (smartstack.yaml, not the instance's config)
    int beforeNamespace = renderings.get();
    smartstack.put(
        "svc",
        Map.of(
            "main",
            new NamespaceConfig(
                new ServiceInstance("svc", "main"),
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
                "region",
                List.of("region"),
                Map.of(),
                List.of(),
                Map.of())));
    plan();
    assertThat(renderings.get()).isEqualTo(beforeNamespace + 1);
  }

  @Test
  void aSteadyPlanIsReusedUntilAnEventOfTheInstancesObjects() {
    converge();
    await().until(() -> plan().steady());
    Plan steady = plan();
    int before = renderings.get();
    assertThat(plan()).isSameAs(steady);
    assertThat(plan()).isSameAs(steady);
    assertThat(renderings.get()).isEqualTo(before);
    ObservedInstance tasks = backend.observe(harness.fixture.ref());
    assertThat(backend.observe(harness.fixture.ref())).isSameAs(tasks);

    // a pod evicted (an event of the instance's own objects, not one the daemon wrote)
    harness.controllers.evict(harness.controllers.pods(p -> true).get(0));
    await().untilAsserted(() -> assertThat(plan().status()).contains("Evicted"));
    assertThat(backend.observe(harness.fixture.ref()).tasks())
        .anyMatch(t -> t.state() == TaskState.EXITED);
    assertThat(plan().steady()).isFalse();
    assertThat(renderings.get()).isEqualTo(before); // its objects' diff is still the last one
  }

  @Test
  void aSteadyPlanIsNotReusedOnceItsNamespaceChanges() {
    converge();
    await().until(() -> plan().steady());
    Plan steady = plan();
    assertThat(plan()).isSameAs(steady);
    // its namespace terminating (an event of the namespace, not of the instance's objects)
    harness
        .admin
        .namespaces()
        .withName("paastasvc-svc")
        .edit(
            ns -> {
              ns.setStatus(new NamespaceStatusBuilder().withPhase("Terminating").build());
              return ns;
            });
    await()
        .untilAsserted(
            () ->
                assertThat(plan().status())
                    .startsWith("waiting: namespace paastasvc-svc is terminating"));
  }

  @Test
  void anObjectDeletedByHandIsCreatedAgain() {
    converge();
    pdb().delete();
    await()
        .untilAsserted(
            () ->
                assertThat(only().kind() + " " + only().verb())
                    .isEqualTo("PodDisruptionBudget CREATE"));
  }

  private io.fabric8.kubernetes.client.dsl.Resource<PodDisruptionBudget> pdb() {
    return harness
        .admin
        .policy()
        .v1()
        .podDisruptionBudget()
        .inNamespace("paastasvc-svc")
        .withName("svc-main");
  }

  /** The one action of the plan. */
  private Action.ChangeObject only() {
    List<Action> actions = plan().actions();
    assertThat(actions).hasSize(1);
    return (Action.ChangeObject) actions.get(0);
  }

  private Plan plan() {
    return backend.plan(
        harness.fixture.ref(),
        true,
        Optional.of(harness.fixture.desired()),
        Optional.of(harness.fixture.config()),
        backend.observe(harness.fixture.ref()),
        harness.clock.instant());
  }

  private void converge() {
    plan().actions().forEach(a -> backend.execute(harness.fixture.ref(), a));
    await().atMost(Duration.ofSeconds(20)).until(() -> plan().actions().isEmpty());
    harness.controllers.settle(10);
  }
}
