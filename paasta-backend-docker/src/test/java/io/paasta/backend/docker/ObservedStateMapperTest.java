package io.paasta.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.testing.Containers;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import io.paasta.planning.observed.DrainState;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ObservedStateMapperTest {
  private static Map<String, String> labels(String service, String instance, String cluster) {
    Map<String, String> labels = new HashMap<>();
    labels.put(Labels.MANAGED, "true");
    labels.put(Labels.SERVICE, service);
    labels.put(Labels.INSTANCE, instance);
    if (cluster != null) {
      labels.put(Labels.CLUSTER, cluster);
    }
    labels.put(Labels.APP_ID, service + "." + instance + ".gitaaaa.configbbbb");
    labels.put(Labels.PORT0, "31001");
    return labels;
  }

  @Test
  void aRunningContainerIsARunningTaskWithItsPortHealthAndDrain() {
    ManagedContainer c = Containers.running("c1", labels("web", "main", "norcal"));

    ObservedTask task = ObservedStateMapper.taskOf(c, HealthState.HEALTHY, DrainState.DRAINING);

    assertThat(task)
        .isEqualTo(
            new ObservedTask(
                "c1",
                "web.main.gitaaaa.configbbbb",
                TaskState.RUNNING,
                c.startedAt(),
                java.util.Optional.empty(),
                OptionalInt.empty(),
                OptionalInt.of(31001),
                HealthState.HEALTHY,
                DrainState.DRAINING,
                false));
  }

  @Test
  void anExitedContainerKeepsItsExitCodeAndFinishAndHasNoHealth() {
    ObservedTask task =
        ObservedStateMapper.taskOf(
            Containers.exited("c2", labels("web", "main", "norcal"), 3),
            HealthState.FAILED,
            DrainState.NOT_DRAINING);

    assertThat(task.state()).isEqualTo(TaskState.EXITED);
    assertThat(task.exitCode()).hasValue(3);
    assertThat(task.finishedAt()).contains(Instant.parse("2026-01-01T00:01:00Z"));
    assertThat(task.health()).isEqualTo(HealthState.UNKNOWN);
  }

  @Test
  void containersAreGroupedByInstanceOfTheClusterOnly() {
    Map<String, String> canary = labels("web", "canary", "norcal");
    canary.put(Labels.KIND, "kubernetes");
    List<ManagedContainer> containers =
        List.of(
            Containers.running("a", labels("web", "main", "norcal")),
            Containers.exited("b", labels("web", "main", "norcal"), 1),
            Containers.running("c", canary),
            Containers.running("d", labels("web", "main", "other-cluster")),
            Containers.running("e", labels("api", "main", null)),
            Containers.running("f", Map.of(Labels.MANAGED, "true")));

    List<ObservedInstance> instances =
        ObservedStateMapper.instances(
            containers, "norcal", c -> HealthState.HEALTHY, c -> DrainState.NOT_DRAINING);

    assertThat(instances)
        .extracting(ObservedInstance::ref)
        .containsExactly(
            new InstanceRef("api", "norcal", "main", InstanceKind.MARATHON),
            new InstanceRef("web", "norcal", "canary", InstanceKind.KUBERNETES),
            new InstanceRef("web", "norcal", "main", InstanceKind.MARATHON));
    assertThat(instances.get(2).tasks()).extracting(ObservedTask::id).containsExactly("a", "b");
  }

  @Test
  void aScheduledJobsAttemptIsNoServiceTaskEvenOfTheSameServiceAndInstance() {
    Map<String, String> job = labels("web", "main", "norcal");
    job.put(Labels.KIND, "chronos");
    List<ManagedContainer> containers =
        List.of(
            Containers.running("a", labels("web", "main", "norcal")), Containers.running("j", job));

    List<ObservedInstance> instances =
        ObservedStateMapper.instances(
            containers, "norcal", c -> HealthState.HEALTHY, c -> DrainState.NOT_DRAINING);

    assertThat(instances)
        .singleElement()
        .satisfies(i -> assertThat(i.tasks()).extracting(ObservedTask::id).containsExactly("a"));
    assertThat(ObservedStateMapper.isServiceTaskOf(job, "norcal")).isFalse();
    assertThat(ObservedStateMapper.isJobTask(job)).isTrue();
    assertThat(ObservedStateMapper.isJobTask(labels("web", "main", "norcal"))).isFalse();
  }

  @Test
  void aBadPortLabelIsNoPort() {
    Map<String, String> labels = labels("web", "main", "norcal");
    labels.put(Labels.PORT0, "http");

    assertThat(Containers.running("x", labels).port0()).isEmpty();
  }
}
