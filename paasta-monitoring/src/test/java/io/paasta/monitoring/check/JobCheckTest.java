package io.paasta.monitoring.check;

import static io.paasta.monitoring.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.MonitoringConfig;
import io.paasta.monitoring.testing.Fixtures;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobStatus;
import io.paasta.planning.jobs.RunState;
import io.paasta.planning.jobs.RunTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks of a scheduled job, SPEC section 6's decision table row by row. */
class JobCheckTest {
  private static final InstanceRef JOB =
      new InstanceRef("batch", "norcal", "nightly", InstanceKind.CHRONOS);
  private static final String SCHEDULE = "R/2026-01-01T00:00:00Z/PT1H";
  private static final Duration HOURLY = Duration.ofHours(1);

  /** A finished run that started {@code startedAgo} before NOW and took {@code took}. */
  private static JobRun run(RunState state, Duration startedAgo, Duration took) {
    Instant start = NOW.minus(startedAgo);
    boolean finished = state.finished();
    return new JobRun(
        1,
        JOB,
        start.minusSeconds(2),
        RunTrigger.SCHEDULE,
        state,
        state == RunState.SKIPPED ? Optional.empty() : Optional.of(start),
        finished ? Optional.of(start.plus(took)) : Optional.empty(),
        finished ? OptionalInt.of(state == RunState.SUCCEEDED ? 0 : 1) : OptionalInt.empty(),
        1,
        3,
        "abc",
        "h",
        Optional.of("task"),
        "");
  }

  private static JobStatus status(boolean scheduled, List<JobRun> recent) {
    Optional<JobRun> running =
        recent.stream().filter(r -> r.state() == RunState.RUNNING).findFirst();
    return new JobStatus(
        JOB,
        scheduled,
        Optional.of(SCHEDULE),
        "America/Los_Angeles",
        Duration.ofMinutes(30),
        List.of(),
        Optional.of(NOW.plusSeconds(600)),
        "echo hi",
        3,
        true,
        Optional.empty(),
        running,
        recent);
  }

  /** A job that never ran, deployed or not, with a problem or none. */
  private static JobStatus setupStatus(boolean deployed, Optional<String> problem) {
    return new JobStatus(
        JOB,
        true,
        Optional.of(SCHEDULE),
        "UTC",
        Duration.ofMinutes(30),
        List.of(),
        Optional.of(NOW.plusSeconds(600)),
        "echo hi",
        3,
        deployed,
        problem,
        Optional.empty(),
        List.of());
  }

  private static List<CheckResult> evaluate(JobStatus status, Optional<Duration> interval) {
    return JobCheck.evaluate(JobSnapshot.of(Fixtures.team("batch"), status, interval), NOW);
  }

