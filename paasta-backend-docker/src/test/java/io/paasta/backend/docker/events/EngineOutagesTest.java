package io.paasta.backend.docker.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.planning.observed.TaskState;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class EngineOutagesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ManualClock clock = new ManualClock(T0);
  private final EngineOutages outages = new EngineOutages(clock, Duration.ofHours(1));

  private static ManagedContainer exitedAt(Instant finished) {
    return new ManagedContainer(
        "c-" + finished,
        "n",
        "img",
        Map.of(),
        TaskState.EXITED,
        Optional.of(T0.minusSeconds(600)),
        Optional.of(finished),
        OptionalInt.of(137));
  }

  @Test
  void tasksThatExitedWhileTheEngineWasAwayWereStoppedByIt() {
    outages.lost();
    clock.advance(Duration.ofSeconds(30));
    Optional<EngineOutage> outage = outages.back();

    assertThat(outage).contains(new EngineOutage(T0, Optional.of(T0.plusSeconds(30))));
    assertThat(outage.get().length(clock.instant())).isEqualTo(Duration.ofSeconds(30));
    assertThat(outages.stoppedByEngine(exitedAt(T0.plusSeconds(10)))).isTrue();
    assertThat(outages.stoppedByEngine(exitedAt(T0.minusMillis(500)))).as("slack").isTrue();
    assertThat(outages.stoppedByEngine(exitedAt(T0.minusSeconds(5)))).as("a crash").isFalse();
    assertThat(outages.stoppedByEngine(exitedAt(T0.plusSeconds(31)))).as("after").isFalse();
  }

  @Test
  void whileTheEngineIsAwayEveryExitSinceItWentCounts() {
    outages.lost();
    clock.advance(Duration.ofSeconds(5));
    outages.lost(); // a failed retry: the same outage

    assertThat(outages.away()).isTrue();
    assertThat(outages.stoppedByEngine(exitedAt(T0.plusSeconds(4)))).isTrue();
    assertThat(outages.back()).map(EngineOutage::lostAt).contains(T0);
    assertThat(outages.away()).isFalse();
    assertThat(outages.back()).as("back once").isEmpty();
  }

  @Test
  void runningTasksAndOutagesPastTheRetentionCountForNothing() {
    outages.lost();
    clock.advance(Duration.ofSeconds(1));
    outages.back();
    ManagedContainer running =
        new ManagedContainer(
            "r",
            "n",
            "img",
            Map.of(),
            TaskState.RUNNING,
            Optional.of(T0),
            Optional.empty(),
            OptionalInt.empty());

    assertThat(outages.stoppedByEngine(running)).isFalse();
    clock.advance(Duration.ofHours(2));
    assertThat(outages.stoppedByEngine(exitedAt(T0))).isFalse();
    assertThat(outages.recent()).isEmpty();
  }

  @Test
  void atMostFiftyOutagesAreKept() {
    for (int i = 0; i < EngineOutages.MAX_KEPT + 10; i++) {
      outages.lost();
      clock.advance(Duration.ofSeconds(1));
      outages.back();
    }

    assertThat(outages.recent()).hasSize(EngineOutages.MAX_KEPT);
    assertThat(outages.stoppedByEngine(exitedAt(T0))).as("forgotten, the oldest").isFalse();
  }
}
