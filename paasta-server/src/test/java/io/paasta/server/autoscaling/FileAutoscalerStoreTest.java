package io.paasta.server.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAutoscalerStoreTest {
  @TempDir Path dir;

  private static InstanceRef ref(String cluster, String instance) {
    return new InstanceRef("web", cluster, instance, InstanceKind.MARATHON);
  }

  @Test
  void anEmptyStoreHasNoCountAndNoPauseAndWritesNothing() {
    FileAutoscalerStore store = new FileAutoscalerStore(dir.resolve("state"), "norcal");
    assertThat(store.get(ref("norcal", "main"))).isEmpty();
    assertThat(store.pausedUntil()).isEmpty();
    assertThat(dir.resolve("state")).doesNotExist();
  }

  @Test
  void countsAndThePauseSurviveReopeningAndOtherClustersAreKept() throws Exception {
    Path state = dir.resolve("state");
    FileAutoscalerStore norcal = new FileAutoscalerStore(state, "norcal");
    norcal.set(ref("norcal", "main"), 4);
    norcal.pauseUntil(Instant.parse("2026-11-25T12:30:00Z"));
    FileAutoscalerStore other = new FileAutoscalerStore(state, "other");
    other.set(ref("other", "main"), 7);

    FileAutoscalerStore reopened = new FileAutoscalerStore(state, "norcal");
    assertThat(reopened.get(ref("norcal", "main"))).isEqualTo(OptionalInt.of(4));
    assertThat(reopened.get(ref("norcal", "canary"))).isEmpty();
    assertThat(reopened.pausedUntil()).contains(Instant.parse("2026-11-25T12:30:00Z"));
    assertThat(new FileAutoscalerStore(state, "other").get(ref("other", "main")))
        .isEqualTo(OptionalInt.of(7));
    reopened.resume();
    assertThat(new FileAutoscalerStore(state, "norcal").pausedUntil()).isEmpty();
    try (var files = Files.list(state)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("autoscaling.json");
    }
  }

  @Test
  void aCorruptFileIsRefusedNamingIt() throws Exception {
    Files.writeString(dir.resolve("autoscaling.json"), "{not json");
    assertThatThrownBy(() -> new FileAutoscalerStore(dir, "norcal"))
        .isInstanceOf(AutoscalerStoreException.class)
        .hasMessageContaining(dir.resolve("autoscaling.json").toString())
        .hasMessageContaining("fix it or remove it");
  }

  @Test
  void aFailedWriteKeepsTheOldCount() throws Exception {
    Path state = dir.resolve("state");
    FileAutoscalerStore store = new FileAutoscalerStore(state, "norcal");
    Files.writeString(state, ""); // a file where the directory should be
    assertThatThrownBy(() -> store.set(ref("norcal", "main"), 3))
        .isInstanceOf(AutoscalerStoreException.class)
        .hasMessageContaining("cannot write the autoscaler state");
    assertThat(store.get(ref("norcal", "main"))).isEmpty();
  }
}
