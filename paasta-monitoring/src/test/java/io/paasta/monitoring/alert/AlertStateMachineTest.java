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

  private static final Duration SECONDS_10 = Duration.ofSeconds(10);

  @Test
  void alertAfterCountsFromTheFirstFailingEvaluationEvenBetweenCheckEvery() {
    // check_every 1m, alert_after 2m, evaluated every 10 s (passes of a crash-looping instance):
    // the first failure is at 10 s, so the alert comes at 130 s, the first evaluation at or after
    // 10 s + 2m, and not at the next check_every boundary
    AlertPolicy policy = new AlertPolicy(Duration.ofMinutes(2), new Realert.Exponential(), MINUTE);
    String sent = run(policy, SECONDS_10, "OK " + "CRIT ".repeat(15));
    assertThat(sent.split(" ")).containsExactly(expected(16, 13));
  }

  @Test
  void theFirstAlertOfACheckAlwaysFailingComesAtAlertAfter() {
    // failing from the very first evaluation, every 10 s: alert at 120 s (evaluation 13)
    AlertPolicy policy = new AlertPolicy(Duration.ofMinutes(2), new Realert.Exponential(), MINUTE);
    assertThat(run(policy, SECONDS_10, "CRIT ".repeat(15).strip()).split(" "))
        .containsExactly(expected(15, 12));
  }

  @Test
  void anOkEvaluationRestartsAlertAfter() {
    // CRIT 0-50 s, OK at 60 s, CRIT again from 70 s: alert_after counts from 70 s, alert at 190 s
    AlertPolicy policy = new AlertPolicy(Duration.ofMinutes(2), new Realert.Exponential(), MINUTE);
    String statuses = "CRIT ".repeat(6) + "OK " + "CRIT ".repeat(13);
    assertThat(run(policy, SECONDS_10, statuses.strip()).split(" "))
        .containsExactly(expected(20, 19));
  }

  @Test
  void aFlappingCheckSendsAtMostAboutOneEventPerCheckEvery() {
    // alert_after 0 (the crash-loop default), CRIT and OK alternating every 10 s for 5 minutes
    AlertPolicy policy = new AlertPolicy(Duration.ZERO, new Realert.Exponential(), MINUTE);
    String sent = run(policy, SECONDS_10, "CRIT OK ".repeat(15).strip());
    long events = java.util.Arrays.stream(sent.split(" ")).filter(w -> !w.equals("-")).count();
    assertThat(sent).startsWith("ALERT ");
    assertThat(events).isBetween(1L, 6L);
  }

  @Test
  void realertsAndResolvesKeepToCheckEvery() {
    // alerted at once; CRIT every 10 s re-alerts at most once a minute; OK resolves at the next
    // counted evaluation (a minute after the last counted one)
    AlertPolicy policy = new AlertPolicy(Duration.ZERO, new Realert.Every(1), MINUTE);
    String sent = run(policy, SECONDS_10, "CRIT ".repeat(7) + "OK ".repeat(7));
    assertThat(sent.split(" "))
        .containsExactly(
            "ALERT", "-", "-", "-", "-", "-", "ALERT", "-", "-", "-", "-", "-", "RESOLVE", "-");
  }

  @Test
  void theNextEvaluationIsWhenTheAlertIsDue() {
    AlertPolicy policy = new AlertPolicy(Duration.ofMinutes(2), new Realert.Exponential(), MINUTE);
    Instant t0 = Fixtures.NOW;
    AlertState ok =
        AlertStateMachine.step(Optional.empty(), result(CheckStatus.OK), policy, t0).state();
    assertThat(AlertStateMachine.nextEvaluation(ok, policy)).isEmpty();
    AlertState failing =
        AlertStateMachine.step(
                Optional.of(ok), result(CheckStatus.CRITICAL), policy, t0.plusSeconds(7))
            .state();
    assertThat(AlertStateMachine.nextEvaluation(failing, policy))
        .contains(t0.plusSeconds(7).plus(Duration.ofMinutes(2)));
    AlertStateMachine.Step alert =
        AlertStateMachine.step(
            Optional.of(failing), result(CheckStatus.CRITICAL), policy, t0.plusSeconds(127));
    assertThat(alert.send()).contains(Transition.ALERT);
    // alerted: the next counted evaluation (re-alert or resolve), check_every less a tenth later
    assertThat(AlertStateMachine.nextEvaluation(alert.state(), policy))
        .contains(t0.plusSeconds(127 + 54));
  }

  /** {@code count} evaluations, of which only the one numbered {@code alertAt} (from 0) alerts. */
  private static String[] expected(int count, int alertAt) {
    String[] words = new String[count];
    java.util.Arrays.fill(words, "-");
    words[alertAt] = "ALERT";
    return words;
  }

  /** Feeds statuses (OK, WARN, CRIT) one minute apart; returns what each evaluation sent. */
  private static String run(AlertPolicy policy, String statuses) {
    return run(policy, MINUTE, statuses);
  }

  /** Feeds statuses (OK, WARN, CRIT) {@code every} apart; returns what each evaluation sent. */
  private static String run(AlertPolicy policy, Duration every, String statuses) {
    Optional<AlertState> state = Optional.empty();
    Instant now = Fixtures.NOW;
    List<String> sent = new ArrayList<>();
    for (String word : statuses.strip().split(" ")) {
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
      now = now.plus(every);
    }
    return String.join(" ", sent);
  }

  private static CheckResult result(CheckStatus status) {
    return new CheckResult(
        "check_marathon_services_replication.web.main", CheckKind.REPLICATION, status, "x");
  }
}
