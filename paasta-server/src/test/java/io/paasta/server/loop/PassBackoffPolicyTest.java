package io.paasta.server.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.server.status.PassBackoff;
import io.paasta.server.status.PassBackoff.DesiredKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The backoff of failing passes: its delays, what counts as one more failure, what ends it. */
class PassBackoffPolicyTest {
  private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");
  private static final InstanceRef REF =
      new InstanceRef("web", "norcal", "main", InstanceKind.MARATHON);
  private static final DesiredKey V1 = new DesiredKey(1, true, Optional.empty());
  private static final DesiredKey V2 = new DesiredKey(2, true, Optional.empty());
  private static final DesiredKey GONE = new DesiredKey(1, false, Optional.empty());
  private static final PassBackoffPolicy POLICY = PassBackoffPolicy.DEFAULT;

  record Delay(int failures, long seconds) {}

  static Stream<Delay> delays() {
    return Stream.of(
        new Delay(1, 5),
        new Delay(2, 10),
        new Delay(3, 20),
        new Delay(4, 40),
        new Delay(5, 80),
        new Delay(6, 160),
        new Delay(7, 300), // 320 capped
        new Delay(8, 300),
        new Delay(64, 300), // no overflow however long it fails
        new Delay(Integer.MAX_VALUE, 300));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("delays")
  void theDelayDoublesFromFiveSecondsUpToFiveMinutes(Delay row) {
    assertThat(POLICY.delayAfter(row.failures())).isEqualTo(Duration.ofSeconds(row.seconds()));
  }

  /** A row: the backoff before, the desired state of the failing pass, the failures after. */
  record Failure(
      String situation, Optional<PassBackoff> previous, DesiredKey desired, int failures) {
    @Override
    public String toString() {
      return situation;
    }
  }

  static Stream<Failure> failures() {
    return Stream.of(
        new Failure("first failure", Optional.empty(), V1, 1),
        new Failure("again with the same desired state", backoff(3, V1, 20), V1, 4),
        new Failure("at the cap", backoff(9, V1, 300), V1, 10),
        new Failure("after a new config or deployment", backoff(3, V1, 20), V2, 1),
        new Failure("after the instance left soa-configs", backoff(3, V1, 20), GONE, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aFailureCountsOneMoreOnlyWithTheSameDesiredState(Failure row) {
    PassBackoff after = POLICY.afterFailure(REF, row.previous(), row.desired(), "no image", NOW);
    assertThat(after.failures()).isEqualTo(row.failures());
    assertThat(after.failedAt()).isEqualTo(NOW);
    assertThat(after.delay()).isEqualTo(POLICY.delayAfter(row.failures()));
    assertThat(after.nextTryAt()).isEqualTo(NOW.plus(POLICY.delayAfter(row.failures())));
    assertThat(after.error()).isEqualTo("no image");
    assertThat(after.desired()).isEqualTo(row.desired());
  }

  /** A row: the backoff, the desired state and time of a pass, how long it holds its actions. */
  record Hold(
      String situation,
      Optional<PassBackoff> current,
      DesiredKey desired,
      Instant at,
      Optional<Duration> hold) {
    @Override
    public String toString() {
      return situation;
    }
  }

  static Stream<Hold> holds() {
    Optional<PassBackoff> twenty = backoff(3, V1, 20); // failed at NOW, next try at NOW + 20 s
    return Stream.of(
        new Hold("no backoff", Optional.empty(), V1, NOW, Optional.empty()),
        new Hold("just failed", twenty, V1, NOW, Optional.of(Duration.ofSeconds(20))),
        new Hold(
            "a periodic pass meanwhile",
            twenty,
            V1,
            NOW.plusSeconds(15),
            Optional.of(Duration.ofSeconds(5))),
        new Hold("due", twenty, V1, NOW.plusSeconds(20), Optional.empty()),
        new Hold("past due", twenty, V1, NOW.plusSeconds(90), Optional.empty()),
        new Hold("a new config or deployment", twenty, V2, NOW.plusSeconds(1), Optional.empty()),
        new Hold("the instance left soa-configs", twenty, GONE, NOW, Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("holds")
  void aPassActsOnceTheBackoffIsOverOrTheDesiredStateChanged(Hold row) {
    assertThat(POLICY.holdFor(row.current(), row.desired(), row.at())).isEqualTo(row.hold());
  }

  @Test
  void aPolicyStartsWithAPositiveDelayNotPastItsCap() {
    assertThatThrownBy(() -> new PassBackoffPolicy(Duration.ZERO, Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PassBackoffPolicy(Duration.ofMinutes(6), Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theStatusShowsWhatIsLeftOfTheWait() {
    PassBackoff backoff = backoff(3, V1, 20).orElseThrow();
    assertThat(backoff.remaining(NOW.plusSeconds(5))).isEqualTo(Duration.ofSeconds(15));
    assertThat(backoff.remaining(NOW.plusSeconds(25))).isEqualTo(Duration.ZERO);
  }

  private static Optional<PassBackoff> backoff(int failures, DesiredKey desired, long seconds) {
    return Optional.of(
        new PassBackoff(REF, failures, "no image", NOW, NOW.plusSeconds(seconds), desired));
  }
}
