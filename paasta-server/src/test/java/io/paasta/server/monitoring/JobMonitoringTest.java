package io.paasta.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.InstanceRef;
import io.paasta.model.JobConfig;
import io.paasta.monitoring.MonitoringRunner;
import io.paasta.monitoring.alert.Event;
import io.paasta.monitoring.check.CheckSettings;
import io.paasta.monitoring.check.CheckStatus;
import io.paasta.monitoring.check.InstanceChecks;
import io.paasta.monitoring.send.MonitoringLog;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobStatus;
import io.paasta.planning.jobs.RunState;
import io.paasta.planning.jobs.RunTrigger;
import io.paasta.server.testing.InMemoryJobsView;
import io.paasta.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's job checks over a scheduler's view held in memory and job configs read from real
 * soa-configs: what is evaluated, the removal OK, and bad input that skips one job only.
 */
class JobMonitoringTest {
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

  @TempDir Path soa;
  private final ManualClock clock = new ManualClock(T0);
  private final List<Event> sent = new CopyOnWriteArrayList<>();
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final InMemoryJobsView jobs = new InMemoryJobsView();
  private Map<InstanceRef, JobConfig> configs;
  private JobMonitoring monitoring;

  @BeforeEach
  void setUp() throws Exception {
    Path service = Files.createDirectories(soa.resolve("batch"));
    Files.writeString(service.resolve("service.yaml"), "description: batch jobs\n");
    Files.writeString(service.resolve("monitoring.yaml"), "team: batch\n");
    Files.writeString(
        service.resolve("chronos-norcal.yaml"),
        """
        nightly:
          schedule: R/2026-01-01T00:00:00Z/PT1H
          cmd: echo hi
        summarize:
          parents: [batch.nightly]
          cmd: echo summary
        broken:
          schedule: R/2026-01-01T00:00:00Z/PT1H
          cmd: echo never read
        """);
    configs = new LinkedHashMap<>();
    SoaConfigsLoader.open(soa).load("batch").service().instancesIn("norcal").stream()
        .filter(JobConfig.class::isInstance)
        .map(JobConfig.class::cast)
        .forEach(job -> configs.put(job.ref(), job));
    MonitoringLog log =
        new MonitoringLog() {
          @Override
          public void info(String message) {}

          @Override
          public void warn(String message) {
            warnings.add(message);
          }
        };
    MonitoringRunner runner =
        new MonitoringRunner(
            "norcal",
            new InstanceChecks(CheckSettings.DEFAULTS),
            sent::add,
            new SimpleMeterRegistry(),
            log,
            clock);
    monitoring = new JobMonitoring(runner, jobs, ref -> Optional.ofNullable(configs.get(ref)), log);
  }

  private InstanceRef ref(String instance) {
    return configs.keySet().stream()
        .filter(r -> r.instance().equals(instance))
        .findFirst()
        .orElseThrow();
  }

  /** The job whose runs are these (newest first), scheduled, deployed. */
  private JobStatus status(String instance, List<JobRun> recent) {
    JobConfig config = configs.get(ref(instance));
    return new JobStatus(
        config.ref(),
        true,
        config.schedule(),
        "UTC",
        Duration.ofSeconds(60),
        config.parents().stream().map(Object::toString).toList(),
        config.schedule().map(s -> clock.instant().plusSeconds(600)),
        "echo hi",
        3,
        true,
        Optional.empty(),
        Optional.empty(),
        recent);
  }

  private JobRun run(String instance, RunState state, Duration startedAgo) {
    Instant start = clock.instant().minus(startedAgo);
    return new JobRun(
        1,
        ref(instance),
        start,
        RunTrigger.SCHEDULE,
        state,
        Optional.of(start),
        Optional.of(start.plusSeconds(30)),
        OptionalInt.of(state == RunState.SUCCEEDED ? 0 : 1),
        3,
        3,
        "abc",
        "h",
        Optional.of("task"),
        "");
  }