  private static Optional<CheckResult> jobCheck(JobStatus status, Optional<Duration> interval) {
    return evaluate(status, interval).stream().filter(r -> r.kind() == CheckKind.JOB).findFirst();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case | scheduled | last state | started min ago | took min | status | output starts with
        "disabled, last failed | false | FAILED | 10 | 1 | OK | Job batch nightly is disabled - ignoring status.",
        "succeeded | true | SUCCEEDED | 10 | 1 | OK | Last run of job batch nightly succeeded.",
        "failed | true | FAILED | 10 | 1 | CRITICAL | Last run of job batch nightly failed.",
        "due, within interval + p99 | true | SUCCEEDED | 64 | 5 | OK | Last run of job batch nightly succeeded.",
        "stuck past interval + p99 | true | SUCCEEDED | 66 | 5 | CRITICAL | Job batch nightly with schedule R/2026-01-01T00:00:00Z/PT1H (America/Los_Angeles) hasn't run since 2026-11-25T10:54:00Z, and is configured to run every 1h.",
        "a failed run, stuck | true | FAILED | 66 | 5 | CRITICAL | Job batch nightly with schedule",
        "running within interval + p99 | true | RUNNING | 64 | 5 | OK | Last run of job batch nightly succeeded.",
      })
  void decisionTable(
      String name,
      boolean scheduled,
      RunState state,
      long startedAgo,
      long took,
      CheckStatus expected,
      String output) {
    List<JobRun> recent = new ArrayList<>();
    recent.add(run(state, Duration.ofMinutes(startedAgo), Duration.ofMinutes(took)));
    // an older run that took as long: the p99 of recent run times
    recent.add(
        run(RunState.SUCCEEDED, Duration.ofMinutes(startedAgo + 60), Duration.ofMinutes(took)));
    Optional<CheckResult> result = jobCheck(status(scheduled, recent), Optional.of(HOURLY));
    assertThat(result).isPresent();
    assertThat(result.get().name()).isEqualTo("check_chronos_jobs.batch.nightly");
    assertThat(result.get().status()).isEqualTo(expected);
    assertThat(result.get().output()).startsWith(output == null ? "" : output);
  }

  @Test
  void aJobThatNeverRanHasNoEventEvenWhenLongOverdue() {
    assertThat(jobCheck(status(true, List.of()), Optional.of(HOURLY))).isEmpty();
    // a skipped run is no run
    JobStatus skippedOnly =
        status(true, List.of(run(RunState.SKIPPED, Duration.ofDays(3), Duration.ZERO)));
    assertThat(jobCheck(skippedOnly, Optional.of(HOURLY))).isEmpty();
    // setup_chronos_job is still evaluated
    assertThat(evaluate(status(true, List.of()), Optional.of(HOURLY)))
        .extracting(CheckResult::kind)
        .containsExactly(CheckKind.JOB_SETUP);
  }

  @Test
  void withoutAKnownRunTimeTheStuckRuleWaitsASecondInterval() {
    // only a running first run: no finished run time, so last start + interval + interval
    JobStatus running =
        status(true, List.of(run(RunState.RUNNING, Duration.ofMinutes(119), Duration.ZERO)));
    assertThat(jobCheck(running, Optional.of(HOURLY))).as("its first run still going").isEmpty();
    JobStatus longRunning =
        status(true, List.of(run(RunState.RUNNING, Duration.ofMinutes(121), Duration.ZERO)));
    CheckResult stuck = jobCheck(longRunning, Optional.of(HOURLY)).orElseThrow();
    assertThat(stuck.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(stuck.output()).contains("hasn't run since 2026-11-25T09:59:00Z");
  }

  @Test
  void thePercentileIsOfTheRecentRunTimes() {
    List<JobRun> runs = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      runs.add(run(RunState.SUCCEEDED, Duration.ofHours(i), Duration.ofSeconds(i)));
    }
    assertThat(JobCheck.p99(runs)).contains(Duration.ofSeconds(99));
    assertThat(JobCheck.p99(runs.subList(0, 1))).contains(Duration.ofSeconds(1));
    assertThat(JobCheck.p99(List.of(run(RunState.RUNNING, Duration.ofHours(1), Duration.ZERO))))
        .isEmpty();
  }

  @Test
  void aJobRunByItsParentsOrWithAnEndedScheduleIsNeverStuck() {
    JobStatus old =
        status(true, List.of(run(RunState.SUCCEEDED, Duration.ofDays(30), Duration.ofMinutes(1))));
    CheckResult result = jobCheck(old, Optional.empty()).orElseThrow();
    assertThat(result.status()).isEqualTo(CheckStatus.OK);
    assertThat(result.output()).isEqualTo("Last run of job batch nightly succeeded.");
  }

  @Test
  void aFailedRunSaysHowToLookAndHowToRerunItsDateInTheJobsZone() {
    JobStatus failed =
        status(true, List.of(run(RunState.FAILED, Duration.ofMinutes(10), Duration.ofMinutes(1))));
    // executed at 11:49:58Z = 03:49:58 in Los Angeles (UTC-8 in November)
    assertThat(jobCheck(failed, Optional.of(HOURLY)).orElseThrow().output())
        .isEqualTo(
            """
            Last run of job batch nightly failed.
            paasta logs -s batch -i nightly -c norcal
            paasta status -s batch -i nightly -c norcal -vv
            paasta rerun -s batch -i nightly -c norcal -d 2026-11-25T03:49:58""");
  }

  @Test
  void theNewerOfLastSuccessAndLastFailureDecides() {
    JobRun failedEarlier = run(RunState.FAILED, Duration.ofMinutes(30), Duration.ofMinutes(1));
    JobRun succeededLater = run(RunState.SUCCEEDED, Duration.ofMinutes(10), Duration.ofMinutes(1));
    assertThat(
            jobCheck(status(true, List.of(succeededLater, failedEarlier)), Optional.of(HOURLY))
                .orElseThrow()
                .status())
        .isEqualTo(CheckStatus.OK);
  }

  @Test
  void setupIsCriticalWithoutADeploymentOrWithAProblem() {
    JobStatus undeployed = setupStatus(false, Optional.empty());
    CheckResult setup = evaluate(undeployed, Optional.of(HOURLY)).get(0);
    assertThat(setup.name()).isEqualTo("setup_chronos_job.batch.nightly");
    assertThat(setup.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(setup.output())
        .isEqualTo(
            "No deployment found for batch.nightly in cluster norcal. Has the pipeline run for it?");

    JobStatus broken = setupStatus(true, Optional.of("parent batch.gone does not exist"));
    assertThat(evaluate(broken, Optional.of(HOURLY)).get(0).output())
        .isEqualTo(
            "Job batch.nightly cannot run in cluster norcal: parent batch.gone does not exist");
    assertThat(evaluate(setupStatus(true, Optional.empty()), Optional.of(HOURLY)).get(0).status())
        .isEqualTo(CheckStatus.OK);
  }

  @Test
  void realertEveryDefaultsToTheIntervalUpToADayAndAlertAfterTo15Minutes() {
    MonitoringConfig team = Fixtures.team("batch");
    JobStatus any = status(true, List.of());
    assertThat(JobSnapshot.of(team, any, Optional.of(HOURLY)).monitoring().realertEvery())
        .contains("3600s");
    assertThat(
            JobSnapshot.of(team, any, Optional.of(Duration.ofDays(7))).monitoring().realertEvery())
        .contains("86400s");
    assertThat(JobSnapshot.of(team, any, Optional.empty()).monitoring().realertEvery())
        .contains("86400s");
    MonitoringConfig set = Fixtures.monitoring("batch", "2m", "2", "1m");
    assertThat(JobSnapshot.of(set, any, Optional.of(HOURLY)).monitoring()).isEqualTo(set);
    assertThat(CheckKind.JOB.defaultAlertAfter()).isEqualTo(Duration.ofMinutes(15));
    assertThat(CheckKind.JOB_SETUP.defaultAlertAfter()).isEqualTo(Duration.ofMinutes(10));
    // the runner turns 3600s into re-alerts every 60 failing evaluations of one minute
    assertThat(
            io.paasta.monitoring.alert.AlertPolicies.resolve(
                    JobSnapshot.of(team, any, Optional.of(HOURLY)).monitoring(), CheckKind.JOB)
                .policy()
                .realert())
        .isEqualTo(new io.paasta.monitoring.alert.Realert.Every(60));
  }
}
