package io.paasta.backend.kubernetes.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.paasta.backend.kubernetes.KubernetesBackend;
import io.paasta.backend.kubernetes.render.ObjectLabels;
import io.paasta.backend.kubernetes.testing.MockCluster;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.TaskLogSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PodOutputCollectorTest {
  private static final String NS = "paasta-svc";
  private static final String CID = "containerd://abc123";
  private static final InstanceRef REF =
      new InstanceRef("svc", "local", "main", InstanceKind.KUBERNETES);

  private final MockCluster cluster = new MockCluster();
  private final KubernetesClient client = cluster.client();
  private final RecordingSink sink = new RecordingSink();

  @AfterEach
  void close() {
    client.close();
    cluster.close();
  }

  @Test
  void storesAnExitedContainersLinesWithItsInstanceAndTimes() {
    client.pods().inNamespace(NS).resource(pod("p1", false)).create();
    expectLog("p1", "", "2026-12-06T10:00:00.100000000Z hello\n2026-12-06T10:00:01.5Z world\n");

    try (PodOutputCollector collector = collector()) {
      Awaitility.await().until(() -> sink.lines.size() == 2);
    }

    assertThat(sink.lines)
        .containsExactly(
            new TaskLogSink.Output(
                REF, CID, "stdout", Instant.parse("2026-12-06T10:00:00.1Z"), "hello"),
            new TaskLogSink.Output(
                REF, CID, "stdout", Instant.parse("2026-12-06T10:00:01.5Z"), "world"));
    assertThat(sink.lifecycle)
        .containsExactlyInAnyOrder("task p1/main started", "task p1/main exited with code 0");
  }

  @Test
  void aCollectorStartedAgainResumesWithoutRepeating() {
    client.pods().inNamespace(NS).resource(pod("p1", false)).create();
    sink.lines.add(
        new TaskLogSink.Output(
            REF, CID, "stdout", Instant.parse("2026-12-06T10:00:01.5Z"), "stored before"));
    sink.lifecycle(REF, CID, Instant.EPOCH, "task p1/main exited with code 0");
    sink.lifecycle.clear(); // stored by the daemon before: not stored again
    // the API server answers from the second: lines at or before the stored one are dropped
    expectLog(
        "p1",
        "&sinceTime=2026-12-06T10:00:01Z",
        "2026-12-06T10:00:01.5Z stored before\n2026-12-06T10:00:02Z after restart\n");

    try (PodOutputCollector collector = collector()) {
      Awaitility.await().until(() -> sink.lines.size() == 2);
    }

    assertThat(sink.lines)
        .extracting(TaskLogSink.Output::text)
        .containsExactly("stored before", "after restart");
    assertThat(sink.lifecycle).isEmpty();
  }

  @Test
  void aRestartedContainersPreviousRunIsReadOnceAndItsNewRunFollowed() {
    Pod restarted = pod("p4", true);
    restarted
        .getStatus()
        .getContainerStatuses()
        .get(0)
        .setLastState(
            new io.fabric8.kubernetes.api.model.ContainerStateBuilder()
                .withNewTerminated()
                .withExitCode(1)
                .withContainerID("containerd://before")
                .endTerminated()
                .build());
    client.pods().inNamespace(NS).resource(restarted).create();
    expectLog("p4", "&previous=true", 200, "2026-12-06T10:00:00Z crashed\n", false);
    expectLog("p4", "", 200, "2026-12-06T10:00:05Z came back\n", true);

    try (PodOutputCollector collector = collector()) {
      Awaitility.await().until(() -> sink.lines.size() == 2);
    }

    assertThat(sink.lines)
        .extracting(TaskLogSink.Output::taskId, TaskLogSink.Output::text)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("containerd://before", "crashed"),
            org.assertj.core.groups.Tuple.tuple(CID, "came back"));
    assertThat(sink.lifecycle)
        .containsExactlyInAnyOrder("task p4/main started", "task p4/main exited with code 1");
  }

  @Test
  void theBackendCollectsItsPodsOutputUntilClosed() {
    try (io.paasta.backend.kubernetes.testing.BackendHarness harness =
        new io.paasta.backend.kubernetes.testing.BackendHarness(
            cluster, ignored -> Optional.empty())) {
      expectLog("p5", "", "2026-12-06T10:00:00Z from the backend\n");
      harness.backend.collectOutput(sink);
      harness.admin.pods().inNamespace(NS).resource(pod("p5", false)).create();
      Awaitility.await().until(() -> sink.lines.size() == 1);
      assertThat(sink.lines.get(0).ref()).isEqualTo(REF);
    }
  }

  @Test
  void aRefusedStreamIsRetriedNotTakenForItsEnd() {
    client.pods().inNamespace(NS).resource(pod("p6", false)).create();
    expectLog("p6", "", 404, "etcd is away", false);
    expectLog("p6", "", "2026-12-06T10:00:00Z after the outage\n");

    try (PodOutputCollector collector = collector()) {
      Awaitility.await().until(() -> sink.lines.size() == 1);
    }

    assertThat(sink.lines).extracting(TaskLogSink.Output::text).containsExactly("after the outage");
  }

  @Test
  void aRunningContainersStreamThatDropsIsReopenedFromItsLastLine() {
    client.pods().inNamespace(NS).resource(pod("p7", true)).create();
    expectLog("p7", "", 200, "2026-12-06T10:00:00.5Z before the drop\n", true);
    expectLog(
        "p7",
        "&sinceTime=2026-12-06T10:00:00Z",
        200,
        "2026-12-06T10:00:00.5Z before the drop\n2026-12-06T10:00:03Z after the drop\n",
        true);

    try (PodOutputCollector collector = collector()) {
      Awaitility.await().until(() -> sink.lines.size() >= 2);
    }

    assertThat(sink.lines)
        .extracting(TaskLogSink.Output::text)
        .containsExactly("before the drop", "after the drop");
  }

  @Test
  void aDeletedPodsStreamStops() {
    client.pods().inNamespace(NS).resource(pod("p2", true)).create();
    // no answer scripted: the stream fails and is retried until the pod is gone
    try (PodOutputCollector collector = collector()) {
      Awaitility.await().until(() -> collector.following() == 1);
      client.pods().inNamespace(NS).withName("p2").delete();
      Awaitility.await().until(() -> collector.following() == 0);
    }
    assertThat(sink.lines).isEmpty();
  }

  @Test
  void aPodOfNoInstanceIsNotRead() {
    Pod other = pod("p3", false);
    other.getMetadata().getLabels().put(ObjectLabels.CLUSTER, "elsewhere");
    client.pods().inNamespace(NS).resource(other).create();
    try (PodOutputCollector collector = collector()) {
      Awaitility.await().pollDelay(Duration.ofMillis(300)).until(() -> true);
      assertThat(collector.following()).isZero();
    }
  }

  private PodOutputCollector collector() {
    return collector(client, sink);
  }

  /** A started collector of cluster {@code local}'s pods, reconnecting 50 to 200 ms apart. */
  static PodOutputCollector collector(KubernetesClient client, TaskLogSink sink) {
    return new PodOutputCollector(
            client,
            object -> KubernetesBackend.refOf("local", object),
            sink,
            Clock.systemUTC(),
            Duration.ofMillis(50),
            Duration.ofMillis(200),
            4)
        .start();
  }

  /** Scripts the answer to a followed stream ({@code running}) or an ended run's read. */
  private void expectLog(String pod, String since, String body) {
    expectLog(pod, since, 200, body, false);
  }

  private void expectLog(String pod, String since, int status, String body, boolean running) {
    cluster
        .server()
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/"
                + NS
                + "/pods/"
                + pod
                + "/log?pretty=false&container=main"
                + since
                + "&timestamps=true"
                + (running ? "&follow=true" : ""))
        .andReturn(status, body)
        .once();
  }

  private static Pod pod(String name, boolean running) {
    PodBuilder pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NS)
            .addToLabels(ObjectLabels.SERVICE, "svc")
            .addToLabels(ObjectLabels.INSTANCE, "main")
            .addToLabels(ObjectLabels.CLUSTER, "local")
            .endMetadata();
    return running
        ? pod.withNewStatus()
            .addNewContainerStatus()
            .withName("main")
            .withContainerID(CID)
            .withNewState()
            .withNewRunning()
            .endRunning()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build()
        : pod.withNewStatus()
            .addNewContainerStatus()
            .withName("main")
            .withContainerID(CID)
            .withNewState()
            .withNewTerminated()
            .withExitCode(0)
            .endTerminated()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build();
  }

  /**
   * Keeps what it is handed; remembers positions, and keeps each task's lifecycle line once, as the
   * daemon's store does.
   */
  static final class RecordingSink implements TaskLogSink {
    final List<TaskLogSink.Output> lines = new CopyOnWriteArrayList<>();
    final List<String> lifecycle = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.Set<String> stored = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public Optional<Instant> storedUpTo(String taskId) {
      return lines.stream()
          .filter(l -> l.taskId().equals(taskId))
          .map(TaskLogSink.Output::at)
          .max(Instant::compareTo);
    }

    @Override
    public void output(InstanceRef ref, String taskId, String stream, Instant at, String text) {
      lines.add(new TaskLogSink.Output(ref, taskId, stream, at, text));
    }

    @Override
    public void lifecycle(InstanceRef ref, String taskId, Instant at, String message) {
      calls.incrementAndGet();
      if (stored.add(taskId + " " + message)) {
        lifecycle.add(message);
      }
    }
  }
}
