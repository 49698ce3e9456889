package io.paasta.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.SystemConfig;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobStatus;
import io.paasta.planning.jobs.MemoryJobRunStore;
import io.paasta.planning.jobs.RunState;
import io.paasta.planning.jobs.RunTrigger;
import io.paasta.server.DaemonLog;
import io.paasta.server.DaemonProcess;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.jobs.JobsView.RerunRefused;
import io.paasta.server.jobs.JobsView.RerunType;
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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler over real soa-configs (loaded as the daemon loads them), an in-memory store and an
 * in-memory runner, with a manual clock: passes run when the test says.
 */
class JobSchedulerTest {
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  static final String IMAGE = "services-batch:paasta-" + SHA;
  static final InstanceRef NIGHTLY = job("nightly");
  static final InstanceRef SUMMARY = job("summary");

  @TempDir Path tmp;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T12:00:00Z"));
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final MemoryJobRunStore store = new MemoryJobRunStore();
  private final FakeJobRunner runner = new FakeJobRunner(clock);
  private ConfigTree tree;
  private ServiceConfigs configs;
  private SystemConfig system;
  private JobScheduler scheduler;

  static InstanceRef job(String instance) {
    return new InstanceRef("batch", "local", instance, InstanceKind.CHRONOS);
  }

  @BeforeEach
  void configs() {
    tree = ConfigTree.soaConfigs(tmp);
    write("batch/service.yaml", "description: batch jobs\n");
    write(
        "batch/chronos-local.yaml",
        """
        nightly:
          schedule: "R/2026-12-01T00:00:00Z/PT1H"
          epsilon: PT5M
          retries: 1
          cmd: "echo report %(shortdate)s"
          deploy_group: everything
        summary:
          parents: [batch.nightly]
          cmd: "echo summary"
          deploy_group: everything
        """);
    deployments(Map.of());
    system = DaemonProcess.systemConfig("local", "registry.test:5000");
    DaemonLog daemonLog = new DaemonLog(new PrintStream(log, true, StandardCharsets.UTF_8), clock);
    configs =
        ServiceConfigs.of(
            SoaConfigsLoader.open(tree.root()), system, new StatusRegistry(), daemonLog, clock);
    configs.reloadAll();
    scheduler = newScheduler();
  }

  private JobScheduler newScheduler() {
    DaemonLog daemonLog = new DaemonLog(new PrintStream(log, true, StandardCharsets.UTF_8), clock);
    JobScheduler made =
        new JobScheduler(
            new ClusterJobs(configs, system), Optional.of(runner), store, daemonLog, clock);
    made.load();
    return made;
  }

