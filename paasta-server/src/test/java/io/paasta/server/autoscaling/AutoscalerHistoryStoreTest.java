package io.paasta.server.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.autoscaling.LoadPoint;
import io.paasta.server.state.StateDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load history and last decision survive reopening; a decision stores its count with them. */
class AutoscalerHistoryStoreTest {
  private static final InstanceRef MAIN =
      new InstanceRef("web", "norcal", "main", InstanceKind.MARATHON);
  private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

  @TempDir Path dir;

  @Test
  void historyDecisionAndCountSurviveReopening() {
    Path state = dir.resolve("state");
    List<LoadPoint> history =
        List.of(new LoadPoint(AT.minusSeconds(60), 1.5), new LoadPoint(AT, 2.25));
    AutoscalerStatus decided =
        new AutoscalerStatus(
            AT,
            "cpu",
            "proportional",
            "SCALE",
            2,
            3,
            OptionalDouble.of(0.9),
            0.8,
            "Scaling from 2 to 3 instances (10% overutilized)");
    try (StateDatabase db = StateDatabase.open(state)) {
      SqliteAutoscalerStore store = new SqliteAutoscalerStore(db, "norcal");
      store.record(MAIN, decided, history, OptionalInt.of(3));
      assertThat(store.get(MAIN)).isEqualTo(OptionalInt.of(3));
    }
    try (StateDatabase db = StateDatabase.open(state)) {
      SqliteAutoscalerStore store = new SqliteAutoscalerStore(db, "norcal");
      assertThat(store.get(MAIN)).isEqualTo(OptionalInt.of(3));
      assertThat(store.history(MAIN)).isEqualTo(history);
      assertThat(store.last(MAIN)).contains(decided);
      assertThat(new SqliteAutoscalerStore(db, "other").history(MAIN)).isEmpty();
      // a decision without a new count keeps the count; no utilization is stored as none
      AutoscalerStatus none =
          new AutoscalerStatus(
              AT.plusSeconds(60),
              "http",
              "proportional",
              "NONE",
              3,
              3,
              OptionalDouble.empty(),
              0.8,
              "No autoscaling decision (no healthy task to measure)");
      store.record(MAIN, none, List.of(history.get(1)), OptionalInt.empty());
    }
    try (StateDatabase db = StateDatabase.open(state)) {
      SqliteAutoscalerStore store = new SqliteAutoscalerStore(db, "norcal");
      assertThat(store.get(MAIN)).isEqualTo(OptionalInt.of(3));
      assertThat(store.history(MAIN)).containsExactly(new LoadPoint(AT, 2.25));
      assertThat(store.last(MAIN).orElseThrow().utilization()).isEmpty();
      assertThat(store.last(MAIN).orElseThrow().outcome()).isEqualTo("NONE");
    }
  }
}
