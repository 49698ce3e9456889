package io.paasta.backend.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.paasta.backend.kubernetes.testing.BackendHarness;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.plan.Action;
import io.paasta.planning.plan.Plan;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the API server may answer besides yes, on the mock: CRUD mode where it behaves so (a stale
 * resource version), scripted answers (expectations) where it cannot (RBAC, quota, down).
 */
class KubernetesFaultsTest {
  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/paastasvc-svc/deployments";

  private BackendHarness harness;

  @BeforeEach
  void start() {
    harness = new BackendHarness();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void anUpdateOverAChangedObjectIsAConflictAndTheNextPassRereadsIt() {
    harness.converge();
    harness.fixture.instances = 4;
    harness.fixture.cpus = 0.5; // a template change: an update with the version read
    Plan stale = harness.plan();
    Deployment moved =
        harness.admin.apps().deployments().inNamespace("paastasvc-svc").withName("svc-main").get();
    moved.getMetadata().setAnnotations(Map.of("someone", "else"));
    harness.admin.resource(moved).update();
    Action update =
        stale.actions().stream()
            .filter(a -> ((Action.ChangeObject) a).kind().equals("Deployment"))
            .findFirst()
            .orElseThrow();
    assertThatThrownBy(() -> harness.backend.execute(harness.fixture.ref(), update))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("update Deployment paastasvc-svc/svc-main: conflict")
        .hasMessageContaining("the next pass reads it again and retries");
    // the next passes re-read and retry: as many as the backend's cache takes to see the object
    // the other writer changed (one on a calm machine; a loaded one failed a single pass here)
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .ignoreException(BackendException.class)
        .untilAsserted(
            () -> {
              harness.converge();
              assertThat(harness.plan().status()).isEqualTo("Running: 4/4 ready (4 Healthy)");
            });
  }

  @Test
  void forbiddenNamesTheVerbAndResource() {
    refuseDeploymentCreates(
        "deployments.apps is forbidden: User \"system:serviceaccount:paasta:paasta\""
            + " cannot create resource \"deployments\" in API group \"apps\" in the"
            + " namespace \"paastasvc-svc\"");
    assertThatThrownBy(() -> harness.execute(harness.plan()))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining(
            "create Deployment paastasvc-svc/svc-main: forbidden: the daemon's account may not"
                + " create deployments in namespace paastasvc-svc")
        .hasMessageContaining("cannot create resource \"deployments\"");
  }

  @Test
  void quotaExceededIsSaidAsSuch() {
    refuseDeploymentCreates(
        "deployments \"svc-main\" is forbidden: exceeded quota: compute, requested:"
            + " limits.cpu=3, used: limits.cpu=8, limited: limits.cpu=10");
    assertThatThrownBy(() -> harness.execute(harness.plan()))
        .hasMessageContaining("create Deployment paastasvc-svc/svc-main: quota exceeded:")
        .hasMessageContaining("limited: limits.cpu=10");
  }

  @Test
  void aNamespaceStuckTerminatingIsWaitedForAndReported() {
    harness
        .admin
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("paastasvc-svc")
                .withLabels(Map.of("paasta.yelp.com/managed", "true"))
                .withDeletionTimestamp("2026-01-01T00:00:00Z")
                .withFinalizers("kubernetes")
                .endMetadata()
                .withNewStatus()
                .withPhase("Terminating")
                .endStatus()
                .build())
        .create();
    await()
        .untilAsserted(
            () ->
                assertThat(harness.plan().status())
                    .startsWith("waiting: namespace paastasvc-svc is terminating"));
    assertThat(harness.plan().actions()).isEmpty();
    assertThat(harness.plan().steady()).isFalse();
  }

  @Test
  void withTheApiServerDownTheLastViewStaysAndWritesFailWithAClearError() {
    harness.converge();
    harness.mock.server().shutdown();
    harness.fixture.instances = 5;
    Plan plan = harness.plan(); // from the informers' last view
    assertThat(plan.status()).isEqualTo("Launching replicas: 3/5 ready (3 Healthy)");
    assertThat(harness.observed().tasks()).hasSize(3);
    assertThatThrownBy(() -> harness.execute(plan))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("patch Deployment paastasvc-svc/svc-main");
  }

  /** Every create of a Deployment answered 403 with {@code message}, as the API server says it. */
  private void refuseDeploymentCreates(String message) {
    harness
        .mock
        .server()
        .expect()
        .post()
        .withPath(DEPLOYMENTS)
        .andReturn(403, status(403, "Forbidden", message))
        .always();
  }

  private static Status status(int code, String reason, String message) {
    return new StatusBuilder()
        .withStatus("Failure")
        .withCode(code)
        .withReason(reason)
        .withMessage(message)
        .build();
  }
}
