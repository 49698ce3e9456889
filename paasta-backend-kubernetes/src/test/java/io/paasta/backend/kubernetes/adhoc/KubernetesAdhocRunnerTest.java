package io.paasta.backend.kubernetes.adhoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.paasta.backend.kubernetes.render.AdhocRenderer;
import io.paasta.backend.kubernetes.testing.MockCluster;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.adhoc.AdhocLaunch;
import io.paasta.planning.adhoc.AdhocRun;
import io.paasta.planning.app.RunSpec;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.testing.ConfigFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code paasta remote-run} as pods on the mock: started, listed, stopped (the kubelet, played by
 * the test, ends the pod past its lowered deadline), read, removed; a daemon started again lists
 * the runs of the one before.
 */
class KubernetesAdhocRunnerTest {
  private static final InstanceRef REF =
      new InstanceRef("svc", "local", "shell", InstanceKind.ADHOC);
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  private static final String NS = "paastasvc-svc";

  private MockCluster mock;
  private KubernetesClient admin;
  private KubernetesAdhocRunner runner;

  @BeforeEach
  void start() {
    mock = new MockCluster();
    admin = mock.client();
    runner = runner();
  }

  private KubernetesAdhocRunner runner() {
    KubernetesAdhocRunner made = new KubernetesAdhocRunner(MockCluster.CLUSTER, mock.client());
    assertThat(made.start(Duration.ofSeconds(30))).isTrue();
    return made;
  }

  @AfterEach
  void stop() {
    runner.close();
    admin.close();
    mock.close();
  }

  private static AdhocLaunch launch(String runId, String cmd, int seconds) {
    ConfigFixture fixture = new ConfigFixture();
    fixture.cmd = Optional.of(cmd);
    RunSpec spec = fixture.desired().run();
    return new AdhocLaunch(REF, runId, spec, T0, T0.plusSeconds(seconds), "alice@host");
  }

  @Test
  void aRunIsAPodWithItsTimeLimitListedStoppedAndRemoved() {
    AdhocRun run = runner.start(launch("20261206T100000-1a2b", "echo hi; sleep 600", 900));
    assertThat(run.running()).isTrue();
    assertThat(run.taskId()).isEqualTo(NS + "/svc-shell-20261206t100000-1a2b");
    assertThat(run.by()).isEqualTo("alice@host");
    assertThat(run.limit()).isEqualTo(Duration.ofSeconds(900));
    Pod pod = pod();
    assertThat(pod.getSpec().getActiveDeadlineSeconds()).isEqualTo(900L);
    assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getMetadata().getLabels())
        .containsEntry(AdhocRenderer.RUN_ID, "20261206T100000-1a2b")
        .containsEntry("paasta.yelp.com/managed", "true")
        .containsEntry("paasta.yelp.com/instance", "shell");
    assertThat(pod.getSpec().getContainers().get(0).getCommand())
        .containsExactly("sh", "-c", "echo hi; sleep 600");
    assertThat(runner.find("20261206T100000-1a2b")).contains(run); // before the watch saw it
    await().until(() -> runner.list().size() == 1);
    assertThat(runner.list()).containsExactly(run);

    runner.stop("20261206T100000-1a2b");
    assertThat(pod().getSpec().getActiveDeadlineSeconds()).isEqualTo(1L);
    kubeletEnds(137, "2026-12-06T10:01:00Z");
    await()
        .untilAsserted(
            () -> {
              AdhocRun ended = runner.find("20261206T100000-1a2b").orElseThrow();
              assertThat(ended.running()).isFalse();
              assertThat(ended.exitCode()).contains(137);
              assertThat(ended.finishedAt()).contains(Instant.parse("2026-12-06T10:01:00Z"));
              assertThat(ended.stoppedForTimeLimit()).isFalse();
            });
    runner.stop("20261206T100000-1a2b"); // exited: no error, nothing written
    assertThat(pod().getSpec().getActiveDeadlineSeconds()).isEqualTo(1L);

