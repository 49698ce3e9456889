package io.paasta.cli.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.health.ProbeResult;
import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The health check's verdict by the daemon's rules, on a fake clock. */
class HealthWatchTest {
  private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

  /** Moved forward by the sleeper. */
  private final ManualClock clock = new ManualClock(START);

  private final List<Duration> sleeps = new ArrayList<>();
  private final List<Instant> probedAt = new ArrayList<>();

  private static Healthcheck check(double grace, double interval, int failures) {
    return new Healthcheck(
        HealthcheckMode.HTTP, "/status", Optional.empty(), grace, interval, 1, failures);
  }

  private HealthVerdict watch(Healthcheck check, Function<Instant, ProbeResult> answer) {
    HealthWatch watch =
        new HealthWatch(
            (id, c, port) -> {
              probedAt.add(clock.instant());
              return answer.apply(clock.instant());
            },
            clock,
            d -> {
              sleeps.add(d);
              clock.advance(d);
            });
    return watch.await("c1", check, 31000, START, () -> true);
  }

  @Test
  void aFirstPassIsTheVerdictAtOnce() {
    HealthVerdict verdict = watch(check(5, 2, 3), t -> ProbeResult.PASS);

    assertThat(verdict)
        .isEqualTo(new HealthVerdict(HealthVerdict.Outcome.PASSED, 1, 0, Duration.ZERO));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void failuresWithinTheGracePeriodDoNotCountAndAreRetriedQuickly() {
    // the app answers 1.1 s after its start
    HealthVerdict verdict =
        watch(
            check(5, 2, 3),
            t -> t.isBefore(START.plusMillis(1100)) ? ProbeResult.FAIL : ProbeResult.PASS);

    assertThat(verdict.outcome()).isEqualTo(HealthVerdict.Outcome.PASSED);
    assertThat(verdict.consecutiveFailures()).isZero();
    assertThat(verdict.elapsed()).isEqualTo(Duration.ofMillis(1200));
    assertThat(sleeps).allMatch(d -> d.equals(Duration.ofMillis(200))).hasSize(6);
  }

  @Test
  void maxConsecutiveFailuresAfterTheGracePeriodFailIt() {
    HealthVerdict verdict = watch(check(1, 2, 3), t -> ProbeResult.FAIL);

    assertThat(verdict.outcome()).isEqualTo(HealthVerdict.Outcome.FAILED);
    assertThat(verdict.consecutiveFailures()).isEqualTo(3);
    // checks at 0, 0.2, ..., 0.8 (grace), then 1.0, 3.0, 5.0 (counted)
    assertThat(probedAt.get(probedAt.size() - 3)).isEqualTo(START.plusSeconds(1));
    assertThat(verdict.elapsed()).isEqualTo(Duration.ofSeconds(5));
    assertThat(verdict.checks()).isEqualTo(8);
  }

  @Test
  void aPassAfterCountedFailuresStillPasses() {
    Deque<ProbeResult> answers =
        new ArrayDeque<>(List.of(ProbeResult.FAIL, ProbeResult.FAIL, ProbeResult.PASS));
    HealthVerdict verdict = watch(check(0, 1, 3), t -> answers.pop());

    assertThat(verdict.outcome()).isEqualTo(HealthVerdict.Outcome.PASSED);
    assertThat(verdict.checks()).isEqualTo(3);
    // a grace period of 0 is 1 ms, as for the daemon: the first failure is within it
    assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofSeconds(1));
  }

  @Test
  void skippedChecksDoNotVote() {
    Deque<ProbeResult> answers =
        new ArrayDeque<>(List.of(ProbeResult.SKIP, ProbeResult.SKIP, ProbeResult.FAIL));
    HealthVerdict verdict = watch(check(0, 1, 1), t -> answers.pop());

    assertThat(verdict.outcome()).isEqualTo(HealthVerdict.Outcome.FAILED);
    assertThat(verdict.checks()).isEqualTo(1);
  }

  @Test
  void neverFailingForTheDaemonEndsAtTheFirstCountedFailure() {
    HealthVerdict verdict = watch(check(0, 1, 0), t -> ProbeResult.FAIL);

    assertThat(verdict.outcome()).isEqualTo(HealthVerdict.Outcome.FAILED);
    assertThat(verdict.consecutiveFailures()).isEqualTo(1);
  }

  @Test
  void aContainerThatStopsEndsTheWatch() {
    HealthWatch watch =
        new HealthWatch((id, c, port) -> ProbeResult.FAIL, clock, d -> clock.advance(d));
    int[] asked = {0};

    HealthVerdict verdict =
        watch.await("c1", check(60, 10, 30), 31000, START, () -> asked[0]++ < 2);

    assertThat(verdict.outcome()).isEqualTo(HealthVerdict.Outcome.EXITED);
    assertThat(verdict.checks()).isEqualTo(2);
  }

  @Test
  void withoutAHealthCheckARunningContainerIsHealthy() {
    Healthcheck none =
        new Healthcheck(HealthcheckMode.NONE, "/status", Optional.empty(), 60, 10, 10, 30);
    HealthWatch watch =
        new HealthWatch(
            (id, c, port) -> {
              throw new AssertionError("no check runs");
            },
            clock,
            d -> {});

    assertThat(watch.await("c1", none, 31000, START, () -> true).outcome())
        .isEqualTo(HealthVerdict.Outcome.NO_CHECK);
    assertThat(watch.await("c1", none, 31000, START, () -> false).outcome())
        .isEqualTo(HealthVerdict.Outcome.EXITED);
  }
}
