package io.paasta.backend.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.paasta.backend.kubernetes.testing.BackendHarness;
import io.paasta.backend.kubernetes.testing.MockCluster;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.plan.Action;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code paasta emergency-restart} on Kubernetes: the instance's pods are deleted at once and its
 * ReplicaSet makes new ones; the Deployment is not touched (no rollout, no bounce).
 */
class EmergencyRestartTest {
  private BackendHarness harness;

  @BeforeEach
  void start() {
    harness = new BackendHarness();
    harness.converge();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void killsEveryPodAtOnceAndTheSameReplicaSetStartsNewOnes() {
    List<String> before = running();
    assertThat(before).hasSize(3);
    Deployment deployment = deployment();
    List<String> replicaSets = replicaSets();

    harness.backend.execute(harness.fixture.ref(), new Action.KillTasks(before, "emergency"));

    assertThat(harness.controllers.pods(p -> true))
        .extracting(p -> p.getMetadata().getName())
        .doesNotContainAnyElementsOf(before); // all gone at once, before any new one is ready
    harness.controllers.settle(10);
    await()
        .untilAsserted(() -> assertThat(running()).hasSize(3).doesNotContainAnyElementsOf(before));
    assertThat(deployment().getMetadata().getResourceVersion())
        .isEqualTo(deployment.getMetadata().getResourceVersion());
    assertThat(replicaSets()).isEqualTo(replicaSets);
    assertThat(harness.observed().tasks())
        .extracting(ObservedTask::appId)
        .containsOnly(harness.fixture.desired().appId());
    assertThat(harness.plan().actions()).isEmpty();
    assertThat(harness.plan().status()).isEqualTo("Running: 3/3 ready (3 Healthy)");
  }

  @Test
  void neverDeletesAPodOfAnotherInstanceAndAPodGoneMeanwhileIsNoError() {
    harness.fixture.instance = "canary";
    harness.execute(harness.plan());
    harness.awaitNoActions();
    harness.controllers.settle(10);
    await().until(() -> running().size() == 3);
    List<String> canary = running();
    harness.fixture.instance = "main";
    List<String> main = running();
    harness.admin.pods().inNamespace("paastasvc-svc").withName(main.get(0)).delete();

    harness.backend.execute(
        harness.fixture.ref(), new Action.KillTasks(List.of(canary.get(0), main.get(0)), "x"));

    assertThat(harness.controllers.pods(p -> true))
        .extracting(p -> p.getMetadata().getName())
        .containsAll(canary)
        .contains(main.get(1), main.get(2));
  }

  @Test
  void forbiddenNamesTheVerbAndResource() {
    List<String> before = running();

    harness
        .mock
        .server()
        .expect()
        .delete()
        .withPath("/api/v1/namespaces/paastasvc-svc/pods/" + before.get(1))
        .andReturn(
            403,
            MockCluster.refusal(
                403, "Forbidden", "pods \"" + before.get(1) + "\" is forbidden: cannot delete"))
        .always();
    assertThatThrownBy(
            () ->
                harness.backend.execute(
                    harness.fixture.ref(),
                    new Action.KillTasks(List.of(before.get(1)), "emergency")))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining(
            "delete Pod paastasvc-svc/"
                + before.get(1)
                + ": forbidden: the daemon's account may not delete pods in namespace"
                + " paastasvc-svc");
  }

  private List<String> running() {
    return harness.observed().tasks().stream()
        .filter(ObservedTask::isRunning)
        .map(ObservedTask::id)
        .sorted()
        .toList();
  }

  private Deployment deployment() {
    return harness
        .admin
        .apps()
        .deployments()
        .inNamespace("paastasvc-svc")
        .withName("svc-main")
        .get();
  }

  private List<String> replicaSets() {
    return harness
        .admin
        .apps()
        .replicaSets()
        .inNamespace("paastasvc-svc")
        .list()
        .getItems()
        .stream()
        .map(ReplicaSet::getMetadata)
        .map(m -> m.getName())
        .sorted()
        .toList();
  }
}
