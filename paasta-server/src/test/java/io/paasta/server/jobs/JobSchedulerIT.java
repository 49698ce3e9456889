package io.paasta.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paasta.backend.docker.DockerBackend;
import io.paasta.backend.docker.testing.BackendFixture;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.deploy.image.DockerImageName;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.SystemConfig;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobTask;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler on the real Docker engine (the local backend's job runner) with the example image:
 * a schedule a few seconds ahead on the wall clock, and, on a manual clock driven by the test,
 * retries, parents, no overlap, stop, removal, a daemon dropped without closing (as a SIGKILL
 * leaves it) before, during and after a run, and a container removed under a running run (how an
 * engine restart is played here: the engine is shared, so it is not restarted).
 */
class JobSchedulerIT {
  @RegisterExtension static final BackendFixture FIXTURE = BackendFixture.withHelloWeb();

  /**
   * Where the manual clocks start: before the wall clock, as the engine's times (an attempt's end)
   * come from the wall clock and a run's end is never after the scheduler's now.
   */
  private static final Instant T0 =
      Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));

  @TempDir Path tmp;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final MemoryJobRunStore store = new MemoryJobRunStore();
  private ConfigTree tree;
  private ServiceConfigs configs;
  private SystemConfig system;
  private Clock clock;
  private DockerBackend backend;
  private JobRunner runner;
  private JobScheduler running;

  @AfterEach
  void close() {
    System.out.print(log.toString(StandardCharsets.UTF_8)); // the scheduler's log, for a failure
    if (running != null) {
      running.close();
    }
    if (backend != null) {
      backend.close();
    }
  }

  private InstanceRef job(String instance) {
    return new InstanceRef("hello-web", FIXTURE.cluster, instance, InstanceKind.CHRONOS);
  }

  /** soa-configs with {@code jobs} as chronos-<cluster>.yaml, deployed with the example image. */
  private void cluster(Clock clock, String jobs) {
    this.clock = clock;
    tree = ConfigTree.soaConfigs(tmp);
    write("hello-web/service.yaml", "description: jobs on the example image\n");
    write("hello-web/chronos-" + FIXTURE.cluster + ".yaml", jobs);
    deployments("");
    DockerImageName image = image();
    system = DaemonProcess.systemConfig(FIXTURE.cluster, image.registry());
    configs =
        ServiceConfigs.of(
            SoaConfigsLoader.open(tree.root()), system, new StatusRegistry(), daemonLog(), clock);
    configs.reloadAll();
    backend = FIXTURE.backend(FIXTURE.config());
    runner =
        backend
            .jobRunner()
            .orElseThrow(() -> new AssertionError("the Docker backend runs no jobs"));
  }

  /** The example image's registry and sha, from its full name. */
  private static DockerImageName image() {
    String full = FIXTURE.image();
    int slash = full.indexOf("/services-");
    int tag = full.lastIndexOf(":paasta-");
    return new DockerImageName(
        full.substring(0, slash),
        full.substring(slash + "/services-".length(), tag),
        full.substring(tag + ":paasta-".length()));
  }

  private DaemonLog daemonLog() {
    return new DaemonLog(new PrintStream(log, true, StandardCharsets.UTF_8), clock);
  }

  private JobScheduler scheduler() {
    JobScheduler made =
        new JobScheduler(
            new ClusterJobs(configs, system), Optional.of(runner), store, daemonLog(), clock);
    made.load();
    return made;
  }

  private void write(String file, String text) {
    Path path = tree.write(file, text);
    try {
      Files.setLastModifiedTime(path, FileTime.from(Instant.now().minusSeconds(60)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Deploy group "everything" runs the example image; {@code more} adds "missing", unpushed. */
  private void deployments(String controls, boolean more) {
    write(
        "hello-web/deployments.json",
        "{\"v2\": {\"deployments\": {"
            + group("everything", image())
            + (more
                ? ", " + group("missing", new DockerImageName("x", "no-such-job", "f".repeat(40)))
                : "")
            + "}, \"controls\": {"
            + controls
            + "}}}");
  }

  private void deployments(String controls) {
    deployments(controls, false);
  }

  private static String group(String name, DockerImageName image) {
    return "\""
        + name
        + "\": {\"docker_image\": \""
        + image.withoutRegistry()
        + "\", \"git_sha\": \""
        + image.gitSha()
        + "\"}";
  }

  private JobRun newest(InstanceRef job) {
    return store.recent(job, 1).get(0);
  }

  /** Runs passes until the job's newest run is in {@code state}. */
  private JobRun passUntil(JobScheduler scheduler, InstanceRef job, RunState state) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              scheduler.runPass();
              return !store.recent(job, 1).isEmpty() && newest(job).state() == state;
            });
    return newest(job);
  }

  /** A pass starts the job's due run; waits until its container runs. */
  private void startedAndRunning(JobScheduler scheduler, InstanceRef job) {
    scheduler.runPass();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tasksOf(job).stream().anyMatch(JobTask::running));
  }

  private List<JobTask> tasksOf(InstanceRef job) {
    return runner.observeJobTasks().stream().filter(t -> t.job().equals(job)).toList();
  }

  @Test
  void aScheduleAFewSecondsAheadRunsAtItsTimeOnTheWallClock() {
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(4);
    cluster(
        Clock.systemUTC(),
        "soon:\n  schedule: \"R1/"
            + at
            + "/PT1M\"\n  epsilon: PT30S\n  cmd: \"echo ran for %(unixtime)s\"\n"
            + "  deploy_group: everything\n");
    running = scheduler();
    running.start();
    configs.reloadAll(); // as the daemon's start does: the scheduler's first pass follows
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                !store.recent(job("soon"), 1).isEmpty() && newest(job("soon")).state().finished());
    JobRun run = newest(job("soon"));
    assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(run.executionDate()).isEqualTo(at);
    assertThat(run.start().orElseThrow()).isAfterOrEqualTo(at);
    assertThat(running.output(run, 5)).contains("ran for " + at.getEpochSecond());
    assertThat(store.recent(job("soon"), 10)).hasSize(1);
  }

  @Test
  void aFailingCommandIsRetriedThenFailedAndItsChildDoesNotRun() {
    cluster(
        new ManualClock(T0),
        """
        failing:
          schedule: "R/%s/PT1H"
          retries: 1
          cmd: "echo trying; exit 3"
          deploy_group: everything
        after:
          parents: [hello-web.failing]
          cmd: "echo after"
          deploy_group: everything
        """
            .formatted(T0));
    JobScheduler scheduler = scheduler();
    JobRun run = passUntil(scheduler, job("failing"), RunState.FAILED);
    assertThat(run.attempts()).isEqualTo(2);
    assertThat(run.exitCode()).hasValue(3);
    assertThat(run.message()).isEqualTo("attempt 2 of 2 exited with code 3");
    assertThat(store.recent(job("after"), 1)).isEmpty();
  }

  @Test
  void aChildRunsAfterItsParentSucceededAcrossTheGraph() {
    cluster(
        new ManualClock(T0),
        """
        parent:
          schedule: "R/%s/PT1H"
          cmd: "echo parent %%(shortdate)s"
          deploy_group: everything
        child:
          parents: [hello-web.parent]
          cmd: "echo child %%(shortdate)s"
          deploy_group: everything
        """
            .formatted(T0));
    JobScheduler scheduler = scheduler();
    scheduler.runPass(); // the parent starts; the child is seen
    ((ManualClock) clock).advance(Duration.ofSeconds(1)); // the parent ends after that
    passUntil(scheduler, job("parent"), RunState.SUCCEEDED);
    JobRun child = passUntil(scheduler, job("child"), RunState.SUCCEEDED);
    assertThat(child.trigger()).isEqualTo(RunTrigger.PARENTS);
    assertThat(scheduler.output(child, 5)).contains("child " + T0.toString().substring(0, 10));
  }

  @Test
  void aLongRunSkipsTheNextTimePastEpsilonThenAStopKillsIt() {
    ManualClock manual = new ManualClock(T0);
    cluster(
        manual,
        """
        long:
          schedule: "R/%s/PT1M"
          epsilon: PT10S
          cmd: "sleep 300"
          deploy_group: everything
        """
            .formatted(T0));
    JobScheduler scheduler = scheduler();
    startedAndRunning(scheduler, job("long"));
    JobRun first = newest(job("long"));
    manual.advance(Duration.ofSeconds(65)); // the next time is due: it waits within epsilon
    scheduler.runPass();
    assertThat(store.recent(job("long"), 10)).hasSize(1);
    manual.advance(Duration.ofSeconds(10)); // past epsilon: skipped and recorded
    scheduler.runPass();
    JobRun skipped = newest(job("long"));
    assertThat(skipped.state()).isEqualTo(RunState.SKIPPED);
    assertThat(skipped.message()).contains("run " + first.runId()).contains("still running");
    assertThat(tasksOf(job("long"))).hasSize(1);

    deployments(
        "\"hello-web:"
            + FIXTURE.cluster
            + ".long\": {\"desired_state\": \"stop\", \"force_bounce\": null}");
    configs.reloadAll();
    JobRun killed = passUntilRun(scheduler, job("long"), first.runId(), RunState.KILLED);
    assertThat(killed.message()).contains("stopped (paasta stop)");
  }

  private JobRun passUntilRun(JobScheduler scheduler, InstanceRef job, long runId, RunState state) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              scheduler.runPass();
              return run(job, runId).state() == state;
            });
    return run(job, runId);
  }

  private JobRun run(InstanceRef job, long runId) {
    return store.recent(job, 50).stream().filter(r -> r.runId() == runId).findFirst().orElseThrow();
  }

  @Test
  void aRemovedJobIsKilledItsContainersRemovedAndItsHistoryForgotten() {
    cluster(
        new ManualClock(T0),
        """
        gone:
          schedule: "R/%s/PT1H"
          cmd: "sleep 300"
          deploy_group: everything
        """
            .formatted(T0));
    JobScheduler scheduler = scheduler();
    startedAndRunning(scheduler, job("gone"));
    write("hello-web/chronos-" + FIXTURE.cluster + ".yaml", "{}\n");
    configs.reloadAll();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              scheduler.runPass();
              return tasksOf(job("gone")).isEmpty() && !store.jobs().contains(job("gone"));
            });
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("hello-web.gone: removed from soa-configs");
  }

  @Test
  void aDaemonDroppedBeforeDuringAndAfterARunNeitherRunsItTwiceNorLosesIt() {
    ManualClock manual = new ManualClock(T0);
    cluster(
        manual,
        """
        before:
          schedule: "R/%1$s/PT1H"
          cmd: "echo before"
          deploy_group: everything
        during:
          schedule: "R/%1$s/PT1H"
          cmd: "sleep 3; echo during"
          deploy_group: everything
        """
            .formatted(T0));
    // before: the run's row was written, then the daemon died before its container started
    JobRun written =
        store.create(
            new JobRun(
                0,
                job("before"),
                T0,
                RunTrigger.SCHEDULE,
                RunState.RUNNING,
                Optional.of(T0),
                Optional.empty(),
                OptionalInt.empty(),
                1,
                3,
                "sha",
                "hash",
                Optional.empty(),
                ""));
    // during: the first daemon starts the run, then dies (dropped without closing)
    JobScheduler first = scheduler();
    first.runPass();
    JobRun during = newest(job("during"));
    assertThat(during.state()).isEqualTo(RunState.RUNNING);

    manual.advance(Duration.ofSeconds(20)); // restarted within epsilon
    JobScheduler second = scheduler();
    passUntil(second, job("during"), RunState.SUCCEEDED);
    passUntil(second, job("before"), RunState.SUCCEEDED);
    assertThat(store.recent(job("during"), 10))
        .extracting(JobRun::runId)
        .containsExactly(during.runId());
    assertThat(store.recent(job("before"), 10))
        .extracting(JobRun::runId)
        .containsExactly(written.runId());
    assertThat(tasksOf(job("during"))).hasSize(1);
    assertThat(tasksOf(job("before"))).hasSize(1);

    // after: a third daemon, still within epsilon of T0, runs nothing again
    manual.advance(Duration.ofSeconds(5));
    scheduler().runPass();
    assertThat(store.recent(job("during"), 10)).hasSize(1);
    assertThat(store.recent(job("before"), 10)).hasSize(1);
  }

  @Test
  void aContainerRemovedUnderARunningRunFailsTheRunInsteadOfLeavingItRunning() {
    cluster(
        new ManualClock(T0),
        """
        victim:
          schedule: "R/%s/PT1H"
          cmd: "sleep 300"
          deploy_group: everything
        """
            .formatted(T0));
    JobScheduler scheduler = scheduler();
    startedAndRunning(scheduler, job("victim"));
    String taskId = newest(job("victim")).taskId().orElseThrow();
    FIXTURE.docker().removeContainerCmd(taskId).withForce(true).exec();
    JobRun failed = passUntil(scheduler, job("victim"), RunState.FAILED);
    assertThat(failed.message()).isNotEmpty();
  }

  @Test
  void anImageMissingFromTheRegistryFailsItsJobWithTheReasonAndTheOthersRun() {
    cluster(
        new ManualClock(T0),
        """
        fine:
          schedule: "R/%1$s/PT1H"
          cmd: "echo fine"
          deploy_group: everything
        broken:
          schedule: "R/%1$s/PT1H"
          cmd: "echo never"
          deploy_group: missing
        """
            .formatted(T0));
    deployments("", true);
    configs.reloadAll();
    JobScheduler scheduler = scheduler();
    JobRun broken = passUntil(scheduler, job("broken"), RunState.FAILED);
    assertThat(broken.message()).startsWith("attempt 1 could not start: ").contains("f".repeat(40));
    passUntil(scheduler, job("fine"), RunState.SUCCEEDED);
  }
}
