package io.paasta.server.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.server.desired.FileSettle.Change;
import io.paasta.server.desired.FileSettle.FileState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileSettleTest {
  private static final Duration SETTLE = Duration.ofMillis(250);
  private static final Instant T0 = Instant.parse("2026-12-05T12:00:00Z");
  private final FileSettle settle = new FileSettle(SETTLE);

  private static Instant at(long millis) {
    return T0.plusMillis(millis);
  }

  private static FileState file(String name, long modifiedAtMillis, long size) {
    return new FileState(name, at(modifiedAtMillis), size);
  }

  @Test
  void filesUnchangedForLongerThanTheSettleTimeCountAtOnce() {
    assertThat(settle.readyAt("web", List.of(file("marathon-x.yaml", 0, 100)), at(1000))).isEmpty();
  }

  @Test
  void aFileWrittenInPlaceCountsOnceUnchangedForTheSettleTime() {
    settle.changed("web", "marathon-x.yaml", Change.WRITTEN, at(10));
    List<FileState> files = List.of(file("marathon-x.yaml", 10, 0)); // truncated by cp
    assertThat(settle.readyAt("web", files, at(20))).contains(at(260));
    // written again meanwhile: the settle time starts again
    settle.changed("web", "marathon-x.yaml", Change.WRITTEN, at(200));
    List<FileState> written = List.of(file("marathon-x.yaml", 200, 300));
    assertThat(settle.readyAt("web", written, at(260))).contains(at(450));
    assertThat(settle.readyAt("web", written, at(450))).isEmpty();
  }

  @Test
  void aRecentModificationTimeWaitsEvenBeforeTheWatcherTellsOfTheWrite() {
    // the full scan reads a file the watcher has not reported yet
    assertThat(settle.readyAt("web", List.of(file("marathon-x.yaml", 900, 3)), at(1000)))
        .contains(at(1150));
  }

  @Test
  void aFileRenamedIntoPlaceCountsAtOnce() {
    settle.changed("web", "deployments.json", Change.PLACED, at(1001));
    assertThat(settle.readyAt("web", List.of(file("deployments.json", 1000, 500)), at(1002)))
        .isEmpty();
  }

  @Test
  void anEmptyFileCreatedInPlaceIsWaitedFor() {
    // created (open with O_CREAT), not written yet
    settle.changed("web", "marathon-x.yaml", Change.PLACED, at(1001));
    assertThat(settle.readyAt("web", List.of(file("marathon-x.yaml", 1000, 0)), at(1002)))
        .contains(at(1250));
  }

  @Test
  void aFilePlacedThenWrittenInPlaceIsWaitedFor() {
    settle.changed("web", "marathon-x.yaml", Change.PLACED, at(1000));
    settle.changed("web", "marathon-x.yaml", Change.WRITTEN, at(1005));
    assertThat(settle.readyAt("web", List.of(file("marathon-x.yaml", 1005, 10)), at(1010)))
        .contains(at(1255));
  }

  @Test
  void theLatestFileDecidesAndOtherServicesAreNotHeldUp() {
    settle.changed("web", "a.yaml", Change.WRITTEN, at(900));
    settle.changed("web", "b.yaml", Change.WRITTEN, at(950));
    List<FileState> files = List.of(file("a.yaml", 900, 1), file("b.yaml", 950, 1));
    assertThat(settle.readyAt("web", files, at(960))).contains(at(1200));
    assertThat(settle.readyAt("api", List.of(file("a.yaml", 0, 1)), at(960))).isEmpty();
  }

  @Test
  void aModificationTimeInTheFutureIsNotWaitedFor() {
    Optional<Instant> ready =
        settle.readyAt("web", List.of(file("marathon-x.yaml", 3_600_000, 10)), at(1000));
    assertThat(ready).isEmpty();
  }
}
