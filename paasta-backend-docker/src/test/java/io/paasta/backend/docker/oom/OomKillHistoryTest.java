package io.paasta.backend.docker.oom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.backend.docker.oom.OomKill.Source;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OomKillHistoryTest {
  private static final InstanceRef WEB =
      new InstanceRef("web", "norcal", "main", InstanceKind.MARATHON);
  private static final InstanceRef API =
      new InstanceRef("api", "norcal", "main", InstanceKind.MARATHON);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T12:00:00Z"));
  private final OomKillHistory history = new OomKillHistory(clock, Duration.ofHours(1), 3);

  private OomKill kill(InstanceRef ref, String container, Duration ago, Source source) {
    return new OomKill(ref, container, "name-" + container, clock.instant().minus(ago), source);
  }

  private Instant ago(Duration d) {
    return clock.instant().minus(d);
  }

  @Test
  void killsAreKeptPerInstanceOldestFirst() {
    assertThat(history.add(kill(WEB, "c2", Duration.ofMinutes(1), Source.EVENT))).isTrue();
    assertThat(history.add(kill(WEB, "c1", Duration.ofMinutes(5), Source.EVENT))).isTrue();
    assertThat(history.add(kill(API, "c3", Duration.ofMinutes(2), Source.EVENT))).isTrue();

    assertThat(history.times(WEB))
        .containsExactly(ago(Duration.ofMinutes(5)), ago(Duration.ofMinutes(1)));
    assertThat(history.times(API)).containsExactly(ago(Duration.ofMinutes(2)));
    assertThat(history.times(new InstanceRef("web", "norcal", "canary", InstanceKind.MARATHON)))
        .isEmpty();
  }

  @Test
  void eventsOfOneContainerWithinASecondAreOneKill() {
    assertThat(history.add(kill(WEB, "c1", Duration.ofMillis(10_003), Source.EVENT))).isTrue();
    assertThat(history.add(kill(WEB, "c1", Duration.ofMillis(10_000), Source.EVENT)))
        .as("the killer fired again 3 ms later")
        .isFalse();
    assertThat(history.add(kill(WEB, "c2", Duration.ofMillis(10_000), Source.EVENT)))
        .as("another container")
        .isTrue();
    assertThat(history.add(kill(WEB, "c1", Duration.ofMillis(5_000), Source.EVENT)))
        .as("5 s later: a new episode")
        .isTrue();
    assertThat(history.times(WEB)).hasSize(3);
  }

  @Test
  void killsOlderThanTheRetentionAreForgottenAndNotAdded() {
    OomKill kill = kill(WEB, "c1", Duration.ofMinutes(10), Source.EVENT);
    history.add(kill);

    clock.advance(Duration.ofMinutes(49));
    assertThat(history.times(WEB)).containsExactly(kill.at());
    clock.advance(Duration.ofMinutes(2));
    assertThat(history.times(WEB)).isEmpty();
    assertThat(history.size()).isZero();

    assertThat(history.add(kill)).as("older than the retention").isFalse();
    assertThat(history.add(kill(WEB, "c2", Duration.ofMinutes(61), Source.EXIT))).isFalse();
    assertThat(history.size()).isZero();
  }

  @Test
  void anInstanceKeepsAtMostItsNewestKills() {
    for (int i = 10; i >= 1; i--) {
      history.add(kill(WEB, "c" + i, Duration.ofMinutes(i), Source.EVENT));
    }

    assertThat(history.times(WEB))
        .containsExactly(
            ago(Duration.ofMinutes(3)), ago(Duration.ofMinutes(2)), ago(Duration.ofMinutes(1)));
    assertThat(history.add(kill(WEB, "old", Duration.ofMinutes(30), Source.EVENT)))
        .as("older than every kept one: dropped at once, not reported")
        .isFalse();
    assertThat(history.size()).isEqualTo(3);
  }

  @Test
  void aReplayedEventCountsOnceButAnotherKillOfTheSameContainerCounts() {
    OomKill first = kill(WEB, "c1", Duration.ofMinutes(3), Source.EVENT);
    assertThat(history.add(first)).isTrue();
    assertThat(history.add(first)).as("replayed after a reconnect").isFalse();
    assertThat(history.add(kill(WEB, "c1", Duration.ofMinutes(1), Source.EVENT))).isTrue();

    assertThat(history.times(WEB)).hasSize(2);
  }

  @Test
  void anExitedOomKilledContainerCountsOnceHoweverOftenItIsSeen() {
    assertThat(history.add(kill(WEB, "c1", Duration.ofMinutes(2), Source.EXIT))).isTrue();
    assertThat(history.add(kill(WEB, "c1", Duration.ofMinutes(2), Source.EXIT))).isFalse();
    clock.advance(Duration.ofSeconds(30));
    assertThat(history.add(kill(WEB, "c1", Duration.ofMinutes(2), Source.EXIT))).isFalse();

    assertThat(history.times(WEB)).hasSize(1);
  }

  @Test
  void anExitOfAContainerWhoseEventsAreKnownAddsNothing() {
    history.add(kill(WEB, "c1", Duration.ofMinutes(3), Source.EVENT));
    history.add(kill(WEB, "c1", Duration.ofMinutes(2), Source.EVENT));

    assertThat(history.add(kill(WEB, "c1", Duration.ofMinutes(1), Source.EXIT))).isFalse();
    assertThat(history.times(WEB)).hasSize(2);
  }

  @Test
  void anEventArrivingAfterTheExitReplacesItWithoutCountingTwice() {
    history.add(kill(WEB, "c1", Duration.ofSeconds(10), Source.EXIT));
    OomKill event = kill(WEB, "c1", Duration.ofSeconds(11), Source.EVENT);

    assertThat(history.add(event)).as("the same kill").isFalse();
    assertThat(history.times(WEB)).containsExactly(event.at());
    assertThat(history.add(kill(WEB, "c1", Duration.ofSeconds(10), Source.EXIT))).isFalse();
    assertThat(history.add(kill(WEB, "c1", Duration.ofSeconds(5), Source.EVENT)))
        .as("a second kill of the container")
        .isTrue();
    assertThat(history.times(WEB)).hasSize(2);
  }

  @Test
  void badBoundsAreRefused() {
    assertThatThrownBy(() -> new OomKillHistory(clock, Duration.ZERO, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention");
    assertThatThrownBy(() -> new OomKillHistory(clock, Duration.ofHours(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPerInstance");
  }
}
