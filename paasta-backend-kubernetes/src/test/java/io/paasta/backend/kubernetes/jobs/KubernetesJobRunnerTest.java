package io.paasta.backend.kubernetes.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.paasta.backend.kubernetes.testing.FakeControllers;
import io.paasta.backend.kubernetes.testing.MockCluster;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobTask;
import io.paasta.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes job runner on the mock API server, with {@link FakeControllers} playing the Job
 * controller and the kubelet: what {@code DockerJobRunner} guarantees, mapped to Jobs.
 */
class KubernetesJobRunnerTest {
  private static final String JOBS = "/apis/batch/v1/namespaces/paastasvc-svc/jobs";

  @TempDir Path tmp;
  private final ManualClock clock = new ManualClock();
  private MockCluster mock;
  private KubernetesClient admin;
  private FakeControllers controllers;
  private JobFixture fixture;
  private KubernetesJobRunner runner;

  @BeforeEach
  void start() {
    mock = new MockCluster();
    admin = mock.client();
    controllers = new FakeControllers(admin, clock);
    fixture =
        new JobFixture(tmp)
            .jobs(
                """
                ok:
                  schedule: "R/2026-01-01T04:00:00Z/PT7M"
                  cmd: "echo fine"
                  deploy_group: everything
                failing:
                  schedule: "R/2026-01-01T04:00:00Z/PT7M"
                  cmd: "echo trying; exit 3"
                  deploy_group: everything
                long:
                  schedule: "R/2026-01-01T04:00:00Z/PT7M"
                  cmd: "sleep 1000"
                  deploy_group: everything
                  mem: 64
                """);
    runner = runner();
  }

  private KubernetesJobRunner runner() {
    KubernetesJobRunner made =
        new KubernetesJobRunner("local", mock.client(), fixture.manifests(), clock);
    assertThat(made.start(Duration.ofSeconds(30))).isTrue();
    return made;
  }

  @AfterEach
  void stop() {
    runner.close();
    admin.close();
    mock.close();
  }

