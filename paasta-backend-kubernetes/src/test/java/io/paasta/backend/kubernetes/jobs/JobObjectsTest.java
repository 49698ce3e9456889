package io.paasta.backend.kubernetes.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.paasta.planning.jobs.JobTask;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An attempt's state from its Job and pod, for what the fake controllers do not play. */
class JobObjectsTest {
  private static Job job(boolean failed) {
    JobBuilder job =
        new JobBuilder()
            .withNewMetadata()
            .withNamespace("paastasvc-svc")
            .withName("svc-nightly-4-1")
            .withLabels(
                Map.of(
                    "paasta.yelp.com/managed",
                    "true",
                    "paasta.yelp.com/cluster",
                    "local",
                    JobObjects.RUN_ID,
                    "4",
                    JobObjects.ATTEMPT,
                    "1"))
            .withAnnotations(
                Map.of(
                    JobObjects.JOB_SERVICE, "svc",
                    JobObjects.JOB_INSTANCE, "nightly",
                    JobObjects.EXECUTION_DATE, "2026-01-01T04:00:00Z"))
            .endMetadata()
            .withNewStatus()
            .withStartTime("2026-01-01T04:00:01Z")
            .endStatus();
    if (failed) {
      job.editStatus()
          .addNewCondition()
          .withType("Failed")
          .withStatus("True")
          .withReason("DeadlineExceeded")
          .withMessage("Job was active longer than specified deadline")
          .withLastTransitionTime("2026-01-01T05:00:00Z")
          .endCondition()
          .endStatus();
    }
    return job.build();
  }

  private static JobTask task(Job job, List<Pod> pods) {
    return JobObjects.taskOf(job, pods, "local").orElseThrow();
  }

  @Test
  void aPodWaitingOnAnImageItCannotPullEndsTheAttemptWithWhatToCheck() {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("svc-nightly-4-1-abcde")
            .endMetadata()
            .withNewStatus()
            .withPhase("Pending")
            .addNewContainerStatus()
            .withImage("registry.local:5000/services-svc:paasta-0123")
            .withNewState()
            .withNewWaiting()
            .withReason("ImagePullBackOff")
            .withMessage("Back-off pulling image")
            .endWaiting()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build();
    JobTask task = task(job(false), List.of(pod));
    assertThat(task.running()).isFalse();
    assertThat(task.lostReason().orElseThrow())
        .contains("ImagePullBackOff")
        .contains(
            "is image registry.local:5000/services-svc:paasta-0123 in the cluster's registry");
  }

  @Test
  void anEvictedPodIsLostNotTheJobsOwnFailure() {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("svc-nightly-4-1-abcde")
            .endMetadata()
            .withNewStatus()
            .withPhase("Failed")
            .withReason("Evicted")
            .withMessage("The node was low on resource: memory.")
            .endStatus()
            .build();
    JobTask task = task(job(false), List.of(pod));
    assertThat(task.running()).isFalse();
    assertThat(task.lostReason())
        .hasValue(
            "the kubelet evicted its pod svc-nightly-4-1-abcde: The node was low on resource:"
                + " memory.");
  }

  @Test
  void aJobThatFailedWithoutAnExitCodeSaysWhy() {
    JobTask task = task(job(true), List.of());
    assertThat(task.running()).isFalse();
    assertThat(task.exitCode()).isEmpty();
    assertThat(task.finishedAt())
        .hasValueSatisfying(t -> assertThat(t).hasToString("2026-01-01T05:00:00Z"));
    assertThat(task.lostReason().orElseThrow())
        .startsWith(
            "its Job failed (DeadlineExceeded: Job was active longer than specified deadline)");
  }

  @Test
  void aJobWithoutPodsYetRunsAndOneOfAnotherClusterIsNoTask() {
    assertThat(task(job(false), List.of()).running()).isTrue();
    assertThat(JobObjects.taskOf(job(false), List.of(), "other")).isEmpty();
  }
}
