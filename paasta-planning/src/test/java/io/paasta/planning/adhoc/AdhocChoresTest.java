package io.paasta.planning.adhoc;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdhocChoresTest {
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
  private static final InstanceRef SHELL =
      new InstanceRef("hello-web", "local", "shell", InstanceKind.ADHOC);

  private static AdhocRun running(String id, Instant deadline) {
    return new AdhocRun(
        SHELL,
        id,
        "c-" + id,
        "sleep 600",
        "me",
        T0,
        deadline,
        true,
        Optional.empty(),
        Optional.empty());
  }

  private static AdhocRun exited(String id, Instant deadline, Instant finished, int exit) {
    return new AdhocRun(
        SHELL,
        id,
        "c-" + id,
        "sleep 600",
        "me",
        T0,
        deadline,
        false,
        Optional.of(finished),
        Optional.of(exit));
  }

  @Test
  void aRunningRunAtOrPastItsDeadlineIsStoppedAndOneBeforeItIsNot() {
    Instant now = T0.plusSeconds(60);
    AdhocRun due = running("due", now);
    AdhocRun past = running("past", now.minusSeconds(1));
    AdhocRun early = running("early", now.plusSeconds(1));

    AdhocChores chores = AdhocChores.of(List.of(due, past, early), now, Duration.ofHours(1));

    assertThat(chores.overdue()).containsExactly(due, past);
    assertThat(chores.expired()).isEmpty();
  }

  @Test
  void anExitedRunIsRemovedOnceKeptLongEnoughAndNeverStopped() {
    Instant now = T0.plus(Duration.ofHours(2));
    AdhocRun old = exited("old", T0.plusSeconds(60), now.minus(Duration.ofHours(1)), 0);
    AdhocRun recent = exited("recent", T0.plusSeconds(60), now.minusSeconds(10), 0);

    AdhocChores chores = AdhocChores.of(List.of(old, recent), now, Duration.ofHours(1));

    assertThat(chores.overdue()).isEmpty();
    assertThat(chores.expired()).containsExactly(old);
  }

  @Test
  void aRunThatExitedAtOrPastItsDeadlineWasStoppedForItsTimeLimit() {
    Instant deadline = T0.plusSeconds(5);
    assertThat(exited("a", deadline, deadline.plusMillis(200), 143).stoppedForTimeLimit()).isTrue();
    assertThat(exited("b", deadline, deadline.minusSeconds(1), 0).stoppedForTimeLimit()).isFalse();
    assertThat(running("c", deadline).stoppedForTimeLimit()).isFalse();
    assertThat(running("c", deadline).limit()).isEqualTo(Duration.ofSeconds(5));
  }
}
