package io.paasta.backend.docker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.testing.Containers;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.Labels;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobTask;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobLabelsTest {
  private static final Instant DATE = Instant.parse("2026-03-01T04:00:00Z");
  private static final InstanceRef JOB =
      new InstanceRef("batch_reports", "local", "nightly", InstanceKind.CHRONOS);

  private static JobLaunch launch(RunSpecBuilder run) {
    return new JobLaunch(JOB, 42, 2, DATE, run.build());
  }

  @Test
  void theJobsLabelsWinOverTheSpecsAndNameTheRunAndAttempt() {
    JobLaunch launch =
        launch(
            RunSpecBuilder.image("img")
                .label(Labels.KIND, "marathon")
                .label(Labels.MANAGED, "false")
                .label(Labels.GIT_SHA, "abc")
                .label("team", "data"));

    assertThat(JobLabels.of(launch))
        .containsEntry(Labels.MANAGED, "true")
        .containsEntry(Labels.KIND, "chronos")
        .containsEntry(Labels.SERVICE, "batch_reports")
        .containsEntry(Labels.INSTANCE, "nightly")
        .containsEntry(Labels.CLUSTER, "local")
        .containsEntry(Labels.GIT_SHA, "abc")
        .containsEntry(Labels.CONFIG_HASH, "")
        .containsEntry("team", "data")
        .containsEntry(JobLabels.RUN_ID, "42")
        .containsEntry(JobLabels.ATTEMPT, "2")
        .containsEntry(JobLabels.EXECUTION_DATE, "2026-03-01T04:00:00Z");
    assertThat(JobLabels.isAttempt(JobLabels.of(launch), launch)).isTrue();
    assertThat(JobLabels.isJobOf(JobLabels.of(launch), "local")).isTrue();
    assertThat(JobLabels.isJobOf(JobLabels.of(launch), "other")).isFalse();
  }

  @Test
  void theNameIsDeterministicInTheEnginesNameCharacters() {
    JobLaunch launch = launch(RunSpecBuilder.image("img"));
    InstanceRef odd = new InstanceRef("svc", "my cluster", "in/st", InstanceKind.CHRONOS);

    assertThat(JobLabels.containerName(launch))
        .isEqualTo("paasta-job-local-batch_reports-nightly-42-2")
        .isEqualTo(JobLabels.containerName(launch(RunSpecBuilder.image("other"))));
    assertThat(
            JobLabels.containerName(
                new JobLaunch(odd, 1, 1, DATE, RunSpecBuilder.image("img").build())))
        .isEqualTo("paasta-job-my-cluster-svc-in-st-1-1");
  }

  @Test
  void anotherAttemptOfTheSameRunIsNotThisAttempt() {
    JobLaunch first = launch(RunSpecBuilder.image("img"));
    JobLaunch second = new JobLaunch(JOB, 42, 3, DATE, first.spec());

    assertThat(JobLabels.isAttempt(JobLabels.of(first), second)).isFalse();
  }

  @Test
  void aContainerIsReadBackAsTheTaskOfItsAttempt() {
    Map<String, String> labels = JobLabels.of(launch(RunSpecBuilder.image("img")));

    JobTask task = JobLabels.taskOf(Containers.exited("c1", labels, 3), Optional.empty()).get();

    assertThat(task.job()).isEqualTo(JOB);
    assertThat(task.runId()).isEqualTo(42);
    assertThat(task.attempt()).isEqualTo(2);
    assertThat(task.executionDate()).isEqualTo(DATE);
    assertThat(task.running()).isFalse();
    assertThat(task.exitCode()).hasValue(3);
    assertThat(JobLabels.taskOf(Containers.running("c2", labels), Optional.empty()).get().running())
        .isTrue();
    assertThat(
            JobLabels.taskOf(Containers.running("c3", labels), Optional.of("lost")).get().running())
        .as("a lost attempt runs no more")
        .isFalse();
  }

  @Test
  void labelsThatNameNoAttemptAreNoTask() {
    Map<String, String> labels = new HashMap<>(JobLabels.of(launch(RunSpecBuilder.image("img"))));
    labels.put(JobLabels.RUN_ID, "x");
    Map<String, String> noDate = new HashMap<>(JobLabels.of(launch(RunSpecBuilder.image("img"))));
    noDate.remove(JobLabels.EXECUTION_DATE);

    assertThat(JobLabels.taskOf(Containers.running("c", labels), Optional.empty())).isEmpty();
    assertThat(JobLabels.taskOf(Containers.running("c", noDate), Optional.empty())).isEmpty();
  }
}
