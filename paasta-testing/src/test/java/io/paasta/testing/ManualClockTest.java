package io.paasta.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {
  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void standsStillUntilMoved() {
    ManualClock clock = new ManualClock(T0);

    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());
  }

  @Test
  void advanceAndSetMoveIt() {
    ManualClock clock = new ManualClock(T0);

    assertThat(clock.advance(Duration.ofSeconds(90))).isEqualTo(T0.plusSeconds(90));
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(90));
    clock.set(T0.minusSeconds(5));
    assertThat(clock.instant()).isEqualTo(T0.minusSeconds(5));
  }

  @Test
  void startsAtTheDefaultWhenNotTold() {
    assertThat(new ManualClock().instant()).isEqualTo(ManualClock.DEFAULT_START);
  }

  @Test
  void aTickingClockMovesOnByItsStepAfterEachRead() {
    ManualClock clock = ManualClock.ticking(T0, Duration.ofMillis(1500));

    assertThat(clock.peek()).isEqualTo(T0);
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(clock.instant()).isEqualTo(T0.plusMillis(1500));
    assertThat(clock.peek()).isEqualTo(T0.plusMillis(3000));
    assertThatThrownBy(() -> ManualClock.ticking(T0, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void aZonedViewSharesTheTime() {
    ManualClock clock = new ManualClock(T0);
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofMinutes(1));

    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(paris.instant()).isEqualTo(T0.plusSeconds(60));
    assertThat(clock.withZone(clock.getZone())).isSameAs(clock);
  }

  @Test
  void advancesFromManyThreadsAreNotLost() throws InterruptedException {
    ManualClock clock = new ManualClock(T0);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 1000; i++) {
                  clock.advance(Duration.ofMillis(1));
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(clock.instant()).isEqualTo(T0.plusMillis(8000));
  }
}
