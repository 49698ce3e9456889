package io.paasta.backend.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.planning.observed.TaskState;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerStatesTest {
  @ParameterizedTest
  @CsvSource({
    "created, CREATED",
    "running, RUNNING",
    "paused, RUNNING",
    "restarting, RUNNING",
    "exited, EXITED",
    "dead, EXITED",
    "removing, EXITED"
  })
  void engineStatesAreTaskStates(String engine, TaskState expected) {
    assertThat(ContainerStates.taskState(engine)).isEqualTo(expected);
  }

  @Test
  void engineTimesKeepTheirNanosecondsAndTheZeroTimeIsNone() {
    assertThat(ContainerStates.time("2026-11-25T11:29:45.891374866Z"))
        .contains(Instant.parse("2026-11-25T11:29:45.891374866Z"));
    assertThat(ContainerStates.time("0001-01-01T00:00:00Z")).isEmpty();
    assertThat(ContainerStates.time("")).isEmpty();
    assertThat(ContainerStates.time("yesterday")).isEmpty();
  }

  @Test
  void aContainerNeverFinishesBeforeItStarted() {
    Instant start = Instant.parse("2026-11-25T11:44:46.415054781Z");
    Instant earlier = Instant.parse("2026-11-25T11:44:46.414490684Z");
    Instant later = start.plusSeconds(3);

    assertThat(ContainerStates.finishedAt(Optional.of(start), Optional.of(earlier)))
        .contains(start);
    assertThat(ContainerStates.finishedAt(Optional.of(start), Optional.of(later))).contains(later);
    assertThat(ContainerStates.finishedAt(Optional.empty(), Optional.of(later))).contains(later);
  }

  @Test
  void namesLoseTheirSlash() {
    assertThat(ContainerListClient.nameOf(new String[] {"/web.main-1"})).isEqualTo("web.main-1");
    assertThat(ContainerListClient.nameOf(null)).isEmpty();
  }
}
