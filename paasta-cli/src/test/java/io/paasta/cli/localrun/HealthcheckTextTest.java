package io.paasta.cli.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthcheckTextTest {
  private static final Healthcheck HTTP =
      new Healthcheck(HealthcheckMode.HTTP, "status", Optional.empty(), 5, 2, 0.5, 3);

  @Test
  void describesTheCheckWithItsTiming() {
    assertThat(HealthcheckText.describe(HTTP, 31000))
        .isEqualTo(
            "GET http://127.0.0.1:31000/status every 2 s (timeout 0.5 s, grace period 5 s, 3"
                + " failures in a row fail it)");
  }

  @Test
  void eachModeSaysWhatItDoes() {
    assertThat(HealthcheckText.probe(mode(HealthcheckMode.TCP, null), 31001))
        .isEqualTo("a TCP connect to 127.0.0.1:31001");
    assertThat(HealthcheckText.probe(mode(HealthcheckMode.CMD, "test -f /ok"), 31001))
        .isEqualTo("`test -f /ok` in the container");
    assertThat(HealthcheckText.probe(mode(HealthcheckMode.HTTPS, null), 31001))
        .isEqualTo("GET https://127.0.0.1:31001/status");
  }

  @Test
  void verdictsNameTheOutcome() {
    assertThat(
            HealthcheckText.verdict(
                new HealthVerdict(HealthVerdict.Outcome.PASSED, 4, 0, Duration.ofMillis(1234)),
                HTTP,
                31000))
        .isEqualTo(
            "\u2713 health check passed after 1.2 s: GET http://127.0.0.1:31000/status (4 checks)");
    assertThat(
            HealthcheckText.verdict(
                new HealthVerdict(HealthVerdict.Outcome.FAILED, 9, 3, Duration.ofSeconds(9)),
                HTTP,
                31000))
        .isEqualTo(
            "\u2717 health check failed after 9.0 s: GET http://127.0.0.1:31000/status failed 3"
                + " times in a row after the grace period of 5 s - the cluster would kill and"
                + " replace this task");
    assertThat(
            HealthcheckText.verdict(
                new HealthVerdict(HealthVerdict.Outcome.EXITED, 1, 0, Duration.ofSeconds(2)),
                HTTP,
                31000))
        .isEqualTo(
            "\u2717 the container stopped after 2.0 s before its health check passed (1 check)");
  }

  private static Healthcheck mode(HealthcheckMode mode, String cmd) {
    return new Healthcheck(mode, "/status", Optional.ofNullable(cmd), 60, 10, 10, 30);
  }
}