  private void write(String file, String text) {
    Path path = tree.write(file, text);
    try {
      Files.setLastModifiedTime(path, FileTime.from(clock.instant().minusSeconds(60)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void deployments(Map<String, String> controls) {
    StringBuilder control = new StringBuilder();
    controls.forEach(
        (instance, state) ->
            control
                .append(control.length() == 0 ? "" : ",")
                .append("\"batch:local.")
                .append(instance)
                .append("\": {\"desired_state\": \"")
                .append(state)
                .append("\", \"force_bounce\": null}"));
    write(
        "batch/deployments.json",
        "{\"v2\": {\"deployments\": {\"everything\": {\"docker_image\": \""
            + IMAGE
            + "\", \"git_sha\": \""
            + SHA
            + "\"}}, \"controls\": {"
            + control
            + "}}}");
  }

  private JobRun newest(InstanceRef job) {
    return store.recent(job, 1).get(0);
  }

  @Test
  void aDueTimeRunsWithItsTimeVariablesFilledThenRetriesThenItsChildRuns() {
    scheduler.runPass();
    JobRun run = newest(NIGHTLY);
    assertThat(run.state()).isEqualTo(RunState.RUNNING);
    assertThat(run.executionDate()).isEqualTo(Instant.parse("2026-12-05T12:00:00Z"));
    assertThat(run.taskId()).contains("task-" + run.runId() + "-1");
    JobLaunch launch = runner.launches.get(0);
    assertThat(launch.spec().cmd()).contains("echo report 2026-12-05");
    assertThat(launch.spec().image()).isEqualTo("registry.test:5000/" + IMAGE);
    assertThat(launch.spec().labels()).containsEntry("paasta_kind", "chronos");
    assertThat(launch.spec().env()).containsEntry("PAASTA_INSTANCE", "nightly");

    clock.advance(Duration.ofSeconds(5));
    runner.exit(run.taskId().get(), 1);
    scheduler.runPass();
    assertThat(newest(NIGHTLY).attempts()).isEqualTo(2);
    assertThat(runner.launches).hasSize(2);

    clock.advance(Duration.ofSeconds(5));
    runner.exit(newest(NIGHTLY).taskId().get(), 0);
    scheduler.runPass();
    assertThat(newest(NIGHTLY).state()).isEqualTo(RunState.SUCCEEDED);
    JobRun child = newest(SUMMARY);
    assertThat(child.trigger()).isEqualTo(RunTrigger.PARENTS);
    assertThat(child.executionDate()).isEqualTo(run.executionDate());
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("batch.nightly: run 1 created: scheduled time 2026-12-05T12:00:00Z")
        .contains("batch.nightly: run 1: attempt 1 of 2 exited with code 1; retrying")
        .contains("batch.summary: run 2 created: its parents succeeded: batch.nightly (run 1)");

    JobStatus status = scheduler.status(NIGHTLY).orElseThrow();
    assertThat(status.nextRun()).contains(Instant.parse("2026-12-05T13:00:00Z"));
    assertThat(status.lastResult()).isEqualTo(JobStatus.LastResult.OK);
    assertThat(status.command()).isEqualTo("echo report 2026-12-05");
    assertThat(status.maxAttempts()).isEqualTo(2);
    assertThat(scheduler.status(SUMMARY).orElseThrow().running()).isPresent();
    assertThat(scheduler.output(newest(NIGHTLY), 10)).containsExactly("output of task-1-2");
  }

  @Test
  void aRestartedSchedulerNeitherRunsATimeTwiceNorLosesTheRunningRun() {
    scheduler.runPass();
    JobRun run = newest(NIGHTLY);
    // the daemon is SIGKILLed: nothing is closed; a new one reads the same store
    clock.advance(Duration.ofSeconds(30));
    newScheduler().runPass();
    assertThat(runner.launches).hasSize(1);
    assertThat(store.recent(NIGHTLY, 10)).containsExactly(run);
  }

  @Test
  void aStartInterruptedBeforeTheContainerIsStartedAgainUnderTheSameName() {
    JobRun created =
        store.create(
            new JobRun(
                0,
                NIGHTLY,
                Instant.parse("2026-12-05T12:00:00Z"),
                RunTrigger.SCHEDULE,
                RunState.RUNNING,
                Optional.of(clock.instant()),
                Optional.empty(),
                java.util.OptionalInt.empty(),
                1,
                2,
                SHA,
                "h",
                Optional.empty(),
                ""));
    newScheduler().runPass();
    assertThat(runner.launches)
        .singleElement()
        .satisfies(l -> assertThat(l.runId()).isEqualTo(created.runId()));
    assertThat(store.recent(NIGHTLY, 10)).hasSize(1);
  }

  @Test
  void rerunFollowsTheRulesOfPaastaRerun() {
    assertThatThrownBy(() -> scheduler.rerun(NIGHTLY, Optional.empty(), Optional.empty(), false))
        .isInstanceOf(RerunRefused.class)
        .hasMessage(
            "\"nightly\" uses time variables interpolation, please supply a --execution_date"
                + " argument");
    Optional<Instant> date = Optional.of(Instant.parse("2026-11-30T00:00:00Z"));
    assertThatThrownBy(() -> scheduler.rerun(NIGHTLY, date, Optional.empty(), false))
        .hasMessage(
            "batch.nightly has children: batch.summary. Please specify the rerun policy via"
                + " --rerun-type argument");
    assertThatThrownBy(() -> scheduler.rerun(SUMMARY, date, Optional.empty(), false))
        .hasMessageStartingWith("batch.summary has parents: batch.nightly.");

    List<JobRun> runs = scheduler.rerun(SUMMARY, date, Optional.of(RerunType.GRAPH), false);
    assertThat(runs).extracting(JobRun::job).containsExactly(NIGHTLY); // the graph's root
    assertThat(runs.get(0).trigger()).isEqualTo(RunTrigger.RERUN);
    clock.advance(Duration.ofMinutes(10)); // 12:00 is past its epsilon: only the rerun starts
    scheduler.runPass();
    assertThat(runner.launches)
        .singleElement()
        .satisfies(l -> assertThat(l.spec().cmd()).contains("echo report 2026-11-30"));
    assertThatThrownBy(() -> scheduler.rerun(NIGHTLY, date, Optional.of(RerunType.INSTANCE), false))
        .hasMessageContaining("has a run in progress");
    clock.advance(Duration.ofSeconds(5));
    runner.exit(runner.running().get(0).taskId(), 0);
    scheduler.runPass();
    assertThat(newest(SUMMARY).executionDate()).isEqualTo(date.get());
  }

  @Test
  void aStoppedJobsRunIsKilledAndADisabledJobNeedsForce() {
    scheduler.runPass();
    deployments(Map.of("nightly", "stop"));
    configs.reloadAll();
    scheduler.runPass();
    assertThat(runner.killed).hasSize(1);
    scheduler.runPass();
    assertThat(newest(NIGHTLY).state()).isEqualTo(RunState.KILLED);
    assertThat(newest(NIGHTLY).message()).contains("stopped (paasta stop)");
    Optional<Instant> date = Optional.of(Instant.parse("2026-11-30T00:00:00Z"));
    assertThatThrownBy(() -> scheduler.rerun(NIGHTLY, date, Optional.of(RerunType.INSTANCE), false))
        .hasMessage(
            "batch.nightly is stopped (paasta stop): use --force-disabled to run it anyway");
    assertThat(scheduler.rerun(NIGHTLY, date, Optional.of(RerunType.INSTANCE), true)).hasSize(1);
    assertThat(scheduler.status(NIGHTLY).orElseThrow().scheduled()).isFalse();
  }

  @Test
  void anImageMissingFailsTheRunWithTheRunnersMessage() {
    runner.missingImage(
        "registry.test:5000/" + IMAGE,
        "image registry.test:5000/" + IMAGE + " is not in the registry");
    scheduler.runPass();
    JobRun run = newest(NIGHTLY);
    assertThat(run.state()).isEqualTo(RunState.FAILED);
    assertThat(run.message())
        .isEqualTo(
            "attempt 1 could not start: image registry.test:5000/"
                + IMAGE
                + " is not in the registry");
  }

  @Test
  void aRemovedJobIsKilledAndForgotten() {
    scheduler.runPass();
    write(
        "batch/chronos-local.yaml",
        "summary:\n  schedule: \"R/2026-12-01T00:00:00Z/PT1H\"\n  cmd: x\n  deploy_group: everything\n");
    configs.reloadAll();
    scheduler.runPass();
    scheduler.runPass();
    assertThat(runner.killed).hasSize(1);
    assertThat(store.jobs()).doesNotContain(NIGHTLY);
    assertThat(scheduler.status(NIGHTLY)).isEmpty();
  }
}
