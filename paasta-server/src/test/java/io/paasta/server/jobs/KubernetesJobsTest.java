package io.paasta.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.paasta.backend.kubernetes.apply.LeaderLease;
import io.paasta.backend.kubernetes.jobs.JobManifests;
import io.paasta.backend.kubernetes.jobs.KubernetesJobRunner;
import io.paasta.backend.kubernetes.testing.BackendHarness;
import io.paasta.backend.kubernetes.testing.FakeControllers;
import io.paasta.backend.kubernetes.testing.MockCluster;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.SystemConfig;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.MemoryJobRunStore;
import io.paasta.planning.jobs.RunState;
import io.paasta.planning.jobs.RunTrigger;
import io.paasta.server.DaemonLog;
import io.paasta.server.DaemonProcess;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.status.StatusRegistry;
import io.paasta.testing.ConfigTree;
import io.paasta.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's runs on Kubernetes end to end: the daemon's scheduler with the Kubernetes job runner on
 * fabric8's mock API server (CRUD mode), {@link FakeControllers} playing the Job and CronJob
 * controllers and the kubelet, on a manual clock the test drives.
 */
class KubernetesJobsTest {
  private static final String CLUSTER = "local";
  private static final Instant T0 = Instant.parse("2026-01-01T04:00:00Z");
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final String JOBS = "/apis/batch/v1/namespaces/paastasvc-svc/jobs";

  @TempDir Path tmp;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final MemoryJobRunStore store = new MemoryJobRunStore();
  private final ManualClock clock = new ManualClock(T0);
  private MockCluster mock;
  private KubernetesClient admin;
  private FakeControllers controllers;
  private ConfigTree tree;
  private ServiceConfigs configs;
  private SystemConfig system;
  private KubernetesJobRunner runner;
  private KubernetesClient runnerClient;
  private JobScheduler scheduler;

  @BeforeEach
  void start() {
    mock = new MockCluster();
    admin = mock.client();
    controllers = new FakeControllers(admin, clock);
    tree = ConfigTree.soaConfigs(tmp);
    system = DaemonProcess.systemConfig(CLUSTER, "127.0.0.1:5000");
  }

  @AfterEach
  void stop() {
    System.out.print(log.toString(StandardCharsets.UTF_8)); // the scheduler's log, for a failure
    if (runner != null) {
      runner.close();
      runnerClient.close();
    }
    admin.close();
    mock.close();
  }

  private static InstanceRef job(String instance) {
    return new InstanceRef("svc", CLUSTER, instance, InstanceKind.CHRONOS);
  }

  /** soa-configs with {@code jobs} as chronos-local.yaml; a daemon (runner and scheduler). */
  private void cluster(String jobs) {
    write("svc/service.yaml", "description: jobs on Kubernetes\n");
    write("svc/chronos-" + CLUSTER + ".yaml", jobs);
    deployments("");
    configs =
        ServiceConfigs.of(
            SoaConfigsLoader.open(tree.root()),
            system,
            new StatusRegistry(),
            new DaemonLog(new PrintStream(log, true, StandardCharsets.UTF_8), clock),
            clock);
    configs.reloadAll();
    daemon();
  }

