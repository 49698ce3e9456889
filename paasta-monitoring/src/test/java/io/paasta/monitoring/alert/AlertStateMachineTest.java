package io.paasta.monitoring.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.check.CheckResult;
import io.paasta.monitoring.check.CheckStatus;
import io.paasta.monitoring.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The alert rule, driven one evaluation a minute through a sequence of statuses; each test reads
 * which evaluations sent what.
 */
class AlertStateMachineTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void alertAfterDelaysTheFirstAlert() {
    AlertPolicy policy = new AlertPolicy(Duration.ofMinutes(2), new Realert.Exponential(), MINUTE);
    // minute 0 fails: 0m failing, minute 1: 1m, minute 2: 2m -> first alert
    assertThat(run(policy, "OK CRIT CRIT CRIT CRIT")).isEqualTo("- - - ALERT ALERT");
  }

  @Test
  void aFailureShorterThanAlertAfterIsNeverAlertedNorResolved() {
    AlertPolicy policy = new AlertPolicy(Duration.ofMinutes(5), new Realert.Exponential(), MINUTE);
    assertThat(run(policy, "CRIT CRIT OK OK")).isEqualTo("- - - -");
  }

  @Test
  void exponentialBackoffRealertsOnPowersOfTwo() {
    AlertPolicy policy = new AlertPolicy(Duration.ZERO, new Realert.Exponential(), MINUTE);
    // attempts 1..9: alert on 1, 2, 4, 8
    assertThat(run(policy, "CRIT CRIT CRIT CRIT CRIT CRIT CRIT CRIT CRIT"))
        .isEqualTo("ALERT ALERT - ALERT - - - ALERT -");
  }

  @Test
  void realertEveryNCountsFromTheFirstAlert() {
    AlertPolicy policy = new AlertPolicy(Duration.ofMinutes(1), new Realert.Every(3), MINUTE);
    // first alert at minute 1 (attempt 1), then attempts 4 and 7
    assertThat(run(policy, "CRIT CRIT CRIT CRIT CRIT CRIT CRIT CRIT"))
        .isEqualTo("- ALERT - - ALERT - - ALERT");
  }

  @Test
  void anOkAfterAnAlertResolvesOnceThenSilence() {
    AlertPolicy policy = new AlertPolicy(Duration.ZERO, new Realert.Every(1), MINUTE);
    assertThat(run(policy, "CRIT CRIT OK OK OK CRIT OK"))
        .isEqualTo("ALERT ALERT RESOLVE - - ALERT RESOLVE");
  }

  @Test
  void aChangeOfFailingStatusIsAlertedAtOnce() {
    AlertPolicy policy = new AlertPolicy(Duration.ZERO, new Realert.Exponential(), MINUTE);
    // attempts: WARN 1, 2, 3(-), CRIT resets to 1, 2, 3(-)
    assertThat(run(policy, "WARN WARN WARN CRIT CRIT CRIT"))
        .isEqualTo("ALERT ALERT - ALERT ALERT -");
  }

  @Test
  void alertAfterCountsFromTheFirstFailureWhateverItsStatus() {
    AlertPolicy policy = new AlertPolicy(Duration.ofMinutes(2), new Realert.Exponential(), MINUTE);
    assertThat(run(policy, "WARN CRIT CRIT")).isEqualTo("- - ALERT");
  }

  @Test
  void statesKeepWhenTheStatusStarted() {
    AlertPolicy policy = AlertPolicy.defaults(CheckKind.REPLICATION);
    Instant t0 = Fixtures.NOW;
    AlertStateMachine.Step first =
        AlertStateMachine.step(Optional.empty(), result(CheckStatus.CRITICAL), policy, t0);
    AlertStateMachine.Step second =
        AlertStateMachine.step(
            Optional.of(first.state()), result(CheckStatus.CRITICAL), policy, t0.plus(MINUTE));
    assertThat(second.state().statusSince()).isEqualTo(t0);
    assertThat(second.state().failingSince()).contains(t0);
    assertThat(second.state().lastEvaluated()).isEqualTo(t0.plus(MINUTE));
  }

  @ParameterizedTest(name = "every {0}: due after {1}s is {2}")
  @CsvSource({
    "60, 59, true",
    "60, 54, true",
    "60, 53, false",
    "60, 0, false",
    "600, 540, true",
    "600, 500, false"
  })
  void checksRunAtMostEveryCheckEveryLessATenth(long every, long after, boolean due) {
    AlertPolicy policy =
        new AlertPolicy(Duration.ZERO, new Realert.Exponential(), Duration.ofSeconds(every));
    assertThat(policy.isDue(Fixtures.NOW, Fixtures.NOW.plusSeconds(after))).isEqualTo(due);
  }

  /** Feeds statuses (OK, WARN, CRIT) one minute apart; returns what each evaluation sent. */
  private static String run(AlertPolicy policy, String statuses) {
    Optional<AlertState> state = Optional.empty();
    Instant now = Fixtures.NOW;
    List<String> sent = new ArrayList<>();
    for (String word : statuses.split(" ")) {
      CheckStatus status =
          switch (word) {
            case "OK" -> CheckStatus.OK;
            case "WARN" -> CheckStatus.WARNING;
            case "CRIT" -> CheckStatus.CRITICAL;
            default -> throw new IllegalArgumentException(word);
          };
      AlertStateMachine.Step step = AlertStateMachine.step(state, result(status), policy, now);
      sent.add(step.send().map(Enum::name).orElse("-"));
      state = Optional.of(step.state());
      now = now.plus(MINUTE);
    }
    return String.join(" ", sent);
  }

  private static CheckResult result(CheckStatus status) {
    return new CheckResult(
        "check_marathon_services_replication.web.main", CheckKind.REPLICATION, status, "x");
  }
}
