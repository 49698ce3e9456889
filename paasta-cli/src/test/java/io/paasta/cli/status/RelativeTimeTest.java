package io.paasta.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeTimeTest {
  private static final Instant NOW = Instant.parse("2026-01-01T03:00:00Z");

  @ParameterizedTest
  @CsvSource({
    "0, now",
    "-1, a second ago",
    "-59, 59 seconds ago",
    "-60, a minute ago",
    "-3599, 59 minutes ago",
    "-10800, 3 hours ago",
    "-86399, 23 hours ago",
    "-86400, a day ago",
    "-259200, 3 days ago",
    "1, in a second",
    "3600, in an hour",
    "75600, in 21 hours",
    "172800, in 2 days"
  })
  void theLargestWholeUnitInWords(long seconds, String words) {
    assertThat(RelativeTime.of(NOW.plusSeconds(seconds), NOW)).isEqualTo(words);
  }
}
