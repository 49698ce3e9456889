package io.paasta.monitoring;

import static io.paasta.monitoring.testing.Fixtures.NOW;
import static io.paasta.monitoring.testing.Fixtures.WEB_MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.monitoring.testing.Fixtures;
import io.paasta.planning.observed.ObservedTask;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BounceTrackerTest {
  private static final String DESIRED = "web.main.git01234567.config89abcdef";

  @Test
  void aBounceCountsFromTheFirstPassThatSawItUntilItEnds() {
    BounceTracker tracker = new BounceTracker();
    assertThat(tracker.observe(WEB_MAIN, true, NOW)).contains(NOW);
    assertThat(tracker.observe(WEB_MAIN, true, NOW.plusSeconds(60))).contains(NOW);
    assertThat(tracker.observe(WEB_MAIN, false, NOW.plusSeconds(120))).isEmpty();
    assertThat(tracker.observe(WEB_MAIN, true, NOW.plusSeconds(180)))
        .contains(NOW.plusSeconds(180));
  }

  @Test
  void runningTasksOfAnotherAppMeanABounce() {
    ObservedTask current = Fixtures.healthyTasks(1).get(0);
    ObservedTask old =
        new ObservedTask(
            "old",
            "web.main.gitaaaaaaaa.configbbbbbbbb",
            current.state(),
            current.startedAt(),
            current.finishedAt(),
            current.exitCode(),
            current.port0(),
            current.health(),
            current.drain(),
            false);
    ObservedTask oldExited = Fixtures.exited("gone", Duration.ofMinutes(1));
    assertThat(BounceTracker.isBouncing(DESIRED, List.of(current))).isFalse();
    assertThat(BounceTracker.isBouncing(DESIRED, List.of(current, old))).isTrue();
    assertThat(BounceTracker.isBouncing("web.main.gitcccccccc.configdddddddd", List.of(oldExited)))
        .isFalse();
  }
}
