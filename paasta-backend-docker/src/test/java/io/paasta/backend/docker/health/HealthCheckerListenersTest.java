package io.paasta.backend.docker.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.planning.observed.HealthState;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every listener of health changes is told, not only the last one registered: the daemon's loop (a
 * pass at once) and the dashboard's change feed both listen, and the feed registered first used to
 * be replaced, so a task turning healthy reached the page only with the next other event.
 */
class HealthCheckerListenersTest {
  private final HealthChecker checker =
      new HealthChecker(
          () -> List.of(task()),
          (id, check, port) -> ProbeResult.PASS,
          new ManualClock(),
          Duration.ofMillis(50),
          2);

  @AfterEach
  void close() {
    checker.close();
  }

  private static ManagedContainer task() {
    return HealthCheckerFirstChecksTest.httpChecked("listened");
  }

  @Test
  void everyListenerHearsATaskTurnHealthy() throws InterruptedException {
    List<String> feed = new CopyOnWriteArrayList<>();
    List<String> loop = new CopyOnWriteArrayList<>();
    List<HealthState> transitions = new CopyOnWriteArrayList<>();
    List<HealthState> lifecycle = new CopyOnWriteArrayList<>();
    checker.onStateChange(task -> feed.add(task.id()));
    checker.onStateChange(task -> loop.add(task.id()));
    checker.onTransition(t -> transitions.add(t.after()));
    checker.onTransition(t -> lifecycle.add(t.after()));

    checker.start();

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (lifecycle.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(feed).isNotEmpty().isEqualTo(loop);
    assertThat(transitions).contains(HealthState.HEALTHY).isEqualTo(lifecycle);
  }
}
