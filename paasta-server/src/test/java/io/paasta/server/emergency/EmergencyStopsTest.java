package io.paasta.server.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.server.state.StateDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmergencyStopsTest {
  private static final InstanceRef WEB =
      new InstanceRef("web", "norcal", "main", InstanceKind.MARATHON);
  private static final InstanceRef JOB =
      new InstanceRef("web", "norcal", "nightly", InstanceKind.CHRONOS);
  private static final InstanceRef ELSEWHERE =
      new InstanceRef("web", "other", "main", InstanceKind.MARATHON);
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  @TempDir Path dir;

  @Test
  void aStopIsKeptInTheStateDatabaseUntilLifted() {
    try (StateDatabase db = StateDatabase.open(dir)) {
      EmergencyStops stops = EmergencyStops.in(db, "norcal", stop -> {});
      stops.stop(new EmergencyStop(WEB, "alice@laptop", T0, "img@abc start -"));
      stops.stop(new EmergencyStop(JOB, "bob@desk", T0, "img@abc start -"));
    }
    try (StateDatabase db = StateDatabase.open(dir)) {
      EmergencyStops stops = EmergencyStops.in(db, "norcal", stop -> {});
      assertThat(stops.inForce(WEB, "img@abc start -"))
          .contains(new EmergencyStop(WEB, "alice@laptop", T0, "img@abc start -"));
      assertThat(stops.inForce(JOB, "img@abc start -")).isPresent();
      assertThat(stops.lift(WEB)).isPresent();
      assertThat(stops.lift(WEB)).isEmpty();
    }
    try (StateDatabase db = StateDatabase.open(dir)) {
      EmergencyStops stops = EmergencyStops.in(db, "norcal", stop -> {});
      assertThat(stops.inForce(WEB, "img@abc start -")).isEmpty();
      assertThat(stops.inForce(JOB, "img@abc start -")).isPresent();
      // another cluster's daemon sharing the directory sees none of them
      assertThat(EmergencyStops.in(db, "other", stop -> {}).inForce(ELSEWHERE, "x")).isEmpty();
    }
  }

  @Test
  void aNewerTagLiftsTheStopForGoodAndSaysSo() {
    List<EmergencyStop> lapsed = new ArrayList<>();
    try (StateDatabase db = StateDatabase.open(dir)) {
      EmergencyStops stops = EmergencyStops.in(db, "norcal", lapsed::add);
      stops.stop(new EmergencyStop(WEB, "alice@laptop", T0, "img@abc start -"));

      assertThat(stops.inForce(WEB, "img@abc start 20261206T110000")).isEmpty();
      // back to the old deployment (a rollback): the stop stays lifted
      assertThat(stops.inForce(WEB, "img@abc start -")).isEmpty();
      assertThat(lapsed).extracting(EmergencyStop::by).containsExactly("alice@laptop");
    }
    try (StateDatabase db = StateDatabase.open(dir)) {
      assertThat(EmergencyStops.in(db, "norcal", s -> {}).inForce(WEB, "img@abc start -"))
          .isEmpty();
    }
  }

  @Test
  void readOnlyTheStopsAreReadAndNothingIsWritten() {
    assertThat(EmergencyStops.readOnly(dir, "norcal").inForce(WEB, "d")).isEmpty(); // no database
    try (StateDatabase db = StateDatabase.open(dir)) {
      EmergencyStops.in(db, "norcal", stop -> {})
          .stop(new EmergencyStop(WEB, "alice@laptop", T0, "img@abc start -"));
    }

    EmergencyStops plan = EmergencyStops.readOnly(dir, "norcal");

    assertThat(plan.inForce(WEB, "img@abc start -")).isPresent();
    assertThat(plan.inForce(WEB, "img@abc start 20261206T110000")).isEmpty(); // lapsed, in memory
    try (StateDatabase db = StateDatabase.open(dir)) {
      assertThat(EmergencyStops.in(db, "norcal", s -> {}).inForce(WEB, "img@abc start -"))
          .isPresent();
    }
  }

  @Test
  void withoutDatabaseNothingIsKept() {
    EmergencyStops stops = EmergencyStops.none();
    stops.stop(new EmergencyStop(WEB, "alice", T0, "d"));
    assertThat(stops.inForce(WEB, "d")).isPresent();
    assertThat(EmergencyStops.none().inForce(WEB, "d")).isEmpty();
  }
}
