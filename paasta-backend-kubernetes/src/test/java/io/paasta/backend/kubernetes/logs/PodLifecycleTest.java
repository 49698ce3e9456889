package io.paasta.backend.kubernetes.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.paasta.backend.kubernetes.render.ObjectLabels;
import io.paasta.backend.kubernetes.testing.FakeControllers;
import io.paasta.backend.kubernetes.testing.MockCluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code task_lifecycle} lines from the pods' status changes the informer sees: exits with their
 * code, OOM kills, readiness flips, evictions, deletions; each once, also across a restart of the
 * daemon (the same facts make the same lines, which the store keeps once).
 */
class PodLifecycleTest {
  private static final String NS = "paasta-svc";

  private final MockCluster cluster = new MockCluster();
  private final KubernetesClient client = cluster.client();
  private final PodOutputCollectorTest.RecordingSink sink =
      new PodOutputCollectorTest.RecordingSink();

  @AfterEach
  void close() {
    client.close();
    cluster.close();
  }

  @Test
  void exitsReadinessFlipsEvictionsAndDeletionsAreToldOnceEach() {
    client.pods().inNamespace(NS).resource(running("p1", "c1", true, "10:00:00")).create();
    client.pods().inNamespace(NS).resource(running("p2", "c2", true, "10:00:00")).create();
    client.pods().inNamespace(NS).resource(running("p3", "c3", true, "10:00:00")).create();
    try (PodOutputCollector collector = collector()) {
      Awaitility.await().until(() -> sink.lifecycle.size() == 3);
      assertThat(sink.lifecycle)
          .containsExactlyInAnyOrder(
              "task p1/main started", "task p2/main started", "task p3/main started");

      edit("p1", p -> ready(p, false, "10:00:05", "Readiness probe failed: HTTP 500"));
      edit("p1", p -> ready(p, true, "10:00:09", null));
      edit("p1", p -> ready(p, false, "10:01:00", null)); // the same flip again: a new line
      edit("p1", p -> terminated(p, "c1", 137, "OOMKilled"));
      new FakeControllers(client, Clock.systemUTC())
          .evict(client.pods().inNamespace(NS).withName("p2").get());
      client.pods().inNamespace(NS).withName("p3").delete();

      List<String> told =
          List.of(
              "task p1 not ready (unhealthy) since 2026-12-06T10:00:05Z: Readiness probe failed:"
                  + " HTTP 500",
              "task p1 ready (healthy) since 2026-12-06T10:00:09Z",
              "task p1 not ready (unhealthy) since 2026-12-06T10:01:00Z",
              "task p1/main OOM killed, exited with code 137",
              "task p2 evicted: The node was low on resource: memory.",
              "task p3/main killed (its pod was deleted)");
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(sink.lifecycle).containsAll(told));
      assertThat(sink.lifecycle).hasSize(3 + told.size());
    }

    // the daemon started again: its informer lists every pod, the same facts are the same lines
    List<String> before = List.copyOf(sink.lifecycle);
    int stored = sink.calls.get();
    try (PodOutputCollector collector = collector()) {
      Awaitility.await().until(() -> sink.calls.get() > stored);
      Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
    }
    assertThat(sink.lifecycle).isEqualTo(before);
  }

  @Test
  void aSignalOrAPlainExitIsSaidWithItsCodeAndAPodFirstSeenTellsNoReadiness() {
    Pod ready = ready(running("p", "c", true, "10:00:00"), true, "10:00:00", null);
    assertThat(PodLifecycle.changes(null, ready, Instant.EPOCH)).isEmpty();
    assertThat(PodLifecycle.changes(ready, terminated(ready, "c", 143, "Error"), Instant.EPOCH))
        .extracting(PodLifecycle.Line::taskId, PodLifecycle.Line::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "containerd://c", "task p/main killed (signal 15), exited with code 143"));
    assertThat(PodLifecycle.changes(null, terminated(ready, "c", 3, "Error"), Instant.EPOCH))
        .extracting(PodLifecycle.Line::message)
        .containsExactly("task p/main exited with code 3");
    // a restarted container: its previous run's exit, once
    Pod restarted =
        new PodBuilder(ready)
            .editStatus()
            .withContainerStatuses(
                new ContainerStatusBuilder(ready.getStatus().getContainerStatuses().get(0))
                    .withContainerID("containerd://c2")
                    .withRestartCount(1)
                    .withNewLastState()
                    .withNewTerminated()
                    .withContainerID("containerd://c")
                    .withExitCode(1)
                    .withFinishedAt("2026-12-06T10:00:03Z")
                    .endTerminated()
                    .endLastState()
                    .build())
            .endStatus()
            .build();
    assertThat(PodLifecycle.changes(ready, restarted, Instant.EPOCH))
        .containsExactly(
            new PodLifecycle.Line(
                "containerd://c",
                Instant.parse("2026-12-06T10:00:03Z"),
                "task p/main exited with code 1"));
    assertThat(PodLifecycle.changes(restarted, restarted, Instant.EPOCH)).isEmpty();
  }

  private PodOutputCollector collector() {
    return PodOutputCollectorTest.collector(client, sink);
  }

  private void edit(String pod, UnaryOperator<Pod> change) {
    client.pods().inNamespace(NS).withName(pod).edit(change);
  }

  private static Pod running(String name, String container, boolean ready, String since) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NS)
            .addToLabels(ObjectLabels.SERVICE, "svc")
            .addToLabels(ObjectLabels.INSTANCE, "main")
            .addToLabels(ObjectLabels.CLUSTER, "local")
            .endMetadata()
            .withNewStatus()
            .withPhase("Running")
            .addNewContainerStatus()
            .withName("main")
            .withContainerID("containerd://" + container)
            .withNewState()
            .withNewRunning()
            .endRunning()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build();
    return ready(pod, ready, since, null);
  }

  private static Pod ready(Pod pod, boolean ready, String since, String message) {
    return new PodBuilder(pod)
        .editStatus()
        .withConditions(
            new io.fabric8.kubernetes.api.model.PodConditionBuilder()
                .withType("Ready")
                .withStatus(ready ? "True" : "False")
                .withLastTransitionTime("2026-12-06T" + since + "Z")
                .withMessage(message)
                .build())
        .endStatus()
        .build();
  }

  private static Pod terminated(Pod pod, String container, int code, String reason) {
    return new PodBuilder(pod)
        .editStatus()
        .withPhase("Failed")
        .withContainerStatuses(
            new ContainerStatusBuilder()
                .withName("main")
                .withContainerID("containerd://" + container)
                .withNewState()
                .withNewTerminated()
                .withExitCode(code)
                .withReason(reason)
                .endTerminated()
                .endState()
                .build())
        .endStatus()
        .build();
  }
}