  private JobTask task(String taskId) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> runner.observeJobTasks().stream().anyMatch(t -> t.taskId().equals(taskId)));
    return runner.observeJobTasks().stream()
        .filter(t -> t.taskId().equals(taskId))
        .findFirst()
        .orElseThrow();
  }

  /** Steps the controllers until the runner sees the attempt ended. */
  private JobTask ended(String taskId) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              controllers.stepJobs();
              return !task(taskId).running();
            });
    return task(taskId);
  }

  private List<Job> jobs() {
    return admin.batch().v1().jobs().inAnyNamespace().list().getItems();
  }

  @Test
  void anAttemptRunsAsALabelledJobWithoutRetriesOfItsOwnAndItsExitIsObserved() {
    String id = runner.start(fixture.launch("ok", 7, 1));
    assertThat(id).isEqualTo("paastasvc-svc/svc-ok-7-1");
    Job job = jobs().get(0);
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    assertThat(job.getMetadata().getLabels())
        .containsEntry("paasta.yelp.com/managed", "true")
        .containsEntry("paasta.yelp.com/service", "svc")
        .containsEntry("paasta.yelp.com/instance", "ok")
        .containsEntry("paasta.yelp.com/cluster", "local")
        .containsEntry("paasta.yelp.com/git_sha", JobFixture.SHA)
        .containsEntry("paasta.yelp.com/job_run_id", "7")
        .containsEntry("paasta.yelp.com/job_attempt", "1")
        .containsKey("paasta.yelp.com/config_sha");
    assertThat(job.getMetadata().getAnnotations())
        .containsEntry("paasta.yelp.com/job_execution_date", "2026-01-01T04:00:00Z");
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand())
        .containsExactly("sh", "-c", "echo fine");
    assertThat(task(id).running()).isTrue();
    JobTask done = ended(id);
    assertThat(done.exitCode()).hasValue(0);
    assertThat(done.lostReason()).isEmpty();
    assertThat(done.runId()).isEqualTo(7);
    assertThat(done.attempt()).isEqualTo(1);
    assertThat(done.executionDate()).isEqualTo(JobFixture.EXECUTION_DATE);
    assertThat(done.gitSha()).isEqualTo(JobFixture.SHA);
    assertThat(done.finishedAt()).isPresent();
  }

  @Test
  void aNonZeroExitIsObservedWithItsCodeAsTheJobsOwn() {
    String id = runner.start(fixture.launch("failing", 1, 1));
    JobTask done = ended(id);
    assertThat(done.exitCode()).hasValue(3);
    assertThat(done.lostReason()).isEmpty();
    assertThat(controllers.jobPods(p -> true)).hasSize(1); // backoffLimit 0: no second pod
  }

  @Test
  void aStartRetriedForTheSameAttemptAdoptsItsJobAndNeverStartsItTwice() {
    JobLaunch launch = fixture.launch("long", 3, 2);
    String first = runner.start(launch);
    controllers.stepJobs();
    assertThat(runner.start(launch)).isEqualTo(first);
    controllers.stepJobs();
    assertThat(jobs()).hasSize(1);
    assertThat(controllers.jobPods(p -> true)).hasSize(1);
  }

  @Test
  void aJobOfTheAttemptsNameThatIsNotTheAttemptIsRefusedAndLeftAlone() {
    runner.start(fixture.launch("long", 3, 1));
    Job other = jobs().get(0);
    other.getMetadata().getAnnotations().put(JobObjects.JOB_INSTANCE, "someone-else");
    admin.resource(other).update();
    assertThatThrownBy(() -> runner.start(fixture.launch("long", 3, 1)))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("a Job named paastasvc-svc/svc-long-3-1 exists and is not this")
        .hasMessageContaining("kubectl -n paastasvc-svc delete job svc-long-3-1");
    assertThat(jobs()).hasSize(1);
  }

  @Test
  void aRestartedDaemonAdoptsTheRunningAttemptFromTheApiServerAlone() {
    String id = runner.start(fixture.launch("long", 9, 1));
    controllers.stepJobs();
    runner.close();
    runner = runner(); // a new daemon: nothing in memory
    JobTask adopted = task(id);
    assertThat(adopted.running()).isTrue();
    assertThat(adopted.job()).isEqualTo(JobFixture.ref("long"));
    assertThat(adopted.runId()).isEqualTo(9);
    assertThat(adopted.startedAt()).isPresent();
    controllers.finish("svc-long-9-1", 4);
    assertThat(ended(id).exitCode()).hasValue(4);
  }

  @Test
  void anAttemptTheOomKillerKilledIsLostWithWhatToDo() {
    String id = runner.start(fixture.launch("long", 1, 1));
    controllers.stepJobs();
    controllers.oomKill("svc-long-1-1");
    JobTask done = ended(id);
    assertThat(done.exitCode()).hasValue(137);
    assertThat(done.lostReason().orElseThrow())
        .startsWith("the kernel's OOM killer killed it (exit code 137)")
        .contains("raise mem for the job");
  }

  @Test
  void aKilledAttemptIsSuspendedItsPodStoppedAndItsExitStaysToBeObserved() {
    String id = runner.start(fixture.launch("long", 2, 1));
    controllers.stepJobs();
    await().until(() -> task(id).startedAt().isPresent());
    runner.kill(id);
    Job job = jobs().get(0);
    assertThat(job.getSpec().getSuspend()).isTrue();
    assertThat(job.getMetadata().getAnnotations()).containsKey(JobObjects.KILLED_AT);
    JobTask done = ended(id);
    assertThat(done.exitCode()).hasValue(143);
    assertThat(done.lostReason()).isEmpty();
    assertThat(controllers.jobPods(p -> true)).isEmpty();
    runner.kill(id); // ended: no error
    assertThat(jobs()).hasSize(1);
  }

  @Test
  void removedAttemptsAreGoneWithTheirPodsAndRemovingAgainIsNoError() {
    String id = runner.start(fixture.launch("ok", 5, 1));
    ended(id);
    runner.remove(id);
    controllers.stepJobs(); // the garbage collector
    assertThat(jobs()).isEmpty();
    assertThat(controllers.jobPods(p -> true)).isEmpty();
    await().until(() -> runner.observeJobTasks().isEmpty());
    runner.remove(id);
    runner.kill(id);
  }

  @Test
  void anExitIsToldToTheExitListenersAtOnce() {
    List<JobTask> told = new CopyOnWriteArrayList<>();
    runner.onExit(told::add);
    String id = runner.start(fixture.launch("failing", 4, 1));
    await()
        .until(
            () -> {
              controllers.stepJobs();
              return told.stream().anyMatch(t -> t.taskId().equals(id));
            });
    assertThat(told.get(0).exitCode()).hasValue(3);
  }

  @Test
  void aTaskThatIsNoJobAttemptOfTheClusterIsRefused() {
    assertThatThrownBy(() -> runner.kill("not-a-task"))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("is not the Job of an attempt of a job of cluster local");
  }

  @Test
  void forbiddenNamesTheVerbAndResource() {
    mock.server()
        .expect()
        .post()
        .withPath(JOBS)
        .andReturn(
            403,
            new StatusBuilder()
                .withStatus("Failure")
                .withCode(403)
                .withReason("Forbidden")
                .withMessage(
                    "jobs.batch is forbidden: User \"system:serviceaccount:paasta:paasta\""
                        + " cannot create resource \"jobs\" in API group \"batch\"")
                .build())
        .always();
    assertThatThrownBy(() -> runner.start(fixture.launch("ok", 1, 1)))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining(
            "create Job paastasvc-svc/svc-ok-1-1: forbidden: the daemon's account may not create"
                + " jobs in namespace paastasvc-svc")
        .hasMessageContaining("cannot create resource \"jobs\"");
  }

  @Test
  void withTheApiServerDownAStartFailsWithAClearErrorAndTheLastViewStays() {
    String id = runner.start(fixture.launch("long", 1, 1));
    controllers.stepJobs();
    await().until(() -> task(id).startedAt().isPresent());
    mock.server().shutdown();
    assertThatThrownBy(() -> runner.start(fixture.launch("ok", 2, 1)))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("the API server did not answer");
    assertThat(task(id).running()).isTrue();
  }

  @Test
  void aJobWithoutItsConfigCannotStartAndSaysWhy() {
    KubernetesJobRunner none =
        new KubernetesJobRunner(
            "local",
            mock.client(),
            JobManifests.rendered(
                io.paasta.backend.kubernetes.testing.BackendHarness.CLUSTER,
                ref -> Optional.empty()),
            clock);
    try {
      assertThatThrownBy(() -> none.start(fixture.launch("ok", 1, 1)))
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("its config is not in soa-configs any more");
    } finally {
      none.close();
    }
  }
}