  /** Evaluates every minute for {@code minutes}; returns what was sent meanwhile. */
  private List<Event> minutes(int minutes) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < minutes; i++) {
      events.addAll(monitoring.evaluate());
      clock.advance(Duration.ofMinutes(1));
    }
    return events;
  }

  @Test
  void aFailedRunAlertsAfter15MinutesThenItsSuccessResolves() {
    jobs.statuses.put(
        ref("nightly"),
        status("nightly", List.of(run("nightly", RunState.FAILED, Duration.ofMinutes(1)))));

    assertThat(minutes(15)).isEmpty();
    List<Event> alert = minutes(1);
    assertThat(alert)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("check_chronos_jobs.batch.nightly");
              assertThat(e.status()).isEqualTo(CheckStatus.CRITICAL);
              assertThat(e.output()).startsWith("Last run of job batch nightly failed.");
              assertThat(e.team()).isEqualTo("batch");
              assertThat(e.realertEvery())
                  .as("min(1h, 1 day) in evaluations of a minute")
                  .isEqualTo(60);
            });

    jobs.statuses.put(
        ref("nightly"),
        status("nightly", List.of(run("nightly", RunState.SUCCEEDED, Duration.ofSeconds(40)))));
    assertThat(minutes(1))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(CheckStatus.OK);
              assertThat(e.output()).isEqualTo("Last run of job batch nightly succeeded.");
            });
  }

  @Test
  void aJobRemovedFromTheSchedulerSendsTheRemovalOk() {
    jobs.statuses.put(
        ref("nightly"),
        status("nightly", List.of(run("nightly", RunState.SUCCEEDED, Duration.ofMinutes(1)))));
    assertThat(minutes(2)).isEmpty();

    jobs.statuses.clear();
    configs.clear();

    assertThat(monitoring.evaluate())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("check_chronos_jobs.batch.nightly");
              assertThat(e.status()).isEqualTo(CheckStatus.OK);
              assertThat(e.output())
                  .isEqualTo(
                      "This instance was removed and is no longer supposed to be scheduled.");
            });
    assertThat(monitoring.evaluate()).as("once").isEmpty();
  }

  @Test
  void aJobWithoutADeploymentAlertsSetupAfter10Minutes() {
    JobStatus deployed = status("summarize", List.of());
    jobs.statuses.put(
        ref("summarize"),
        new JobStatus(
            deployed.job(),
            true,
            deployed.schedule(),
            "UTC",
            deployed.epsilon(),
            deployed.parents(),
            Optional.empty(),
            "echo summary",
            3,
            false,
            Optional.empty(),
            Optional.empty(),
            List.of()));

    assertThat(minutes(10)).isEmpty();
    assertThat(minutes(1))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("setup_chronos_job.batch.summarize");
              assertThat(e.output())
                  .isEqualTo(
                      "No deployment found for batch.summarize in cluster norcal. Has the pipeline"
                          + " run for it?");
            });
  }

  @Test
  void aJobThatCannotBeReadIsSkippedAndTheOthersAreChecked() {
    jobs.statuses.put(ref("broken"), status("broken", List.of()));
    jobs.unreadable.add(ref("broken"));
    jobs.statuses.put(
        ref("nightly"),
        status("nightly", List.of(run("nightly", RunState.FAILED, Duration.ofMinutes(1)))));
    // a job the scheduler knows but the soa-configs no longer have: nothing to route with
    InstanceRef unknown = new InstanceRef("batch", "norcal", "gone", ref("nightly").kind());
    jobs.statuses.put(unknown, status("nightly", List.of()));

    List<Event> events = minutes(16);

    assertThat(events).extracting(Event::name).containsExactly("check_chronos_jobs.batch.nightly");
    assertThat(warnings)
        .anySatisfy(w -> assertThat(w).contains("broken").contains("cannot be read"));
  }
}
