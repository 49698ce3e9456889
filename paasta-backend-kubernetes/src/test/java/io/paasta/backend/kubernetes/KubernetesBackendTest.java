package io.paasta.backend.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.paasta.backend.kubernetes.testing.BackendHarness;
import io.paasta.backend.kubernetes.testing.FakeControllers;
import io.paasta.model.DesiredState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import io.paasta.planning.testing.ConfigFixture;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backend against fabric8's mock API server, with {@link FakeControllers} as controllers. */
class KubernetesBackendTest {
  private BackendHarness harness;
  private ManualClock clock;
  private KubernetesClient admin;
  private FakeControllers controllers;
  private KubernetesBackend backend;
  private ConfigFixture fixture;

  @BeforeEach
  void start() {
    harness = new BackendHarness();
    clock = harness.clock;
    admin = harness.admin;
    controllers = harness.controllers;
    backend = harness.backend;
    fixture = harness.fixture;
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void deploysBouncesScalesStopsStartsAndCleansUp() {
    Plan first = plan();
    assertThat(first.actions())
        .extracting(a -> ((Action.ChangeObject) a).verb() + " " + ((Action.ChangeObject) a).kind())
        .containsExactly("CREATE Namespace", "CREATE Deployment", "CREATE PodDisruptionBudget");
    converge();
    assertThat(plan().status()).isEqualTo("Running: 3/3 ready (3 Healthy)");
    assertThat(plan().steady()).isTrue();
    ObservedInstance observed = backend.observe(fixture.ref());
    assertThat(observed.tasks()).hasSize(3);
    assertThat(observed.tasks())
        .allSatisfy(
            t -> {
              assertThat(t.appId()).isEqualTo(fixture.desired().appId());
              assertThat(t.health()).isEqualTo(HealthState.HEALTHY);
            });
    assertThat(backend.observeAll())
        .extracting(ObservedInstance::ref)
        .containsExactly(fixture.ref());

    // crossover bounce: a new git sha updates the Deployment's template
    String oldApp = fixture.desired().appId();
    fixture.gitSha = "fedcba9876543210fedcba9876543210fedcba98";
    fixture.dockerImage = "services-svc:paasta-" + fixture.gitSha;
    Action.ChangeObject update = change(plan(), "Deployment");
    assertThat(update.verb()).isEqualTo(Action.ObjectVerb.UPDATE);
    assertThat(change(plan(), "PodDisruptionBudget").fields())
        .containsExactly(
            "metadata.labels.paasta.yelp.com/config_sha",
            "metadata.labels.paasta.yelp.com/git_sha");
    assertThat(update.fields()).contains("metadata.labels.paasta.yelp.com/git_sha");
    assertThat(update.fields()).anyMatch(f -> f.startsWith("spec.template"));
    execute(plan());
    awaitNoActions();
    controllers.step(); // the new ReplicaSet at full size; the old one waits for it to be ready
    await()
        .untilAsserted(
            () ->
                assertThat(plan().status())
                    .startsWith("Bouncing to fedcba98: 3/3 new ready, 3 old"));
    assertThat(appsOf(backend.observe(fixture.ref())))
        .containsOnly(oldApp, fixture.desired().appId());
    controllers.settle(5);
    await()
        .untilAsserted(
            () -> assertThat(plan().status()).isEqualTo("Running: 3/3 ready (3 Healthy)"));
    assertThat(replicaSets()).hasSize(1); // the old one scaled down and deleted

    // scale: only the replica count is patched; the template (and its ReplicaSet) stays
    String replicaSet = replicaSets().get(0).getMetadata().getName();
    fixture.instances = 5;
    Action.ChangeObject scale = only(plan());
    assertThat(scale.verb()).isEqualTo(Action.ObjectVerb.PATCH);
    assertThat(scale.fields()).containsExactly("spec.replicas");
    converge();
    assertThat(plan().status()).isEqualTo("Running: 5/5 ready (5 Healthy)");
    assertThat(replicaSets())
        .extracting(rs -> rs.getMetadata().getName())
        .containsExactly(replicaSet);

    // stop, then start
    fixture.desiredState = DesiredState.STOP;
    assertThat(only(plan()).fields()).containsExactly("spec.replicas");
    converge();
    assertThat(plan().status()).isEqualTo("Stopped");
    fixture.desiredState = DesiredState.START;
    converge();
    assertThat(plan().status()).isEqualTo("Running: 5/5 ready (5 Healthy)");

    // gone from soa-configs: its objects are deleted
    Plan removal =
        backend.plan(
            fixture.ref(), false, Optional.empty(), Optional.empty(), observed(), clock.instant());
    assertThat(removal.actions())
        .extracting(a -> ((Action.ChangeObject) a).verb() + " " + ((Action.ChangeObject) a).kind())
        .containsExactly("DELETE PodDisruptionBudget", "DELETE Deployment");
    execute(removal);
    await().until(() -> backend.observeAll().isEmpty());
    controllers.settle(5);
    await().until(() -> backend.observe(fixture.ref()).tasks().isEmpty());
  }

  @Test
  void aHandEditedDeploymentIsSetBack() {
    converge();
    Deployment edited =
        admin.apps().deployments().inNamespace("paastasvc-svc").withName("svc-main").get();
    edited.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil:latest");
    admin.resource(edited).update();
    await()
        .untilAsserted(
            () ->
                assertThat(plan().actions())
                    .singleElement()
                    .satisfies(
                        a ->
                            assertThat(((Action.ChangeObject) a).fields())
                                .containsExactly("spec.template.spec.containers[0].image")));
    converge();
    assertThat(
            admin
                .apps()
                .deployments()
                .inNamespace("paastasvc-svc")
                .withName("svc-main")
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo("registry.local:5000/" + ConfigFixture.IMAGE);
  }

  @Test
  void podsThatFailTheirProbeOrAreEvictedAreReportedAndNotCountedHealthy() {
    controllers.failProbes(fixture.desired().appId());
    converge();
    clock.advance(Duration.ofMinutes(5)); // past the grace period
    assertThat(plan().status()).isEqualTo("Launching replicas: 0/3 ready (3 Not Ready)");
    assertThat(backend.observe(fixture.ref()).tasks())
        .allSatisfy(t -> assertThat(t.health()).isEqualTo(HealthState.UNHEALTHY));
    Pod victim = controllers.pods(p -> true).get(0);
    controllers.evict(victim);
    await()
        .untilAsserted(
            () ->
                assertThat(plan().status())
                    .isEqualTo(
                        "Launching replicas: 0/3 ready (1 Evicted (The node was low on resource: memory.), 2 Not Ready)"));
  }

  // -- helpers

  private Plan plan() {
    return harness.plan();
  }

  private ObservedInstance observed() {
    return harness.observed();
  }

  private void execute(Plan plan) {
    harness.execute(plan);
  }

  private void awaitNoActions() {
    harness.awaitNoActions();
  }

  private void converge() {
    harness.converge();
  }

  private static Action.ChangeObject only(Plan plan) {
    assertThat(plan.actions()).hasSize(1);
    return (Action.ChangeObject) plan.actions().get(0);
  }

  private static Action.ChangeObject change(Plan plan, String kind) {
    return plan.actions().stream()
        .map(Action.ChangeObject.class::cast)
        .filter(c -> c.kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  private List<ReplicaSet> replicaSets() {
    return admin.apps().replicaSets().inAnyNamespace().list().getItems();
  }

  private static List<String> appsOf(ObservedInstance observed) {
    return observed.tasks().stream().map(t -> t.appId()).distinct().toList();
  }
}
