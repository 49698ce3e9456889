package io.paasta.monitoring.check;

import static io.paasta.monitoring.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.monitoring.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scheduled-job check of SPEC section 6, as a table. */
class JobCheckTest {
  private static final InstanceRef JOB =
      new InstanceRef("batch", "local", "nightly", InstanceKind.CHRONOS);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case | disabled | interval s | last run: started s ago | outcome | status | output
        "disabled | true | 120 | 600 | FAILED | OK | Job batch.nightly is disabled",
        "succeeded | false | 120 | 60 | SUCCEEDED | OK | Last run of job batch.nightly (started 2026-11-25T11:59:00Z) succeeded",
        "failed | false | 120 | 60 | FAILED | CRITICAL | Last run of job batch.nightly (started 2026-11-25T11:59:00Z) failed",
        "running | false | 120 | 60 | RUNNING | OK | Job batch.nightly is running since 2026-11-25T11:59:00Z",
        "late but within epsilon | false | 120 | 170 | SUCCEEDED | OK | Last run of job batch.nightly (started 2026-11-25T11:57:10Z) succeeded",
        "stuck: no run since | false | 120 | 190 | SUCCEEDED | CRITICAL | Job batch.nightly has not run since 2026-11-25T11:56:50Z, and is configured to run every 2m (allowing 1m late)",
        "stuck: run still going | false | 120 | 190 | RUNNING | CRITICAL | Job batch.nightly's run started at 2026-11-25T11:56:50Z is still running, and is configured to run every 2m (allowing 1m late)",
        "parents only: never stuck | false | 0 | 86400 | SUCCEEDED | OK | Last run of job batch.nightly (started 2026-11-24T12:00:00Z) succeeded",
        "never ran, not yet due | false | 120 | -1 | - | OK | Job batch.nightly has not run yet",
      })
  void jobStatus(
      String name,
      boolean disabled,
      long interval,
      long startedAgo,
      String outcome,
      CheckStatus status,
      String output) {
    Optional<JobRun> last =
        startedAgo < 0
            ? Optional.empty()
            : Optional.of(
                new JobRun(
                    NOW.minusSeconds(startedAgo),
                    Optional.empty(),
                    JobRun.Outcome.valueOf(outcome)));
    JobSnapshot job =
        new JobSnapshot(
            JOB,
            Fixtures.team("batch"),
            disabled,
            interval == 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(interval)),
            Duration.ofSeconds(60),
            last,
            NOW.minusSeconds(60));
    CheckResult result = JobCheck.evaluate(job, NOW);
    assertThat(result.name()).isEqualTo("check_chronos_jobs.batch.nightly");
    assertThat(result.status()).isEqualTo(status);
    assertThat(result.output()).isEqualTo(output);
  }

  @org.junit.jupiter.api.Test
  void aJobThatNeverRanIsStuckOnceARunIsOverdue() {
    Instant since = NOW.minusSeconds(181);
    JobSnapshot job =
        new JobSnapshot(
            JOB,
            Fixtures.team("batch"),
            false,
            Optional.of(Duration.ofMinutes(2)),
            Duration.ofSeconds(60),
            Optional.empty(),
            since);
    CheckResult result = JobCheck.evaluate(job, NOW);
    assertThat(result.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(result.output())
        .startsWith("Job batch.nightly has not run since it was scheduled at 2026-11-25T11:56:59Z");
  }
}
