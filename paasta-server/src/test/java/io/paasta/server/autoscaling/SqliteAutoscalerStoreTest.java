package io.paasta.server.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.server.state.StateDatabase;
import io.paasta.server.state.StateMigrations;
import io.paasta.server.state.StateStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteAutoscalerStoreTest {
  @TempDir Path dir;

  private static InstanceRef ref(String cluster, String instance) {
    return new InstanceRef("web", cluster, instance, InstanceKind.MARATHON);
  }

  @Test
  void anEmptyStoreHasNoCountAndNoPause() {
    try (StateDatabase db = StateDatabase.open(dir.resolve("state"))) {
      SqliteAutoscalerStore store = new SqliteAutoscalerStore(db, "norcal");
      assertThat(store.get(ref("norcal", "main"))).isEmpty();
      assertThat(store.pausedUntil()).isEmpty();
    }
  }

  @Test
  void countsAndThePauseSurviveReopeningAndOtherClustersAreKept() throws Exception {
    Path state = dir.resolve("state");
    try (StateDatabase db = StateDatabase.open(state)) {
      SqliteAutoscalerStore norcal = new SqliteAutoscalerStore(db, "norcal");
      norcal.set(ref("norcal", "main"), 4);
      norcal.set(ref("norcal", "main"), 5);
      norcal.pauseUntil(Instant.parse("2026-11-25T12:30:00Z"));
      new SqliteAutoscalerStore(db, "other").set(ref("other", "main"), 7);
    }
    try (StateDatabase db = StateDatabase.open(state)) {
      SqliteAutoscalerStore reopened = new SqliteAutoscalerStore(db, "norcal");
      assertThat(reopened.get(ref("norcal", "main"))).isEqualTo(OptionalInt.of(5));
      assertThat(reopened.get(ref("norcal", "canary"))).isEmpty();
      assertThat(reopened.pausedUntil()).contains(Instant.parse("2026-11-25T12:30:00Z"));
      assertThat(new SqliteAutoscalerStore(db, "other").get(ref("other", "main")))
          .isEqualTo(OptionalInt.of(7));
      assertThat(new SqliteAutoscalerStore(db, "other").pausedUntil()).isEmpty();
      reopened.resume();
      assertThat(reopened.pausedUntil()).isEmpty();
    }
    try (StateDatabase db = StateDatabase.open(state)) {
      assertThat(new SqliteAutoscalerStore(db, "norcal").pausedUntil()).isEmpty();
    }
    try (var files = Files.list(state)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(n -> n.startsWith("paasta.db"));
    }
  }

  @Test
  void theCountsOfAnOlderDaemonsAutoscalingJsonAreImported() throws Exception {
    Path state = dir.resolve("state");
    Files.createDirectories(state);
    Files.writeString(
        state.resolve("autoscaling.json"),
        "{\"clusters\": {\"norcal\": {\"paused_until\": \"2026-11-25T12:30:00Z\","
            + " \"instances\": {\"web\": {\"main\": 4}}}}}");
    try (StateDatabase db = StateDatabase.open(state)) {
      SqliteAutoscalerStore store = new SqliteAutoscalerStore(db, "norcal");
      assertThat(store.get(ref("norcal", "main"))).isEqualTo(OptionalInt.of(4));
      assertThat(store.pausedUntil()).contains(Instant.parse("2026-11-25T12:30:00Z"));
    }
    assertThat(state.resolve("autoscaling.json.migrated")).exists();
  }

  @Test
  void aCorruptAutoscalingJsonIsRefusedNamingIt() throws Exception {
    Files.writeString(dir.resolve("autoscaling.json"), "{not json");
    assertThatThrownBy(() -> StateDatabase.open(dir))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(dir.resolve("autoscaling.json").toString())
        .hasMessageContaining("fix it or remove it");
  }

  @Test
  void aFailedWriteKeepsTheOldCount() {
    StateDatabase db = StateDatabase.open(dir.resolve("state"));
    SqliteAutoscalerStore store = new SqliteAutoscalerStore(db, "norcal");
    store.set(ref("norcal", "main"), 2);
    db.close(); // every later write fails
    assertThatThrownBy(() -> store.set(ref("norcal", "main"), 3))
        .isInstanceOf(AutoscalerStoreException.class)
        .hasMessageContaining("cannot store the autoscaler count of " + ref("norcal", "main"))
        .hasMessageContaining(dir.resolve("state").resolve("paasta.db").toString());
    assertThat(store.get(ref("norcal", "main"))).isEqualTo(OptionalInt.of(2));
  }

  @Test
  void readOnlyCountsCreateNothingWhenThereIsNoState() {
    AutoscalerCounts counts = SqliteAutoscalerStore.readOnlyCounts(dir.resolve("state"), "norcal");
    assertThat(counts.get(ref("norcal", "main"))).isEmpty();
    assertThat(dir.resolve("state")).doesNotExist();
    assertThatThrownBy(() -> counts.set(ref("norcal", "main"), 1))
        .isInstanceOf(AutoscalerStoreException.class)
        .hasMessageContaining("read-only");
  }

  @Test
  void readOnlyCountsReadAnOlderDaemonsJsonWithoutMigratingIt() throws Exception {
    Path state = dir.resolve("state");
    Files.createDirectories(state);
    Files.writeString(
        state.resolve("autoscaling.json"),
        "{\"clusters\": {\"norcal\": {\"instances\": {\"web\": {\"main\": 4}}}}}");
    assertThat(SqliteAutoscalerStore.readOnlyCounts(state, "norcal").get(ref("norcal", "main")))
        .isEqualTo(OptionalInt.of(4));
    assertThat(state.resolve("paasta.db")).doesNotExist();
    assertThat(state.resolve("autoscaling.json")).exists();

    StateDatabase.open(state, List.of(StateMigrations.JOB_RUNS)).close(); // not yet upgraded
    assertThat(SqliteAutoscalerStore.readOnlyCounts(state, "norcal").get(ref("norcal", "main")))
        .isEqualTo(OptionalInt.of(4));
    try (StateDatabase v1 = StateDatabase.openReadOnly(state).orElseThrow()) {
      assertThat(v1.version()).isEqualTo(1);
    }
  }

  @Test
  void readOnlyCountsReadTheDatabase() {
    Path state = dir.resolve("state");
    try (StateDatabase db = StateDatabase.open(state)) {
      new SqliteAutoscalerStore(db, "norcal").set(ref("norcal", "main"), 6);
    }
    assertThat(SqliteAutoscalerStore.readOnlyCounts(state, "norcal").get(ref("norcal", "main")))
        .isEqualTo(OptionalInt.of(6));
  }
}
