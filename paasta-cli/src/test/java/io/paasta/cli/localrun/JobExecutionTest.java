package io.paasta.cli.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.cli.CliRun;
import io.paasta.cli.UserException;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.JobConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobExecutionTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-07-01T22:30:15Z"), ZoneOffset.UTC);

  private static JobConfig job(String instance) {
    return LocalRunTarget.job(
            SoaConfigsLoader.open(CliRun.EXAMPLES).load("batch-reports"), "local", instance)
        .orElseThrow();
  }

  @Test
  void theDateFillsTheTimeVariablesOfTheCmd() {
    JobExecution execution =
        JobExecution.of(job("nightly"), Optional.of("2026-01-02T00:00:00"), NOW);

    assertThat(execution.cmd())
        .contains("echo 'building report for 2026-01-02, year 2026, day 2' into $REPORT_DIR");
    assertThat(execution.describe())
        .isEqualTo(
            "==> batch-reports.nightly for execution date 2026-01-02T00:00 UTC: echo 'building"
                + " report for 2026-01-02, year 2026, day 2' into $REPORT_DIR");
  }

  @Test
  void withoutDateItIsNowInTheJobsZoneAndSaysSo() {
    JobExecution execution = JobExecution.of(job("heartbeat"), Optional.empty(), NOW);

    // 22:30 UTC is 00:30 the next day in Amsterdam (CEST)
    assertThat(execution.date().toLocalDateTime()).hasToString("2026-07-02T00:30:15");
    assertThat(execution.cmd()).contains("echo heartbeat 100% at $(date -u +%H:%M)");
    assertThat(execution.describe())
        .startsWith(
            "==> batch-reports.heartbeat for now, 2026-07-02T00:30:15 Europe/Amsterdam (no --date:"
                + " its time variables are filled for now)");
  }

  @Test
  void aDateInAnotherFormatIsRefusedWithTheFormat() {
    assertThatThrownBy(() -> JobExecution.of(job("heartbeat"), Optional.of("2026-01-02"), NOW))
        .isInstanceOf(UserException.class)
        .hasMessage(
            "--date '2026-01-02' must be in the format YYYY-MM-DDTHH:MM:SS, such as"
                + " 2026-01-01T00:00:00 (read in batch-reports.heartbeat's schedule_time_zone,"
                + " Europe/Amsterdam)");
  }
}
