package io.paasta.backend.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.paasta.backend.kubernetes.apply.InstanceDetails;
import io.paasta.backend.kubernetes.apply.InstanceObjects;
import io.paasta.backend.kubernetes.apply.PodTasks;
import io.paasta.backend.kubernetes.testing.BackendHarness;
import io.paasta.model.DesiredState;
import io.paasta.planning.observed.InstanceDetail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code paasta status}'s view of a Kubernetes instance: state, versions, replicas. */
class InstanceDetailTest {
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
  void versionsByReplicaSetNewestFirstAndTheStateOfABounce() {
    harness.converge();
    InstanceDetail running = detail();
    assertThat(running.state()).isEqualTo("Running");
    assertThat(running.versions())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.gitSha()).isEqualTo(harness.fixture.gitSha);
              assertThat(v.configSha()).startsWith("config");
              assertThat(v.ready()).isEqualTo(3);
              assertThat(v.replicas()).isEqualTo(3);
              assertThat(v.created()).isPresent(); // the mock server sets it from its own clock
            });
    assertThat(running.replicas())
        .hasSize(3)
        .allSatisfy(
            r -> {
              assertThat(r.state()).isEqualTo("Healthy");
              assertThat(r.version()).isEqualTo(running.versions().get(0).name());
            });

    String oldSha = harness.fixture.gitSha;
    harness.clock.advance(Duration.ofMinutes(5));
    harness.fixture.gitSha = "fedcba9876543210fedcba9876543210fedcba98";
    harness.fixture.dockerImage = "services-svc:paasta-" + harness.fixture.gitSha;
    harness.execute(harness.plan());
    harness.awaitNoActions();
    harness.controllers.step(); // the new ReplicaSet at full size, the old one still up
    await()
        .untilAsserted(
            () -> {
              InstanceDetail bouncing = detail();
              assertThat(bouncing.state()).isEqualTo("Bouncing to fedcba98");
              assertThat(bouncing.versions())
                  .extracting(InstanceDetail.Version::gitSha)
                  .containsExactly(harness.fixture.gitSha, oldSha);
              assertThat(bouncing.replicas()).hasSize(6);
            });
    harness.controllers.settle(5);
    await().untilAsserted(() -> assertThat(detail().versions()).hasSize(1));

    harness.fixture.desiredState = DesiredState.STOP;
    harness.execute(harness.plan());
    harness.awaitNoActions();
    harness.controllers.settle(5);
    await().untilAsserted(() -> assertThat(detail().state()).isEqualTo("Stopped"));
    assertThat(detail().replicas()).isEmpty();
  }

  @Test
  void replicaStatesCarryTheirExplanation() {
    Instant now = Instant.parse("2026-12-06T10:00:00Z");
    String app = harness.fixture.desired().appId();
    Pod unscheduled =
        pod("a", app)
            .editStatus()
            .withPhase("Pending")
            .addNewCondition()
            .withType("PodScheduled")
            .withStatus("False")
            .withMessage("0/3 nodes are available: 3 Insufficient cpu.")
            .endCondition()
            .endStatus()
            .build();
    Pod oom =
        pod("b", app)
            .editStatus()
            .addNewContainerStatus()
            .withName("main")
            .withRestartCount(4)
            .withNewLastState()
            .withNewTerminated()
            .withReason("OOMKilled")
            .withExitCode(137)
            .withFinishedAt("2026-12-06T09:58:00Z")
            .endTerminated()
            .endLastState()
            .endContainerStatus()
            .endStatus()
            .build();
    InstanceDetail detail =
        InstanceDetails.of(
            Optional.of(harness.fixture.desired()),
            new InstanceObjects(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(unscheduled, oom)),
            now);
    assertThat(detail.state()).isEqualTo("Launching replicas");
    assertThat(detail.versions()).isEmpty();
    assertThat(detail.replicas())
        .extracting(r -> r.name() + ": " + r.state() + " (" + r.detail() + ")")
        .containsExactly(
            "a: Unscheduled (0/3 nodes are available: 3 Insufficient cpu.)",
            "b: OOM killed (restarts 4, last at 2026-12-06T09:58:00Z)");
  }

  private static PodBuilder pod(String name, String appId) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToAnnotations(PodTasks.APP_ID, appId)
        .endMetadata()
        .withNewStatus()
        .withPhase("Running")
        .withStartTime("2026-12-06T09:00:00Z")
        .endStatus();
  }

  private InstanceDetail detail() {
    return harness
        .backend
        .detail(
            harness.fixture.ref(), Optional.of(harness.fixture.desired()), harness.clock.instant())
        .orElseThrow();
  }
}