    KubernetesAdhocRunner again = runner(); // a daemon started again lists it from the API server
    try {
      assertThat(again.list()).extracting(AdhocRun::runId).containsExactly(run.runId());
      again.remove(run.runId());
      await().until(() -> admin.pods().inNamespace(NS).list().getItems().isEmpty());
      again.remove(run.runId()); // gone: no error
    } finally {
      again.close();
    }
  }

  @Test
  void aRunOfAnInstanceNamingItsNamespaceRunsThereAndIsFoundThere() {
    AdhocLaunch plain = launch("20261206T100000-beef", "sleep 600", 60);
    AdhocLaunch inTeamNamespace =
        new AdhocLaunch(
            plain.ref(),
            plain.runId(),
            plain.spec(),
            plain.startedAt(),
            plain.deadline(),
            plain.by(),
            Map.of("namespace", "team-batch"));

    AdhocRun run = runner.start(inTeamNamespace);

    assertThat(run.taskId()).isEqualTo("team-batch/svc-shell-20261206t100000-beef");
    assertThat(admin.pods().inNamespace(NS).list().getItems()).isEmpty();
    assertThat(admin.pods().inNamespace("team-batch").list().getItems()).hasSize(1);
    await().until(() -> runner.list().size() == 1);
    runner.remove(run.runId());
    await().until(() -> admin.pods().inNamespace("team-batch").list().getItems().isEmpty());
  }

  @Test
  void theSameRunIdTwiceIsRefusedAndARefusalNamesTheVerbAndResource() {
    runner.start(launch("20261206T100000-aaaa", "true", 60));
    assertThatThrownBy(() -> runner.start(launch("20261206T100000-aaaa", "true", 60)))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("a remote-run 20261206T100000-aaaa exists already");

    mock.server()
        .expect()
        .post()
        .withPath("/api/v1/namespaces/" + NS + "/pods")
        .andReturn(
            403,
            MockCluster.refusal(
                403, "Forbidden", "pods is forbidden: cannot create resource \"pods\""))
        .always();
    assertThatThrownBy(() -> runner.start(launch("20261206T100000-bbbb", "true", 60)))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining(
            "create Pod "
                + NS
                + "/svc-shell-20261206t100000-bbbb: forbidden: the daemon's"
                + " account may not create pods in namespace "
                + NS);
    assertThat(runner.find("20261206T100000-bbbb")).isEmpty();
  }

  @Test
  void theOutputIsReadThroughPodsLogAndAnUnknownRunHasNone() {
    runner.start(launch("20261206T100000-cccc", "echo hi", 60));
    mock.server()
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/"
                + NS
                + "/pods/svc-shell-20261206t100000-cccc/log?pretty=false&tailLines=100")
        .andReturn(200, "hi\nthere\n")
        .once();
    assertThat(runner.output("20261206T100000-cccc", 100)).containsExactly("hi", "there");
    assertThat(runner.output("20261206T100000-none", 100)).isEmpty();
    assertThat(runner.find("20261206T100000-none")).isEmpty();
  }

  private Pod pod() {
    List<Pod> pods = admin.pods().inNamespace(NS).list().getItems();
    assertThat(pods).hasSize(1);
    return pods.get(0);
  }

  /** The kubelet: the pod's container terminated with {@code code}, the pod Failed. */
  private void kubeletEnds(int code, String at) {
    Pod pod = pod();
    admin
        .pods()
        .inNamespace(NS)
        .withName(pod.getMetadata().getName())
        .edit(
            p ->
                new PodBuilder(p)
                    .withNewStatus()
                    .withPhase("Failed")
                    .withReason("DeadlineExceeded")
                    .addNewContainerStatus()
                    .withName("svc")
                    .withNewState()
                    .withNewTerminated()
                    .withExitCode(code)
                    .withFinishedAt(at)
                    .endTerminated()
                    .endState()
                    .endContainerStatus()
                    .endStatus()
                    .build());
  }
}
