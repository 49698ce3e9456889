package io.paasta.monitoring.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HumanDurationTest {
  @ParameterizedTest(name = "{0} = {1}s")
  @CsvSource({
    "0, 0",
    "90, 90",
    "30s, 30",
    "2m, 120",
    "1h, 3600",
    "1h30m, 5400",
    "1d, 86400",
    "1D, 86400",
    "2w, 1209600",
    "1M, 2592000",
    "1Y, 31536000",
    "1m30s, 90",
    "' 5m ', 300"
  })
  void parses(String text, long seconds) {
    assertThat(HumanDuration.parse(text)).contains(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "m", "5x", "-5m", "5m3", "1.5h", "99999999999999999999s", "1 m"})
  void refuses(String text) {
    assertThat(HumanDuration.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}s -> {1}")
  @CsvSource({
    "0, 0s",
    "45, 45s",
    "600, 10m",
    "840, 14m",
    "7500, 2h5m",
    "86400, 1d",
    "90061, 1d1h1m1s"
  })
  void formats(long seconds, String text) {
    assertThat(HumanDuration.format(Duration.ofSeconds(seconds))).isEqualTo(text);
  }
}
