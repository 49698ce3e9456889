package io.paasta.backend.docker.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.events.EngineOutages;
import io.paasta.planning.observed.TaskState;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class JobTaskFatesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ManualClock clock = new ManualClock(T0);
  private final EngineOutages outages = new EngineOutages(clock, Duration.ofHours(1));
  private final JobTaskFates fates = new JobTaskFates(outages, clock, Duration.ofSeconds(30));

  private static ManagedContainer exited(Instant finished, int code, boolean oomKilled) {
    return new ManagedContainer(
        "c",
        "paasta-job-x",
        "img",
        Map.of(),
        TaskState.EXITED,
        Optional.of(T0.minusSeconds(600)),
        Optional.of(finished),
        OptionalInt.of(code),
        oomKilled);
  }

  private static ManagedContainer created(String id) {
    return new ManagedContainer(
        id,
        "paasta-job-" + id,
        "img",
        Map.of(),
        TaskState.CREATED,
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty());
  }

  @Test
  void anExitOfItsOwnIsNoLoss() {
    assertThat(fates.lostReason(exited(T0, 1, false))).isEmpty();
    assertThat(fates.lostReason(exited(T0, 0, false))).isEmpty();
  }

  @Test
  void theOomKillerKillingItIsALossThatSaysWhatToDo() {
    assertThat(fates.lostReason(exited(T0, 137, true)))
        .hasValueSatisfying(
            r ->
                assertThat(r)
                    .startsWith("the kernel's OOM killer killed it (exit code 137)")
                    .contains("raise mem"));
    assertThat(fates.lostReason(exited(T0, 0, true)))
        .as("another process was killed, the job still succeeded")
        .isEmpty();
  }

  @Test
  void aNonZeroExitWhileTheEngineWasAwayIsTheEnginesDoing() {
    outages.lost();
    clock.advance(Duration.ofSeconds(20));
    outages.back();

    assertThat(fates.lostReason(exited(T0.plusSeconds(5), 143, false)))
        .hasValue(
            "the Docker engine stopped or restarted while it ran (it ended at"
                + " 2026-01-01T00:00:05Z with exit code 143): not a failure of the job's own");
    assertThat(fates.lostReason(exited(T0.plusSeconds(5), 0, false))).isEmpty();
    assertThat(fates.lostReason(exited(T0.minusSeconds(60), 143, false))).isEmpty();
  }

  @Test
  void aContainerCreatedButNeverStartedIsLostOnceItsGraceIsOver() {
    ManagedContainer stuck = created("a");

    assertThat(fates.lostReason(stuck)).isEmpty();
    clock.advance(Duration.ofSeconds(29));
    assertThat(fates.lostReason(stuck)).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(fates.lostReason(stuck))
        .hasValue(
            "its container paasta-job-a was created but never started (the daemon stopped"
                + " between creating and starting it)");
  }

  @Test
  void whatIsNotedOfGoneContainersIsForgotten() {
    fates.lostReason(created("a"));
    clock.advance(Duration.ofSeconds(40));
    fates.retainOnly(List.of());

    assertThat(fates.lostReason(created("a"))).as("seen anew").isEmpty();
  }
}
