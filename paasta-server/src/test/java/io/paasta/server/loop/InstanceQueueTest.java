package io.paasta.server.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstanceQueueTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final InstanceQueue<String> queue = new InstanceQueue<>(clock);

  private Optional<String> take() throws InterruptedException {
    return queue.take(Duration.ZERO);
  }

  @Test
  void aKeyIsQueuedOnceAndHandedOutInOrder() throws Exception {
    queue.enqueue("a");
    queue.enqueue("b");
    queue.enqueue("a");
    assertThat(queue.size()).isEqualTo(2);
    assertThat(take()).contains("a");
    assertThat(take()).contains("b");
    assertThat(take()).isEmpty();
  }

  @Test
  void aKeyIsNeverHandedToTwoWorkersAtOnce() throws Exception {
    queue.enqueue("a");
    assertThat(take()).contains("a");
    queue.enqueue("a"); // while its pass runs
    assertThat(take()).isEmpty();
    queue.done("a");
    assertThat(take()).contains("a"); // queued again when the pass ended
  }

  @Test
  void delayedKeysWaitAndAnEarlierRequestWins() throws Exception {
    queue.enqueueAfter("a", Duration.ofSeconds(10));
    assertThat(take()).isEmpty();
    queue.enqueueAfter("a", Duration.ofSeconds(2));
    clock.advance(Duration.ofSeconds(2));
    assertThat(take()).contains("a");
    queue.done("a");
    clock.advance(Duration.ofSeconds(20));
    assertThat(take()).isEmpty(); // the superseded 10 s request is gone
  }
}
