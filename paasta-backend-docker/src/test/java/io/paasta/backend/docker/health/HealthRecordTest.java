package io.paasta.backend.docker.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.planning.observed.HealthState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthRecordTest {
  /**
   * Each row: the results so far (P pass, F failure outside the grace period, G failure within it),
   * with max_consecutive_failures 3, and the state they leave.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'', UNKNOWN",
    "G, UNKNOWN",
    "GGGG, UNKNOWN",
    "GP, HEALTHY",
    "P, HEALTHY",
    "PG, HEALTHY", // after a first pass the grace period is over, but one failure is forgiven
    "PGG, UNHEALTHY", // nerve's fall 2: out of service after 2 failures in a row
    "PF, HEALTHY",
    "PFF, UNHEALTHY",
    "PFPF, HEALTHY", // a pass in between starts the count again
    "PFFP, HEALTHY", // back after the first pass (rise 1)
    "PFFF, FAILED",
    "F, UNHEALTHY", // never passed: not in service at its first counted failure
    "FF, UNHEALTHY",
    "FFF, FAILED",
    "FFPFF, UNHEALTHY",
    "FFFP, FAILED", // final
    "GGFFF, FAILED"
  })
  void resultsMakeTheState(String results, HealthState expected) {
    HealthRecord record = HealthRecord.initial();
    for (char c : results.toCharArray()) {
      record = c == 'P' ? record.afterPass() : record.afterFailure(c == 'G', 3);
    }
    assertThat(record.state()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"0", "-1"})
  void noMaximumNeverFails(int max) {
    HealthRecord record = HealthRecord.initial();
    for (int i = 0; i < 100; i++) {
      record = record.afterFailure(false, max);
    }
    assertThat(record.state()).isEqualTo(HealthState.UNHEALTHY);
    assertThat(record.consecutiveFailures()).isEqualTo(100);
  }
}