  /** A daemon started (again): a new runner (informers) and scheduler on the same run history. */
  private void daemon() {
    if (runner != null) {
      runner.close();
      runnerClient.close();
    }
    ClusterJobs jobs = new ClusterJobs(configs, system);
    // a write retried twice, as the daemon's client does (KubernetesBackends.REQUEST_RETRIES)
    runnerClient =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(admin.getConfiguration()).withRequestRetryBackoffLimit(2).build())
            .build();
    runner =
        new KubernetesJobRunner(
            CLUSTER,
            runnerClient,
            JobManifests.rendered(BackendHarness.CLUSTER, jobs::config),
            clock);
    assertThat(runner.start(Duration.ofSeconds(30))).isTrue();
    scheduler =
        new JobScheduler(
            jobs,
            Optional.of(runner),
            store,
            new DaemonLog(new PrintStream(log, true, StandardCharsets.UTF_8), clock),
            clock);
    scheduler.load();
  }

  private void write(String file, String text) {
    Path path = tree.write(file, text);
    try {
      Files.setLastModifiedTime(path, FileTime.from(Instant.now().minusSeconds(60)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void deployments(String controls) {
    write(
        "svc/deployments.json",
        "{\"v2\": {\"deployments\": {\"everything\": {\"docker_image\": \"services-svc:paasta-"
            + SHA
            + "\", \"git_sha\": \""
            + SHA
            + "\"}}, \"controls\": {"
            + controls
            + "}}}");
  }

  private JobRun newest(InstanceRef job) {
    return store.recent(job, 1).get(0);
  }

  /** Passes of the scheduler and rounds of the controllers until the job's newest run is in it. */
  private JobRun passUntil(InstanceRef job, RunState state) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              scheduler.runPass();
              controllers.stepJobs();
              return !store.recent(job, 1).isEmpty() && newest(job).state() == state;
            });
    return newest(job);
  }

  private List<Job> jobs() {
    return admin.batch().v1().jobs().inAnyNamespace().list().getItems();
  }

  private List<CronJob> cronJobs() {
    return admin.batch().v1().cronjobs().inAnyNamespace().list().getItems();
  }

  @Test
  void scheduledRunsAreRecordedAFailedAttemptIsRetriedAndAChildRunsAfterItsParent() {
    cluster(
        """
        flaky:
          schedule: "R/%1$s/PT7M"
          retries: 1
          cmd: "echo trying; exit 3"
          deploy_group: everything
        parent:
          schedule: "R/%1$s/PT7M"
          cmd: "echo parent"
          deploy_group: everything
        child:
          parents: [svc.parent]
          cmd: "echo child"
          deploy_group: everything
        """
            .formatted(T0));
    scheduler.runPass(); // flaky and parent start; the child is seen
    clock.advance(Duration.ofSeconds(1)); // the parent ends after that
    JobRun failed = passUntil(job("flaky"), RunState.FAILED);
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(failed.exitCode()).hasValue(3);
    assertThat(failed.message()).isEqualTo("attempt 2 of 2 exited with code 3");
    assertThat(jobs().stream().map(j -> j.getMetadata().getName()))
        .contains("svc-flaky-" + failed.runId() + "-1", "svc-flaky-" + failed.runId() + "-2");

    JobRun parent = passUntil(job("parent"), RunState.SUCCEEDED);
    assertThat(parent.trigger()).isEqualTo(RunTrigger.SCHEDULE);
    assertThat(parent.executionDate()).isEqualTo(T0);
    assertThat(parent.taskId()).hasValue("paastasvc-svc/svc-parent-" + parent.runId() + "-1");
    JobRun child = passUntil(job("child"), RunState.SUCCEEDED);
    assertThat(child.trigger()).isEqualTo(RunTrigger.PARENTS);
    assertThat(cronJobs()).isEmpty(); // cron cannot say PT7M, nor parents
  }

  @Test
  void aRestartedDaemonAdoptsTheRunningJobNeverStartsItTwiceAndAStopKillsIt() {
    cluster(
        """
        long:
          schedule: "R/%s/PT7M"
          cmd: "sleep 1000"
          deploy_group: everything
        """
            .formatted(T0));
    scheduler.runPass();
    controllers.stepJobs();
    JobRun run = newest(job("long"));
    String task = run.taskId().orElseThrow();
    daemon(); // a daemon started again: nothing of the old one's in memory
    passes(scheduler);
    assertThat(jobs()).hasSize(1);
    assertThat(controllers.jobPods(p -> true)).hasSize(1);
    assertThat(newest(job("long")).state()).isEqualTo(RunState.RUNNING);
    assertThat(newest(job("long")).taskId()).hasValue(task);

    deployments("\"svc:local.long\": {\"desired_state\": \"stop\", \"force_bounce\": null}");
    configs.reloadAll();
    JobRun killed = passUntil(job("long"), RunState.KILLED);
    assertThat(killed.runId()).isEqualTo(run.runId());
    assertThat(killed.exitCode()).hasValue(143);
    assertThat(killed.message()).contains("stopped (paasta stop)");
    assertThat(jobs().get(0).getSpec().getSuspend()).isTrue();
  }

  /** Three passes of {@code daemon}'s scheduler, each with a round of the controllers. */
  private void passes(JobScheduler daemon) {
    for (int i = 0; i < 3; i++) {
      daemon.runPass();
      controllers.stepJobs();
    }
  }

  /** A daemon of the cluster that leads through the Lease or follows: its runner and scheduler. */
  private record Leased(
      KubernetesClient client,
      LeaderLease lease,
      KubernetesJobRunner runner,
      JobScheduler scheduler,
      MemoryJobRunStore store)
      implements AutoCloseable {
    @Override
    public void close() {
      lease.close();
      runner.close();
      client.close();
    }
  }

  /** Another daemon of the cluster, with its own run history, leading when it gets the Lease. */
  private Leased leased(String identity) {
    KubernetesClient client = mock.client();
    LeaderLease lease =
        new LeaderLease(
            client, "default", "paasta-local", identity, Duration.ofSeconds(3), () -> {});
    ClusterJobs jobs = new ClusterJobs(configs, system);
    KubernetesJobRunner leasedRunner =
        new KubernetesJobRunner(
            CLUSTER,
            client,
            JobManifests.rendered(BackendHarness.CLUSTER, jobs::config),
            clock,
            lease::follower);
    assertThat(leasedRunner.start(Duration.ofSeconds(30))).isTrue();
    MemoryJobRunStore own = new MemoryJobRunStore();
    JobScheduler leasedScheduler =
        new JobScheduler(
            jobs,
            Optional.of(leasedRunner),
            own,
            new DaemonLog(new PrintStream(log, true, StandardCharsets.UTF_8), clock),
            clock);
    leasedScheduler.load();
    return new Leased(client, lease, leasedRunner, leasedScheduler, own);
  }

  @Test
  void withTwoDaemonsOnlyTheLeaderStartsRunsAndTheNextLeaderAdoptsTheRunningOne() {
    cluster(
        """
        long:
          schedule: "R/%s/PT7M"
          cmd: "sleep 1000"
          deploy_group: everything
        """
            .formatted(T0));
    Leased first = leased("first");
    await().atMost(Duration.ofSeconds(30)).until(() -> first.lease().leading());
    try (Leased second = leased("second")) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !second.lease().leader().isEmpty());
      passes(second.scheduler()); // a follower starts nothing
      assertThat(jobs()).isEmpty();
      assertThat(second.scheduler().status(job("long")).orElseThrow().problem())
          .hasValueSatisfying(
              p -> assertThat(p).startsWith("this daemon is a follower: first leads"));
      assertThatThrownBy(
              () -> second.scheduler().rerun(job("long"), Optional.of(T0), Optional.empty(), false))
          .isInstanceOf(JobsView.RerunRefused.class)
          .hasMessageContaining("a follower: first leads: ask the leader's API");

      first.scheduler().runPass(); // the leader starts the run
      controllers.stepJobs();
      JobRun run = first.store().recent(job("long"), 1).get(0);
      String task = run.taskId().orElseThrow();
      passes(second.scheduler());
      assertThat(jobs()).hasSize(1);
      assertThat(second.store().recent(job("long"), 1)).isEmpty();

      first.close(); // the leader goes: its Lease is released
      await().atMost(Duration.ofSeconds(30)).until(() -> second.lease().leading());
      passes(second.scheduler());
      assertThat(jobs()).hasSize(1); // adopted, never started twice, not killed as a stray
      assertThat(controllers.jobPods(p -> true)).hasSize(1);
      JobRun adopted = second.store().recent(job("long"), 1).get(0);
      assertThat(adopted.state()).isEqualTo(RunState.RUNNING);
      assertThat(adopted.taskId()).hasValue(task);
      assertThat(adopted.executionDate()).isEqualTo(T0);
      assertThat(adopted.message())
          .isEqualTo("run " + run.runId() + " (attempt 1) of the daemon that led before");
      assertThat(jobs().get(0).getMetadata().getLabels())
          .containsEntry("paasta.yelp.com/job_run_id", String.valueOf(adopted.runId()));
      assertThat(second.scheduler().status(job("long")).orElseThrow().problem()).isEmpty();

      controllers.finish("svc-long-", 0);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                second.scheduler().runPass();
                controllers.stepJobs();
                return second.store().recent(job("long"), 1).get(0).state() == RunState.SUCCEEDED;
              });
      assertThat(second.store().recent(job("long"), 5)).hasSize(1);
    }
  }

  @Test
  void aCronJobRunsTheScheduleItsRunsAreRecordedAndARerunIsAJobFromItsTemplate() {
    cluster(
        """
        nightly:
          schedule: "0 4 * * *"
          retries: 2
          cmd: "echo nightly"
          deploy_group: everything
        """);
    scheduler.runPass();
    await().until(() -> cronJobs().size() == 1);
    CronJob cronJob = cronJobs().get(0);
    assertThat(cronJob.getSpec().getSchedule()).isEqualTo("0 4 * * *");
    assertThat(cronJob.getSpec().getSuspend()).isFalse();
    clock.advance(Duration.ofDays(1));
    scheduler.runPass();
    assertThat(jobs()).isEmpty(); // the scheduler starts none of its scheduled runs
    assertThat(store.recent(job("nightly"), 10)).isEmpty();

    Instant fired = T0.plus(Duration.ofDays(1));
    controllers.fireCronJobs(fired);
    JobRun run = passUntil(job("nightly"), RunState.SUCCEEDED);
    assertThat(run.trigger()).isEqualTo(RunTrigger.SCHEDULE);
    assertThat(run.executionDate()).isEqualTo(fired);
    assertThat(run.maxAttempts()).isEqualTo(1); // the CronJob's Job retries (backoffLimit 2)
    assertThat(run.taskId().orElseThrow()).startsWith("paastasvc-svc/svc-nightly-");
    assertThat(jobs()).hasSize(1);
    assertThat(jobs().get(0).getMetadata().getLabels())
        .containsEntry("paasta.yelp.com/job_run_id", Long.toString(run.runId()));
    for (int i = 0; i < 3; i++) {
      scheduler.runPass(); // recorded once
    }
    assertThat(store.recent(job("nightly"), 10)).hasSize(1);

    List<JobRun> rerun =
        scheduler.rerun(job("nightly"), Optional.of(fired), Optional.empty(), false);
    JobRun again = passUntil(job("nightly"), RunState.SUCCEEDED);
    assertThat(again.runId()).isEqualTo(rerun.get(0).runId());
    assertThat(again.trigger()).isEqualTo(RunTrigger.RERUN);
    Job rerunJob =
        admin
            .batch()
            .v1()
            .jobs()
            .inNamespace("paastasvc-svc")
            .withName("svc-nightly-" + again.runId() + "-1")
            .get();
    assertThat(rerunJob.getSpec().getTemplate())
        .isEqualTo(cronJob.getSpec().getJobTemplate().getSpec().getTemplate());
    assertThat(rerunJob.getSpec().getBackoffLimit()).isZero(); // the scheduler retries a rerun
  }

  @Test
  void aCronJobIsUpdatedOnAChangeSuspendedByAStopAndDeletedWithTheJob() {
    cluster(
        """
        nightly:
          schedule: "0 4 * * *"
          cmd: "echo nightly"
          deploy_group: everything
        """);
    scheduler.runPass();
    await().until(() -> cronJobs().size() == 1);
    String version = cronJobs().get(0).getMetadata().getResourceVersion();
    scheduler.runPass(); // nothing changed: nothing written
    assertThat(cronJobs().get(0).getMetadata().getResourceVersion()).isEqualTo(version);

    write(
        "svc/chronos-" + CLUSTER + ".yaml",
        """
        nightly:
          schedule: "30 5 * * *"
          cmd: "echo nightly"
          deploy_group: everything
        """);
    configs.reloadAll();
    await()
        .until(
            () -> {
              scheduler.runPass();
              return cronJobs().get(0).getSpec().getSchedule().equals("30 5 * * *");
            });

    deployments("\"svc:local.nightly\": {\"desired_state\": \"stop\", \"force_bounce\": null}");
    configs.reloadAll();
    await()
        .until(
            () -> {
              scheduler.runPass();
              return cronJobs().get(0).getSpec().getSuspend();
            });
    assertThat(controllers.fireCronJobs(T0.plus(Duration.ofDays(1)))).isEmpty();

    write("svc/chronos-" + CLUSTER + ".yaml", "{}\n");
    configs.reloadAll();
    await()
        .until(
            () -> {
              scheduler.runPass();
              return cronJobs().isEmpty();
            });
  }

  @Test
  void anAttemptTheApiServerCouldNotTakeFailsWithTheReasonAndTheNextTimeRuns() {
    cluster(
        """
        every:
          schedule: "R/%s/PT7M"
          cmd: "echo every"
          deploy_group: everything
        """
            .formatted(T0));
    mock.server()
        .expect()
        .post()
        .withPath(JOBS)
        .andReturn(
            503,
            new StatusBuilder()
                .withStatus("Failure")
                .withCode(503)
                .withMessage("the server is currently unable to handle the request")
                .build())
        .times(3); // the request and its two retries
    JobRun failed = passUntil(job("every"), RunState.FAILED);
    assertThat(failed.message())
        .startsWith("attempt 1 could not start: create Job paastasvc-svc/svc-every-")
        .contains("the API server answered 503");
    clock.advance(Duration.ofMinutes(7));
    JobRun next = passUntil(job("every"), RunState.SUCCEEDED);
    assertThat(next.executionDate()).isEqualTo(T0.plus(Duration.ofMinutes(7)));
  }

  @Test
  void forbiddenJobsFailTheRunNamingTheVerbAndResource() {
    cluster(
        """
        every:
          schedule: "R/%s/PT7M"
          cmd: "echo every"
          deploy_group: everything
        """
            .formatted(T0));
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
    JobRun failed = passUntil(job("every"), RunState.FAILED);
    assertThat(failed.message())
        .contains("forbidden: the daemon's account may not create jobs in namespace paastasvc-svc")
        .contains("examples/kubernetes/rbac.yaml");
  }
}
