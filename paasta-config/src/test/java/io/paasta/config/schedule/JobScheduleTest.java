package io.paasta.config.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JobScheduleTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "R/2016-07-28T00:00:00Z/PT2M",
        "R5/2016-07-28T00:00:00Z/P1D",
        "R/2016-07-28T00:00:00/PT1H",
        "R5/2016-07-28T00:00:00+02:00/P1M",
        "*/5 * * * *",
        "0 3 * * 1-5"
      })
  void valid(String schedule) {
    assertThat(JobSchedule.parse(schedule)).isInstanceOf(JobSchedule.Parsed.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "R/2016-07-28T00:00:00Z/PT30S | runs more often than once a minute",
        "R/yesterday/PT2M | has an invalid start time 'yesterday'",
        "R/2016-07-28T00:00:00Z/2 minutes | has an invalid period '2 minutes'",
        "Rx/2016-07-28T00:00:00Z/PT2M | has an invalid repetition count 'Rx'",
        "R/2016-07-28T00:00:00Z | is not an ISO 8601 repeating interval",
        "R//PT60S | has no start time",
        "R0/2016-07-28T00:00:00Z/PT2M | never runs (R0 repeats 0 times)",
        "0 0 * * 8 | is neither an ISO 8601 repeating interval nor a cron expression (the day of week '8'",
        "@often | is neither an ISO 8601 repeating interval nor a cron expression (unknown nickname",
        "every day | is neither an ISO 8601 repeating interval nor a cron expression"
      })
  void invalid(String schedule, String reason) {
    assertThat(JobSchedule.parse(schedule))
        .isInstanceOfSatisfying(
            JobSchedule.Invalid.class, invalid -> assertThat(invalid.reason()).startsWith(reason));
  }
}
