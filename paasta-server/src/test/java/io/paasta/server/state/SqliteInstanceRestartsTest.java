package io.paasta.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.Deployments;
import io.paasta.model.DesiredState;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.server.desired.InstanceRestarts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts asked through the API: kept across a reopen, per cluster, and applied as a bounce. */
class SqliteInstanceRestartsTest {
  private static final InstanceRef MAIN =
      new InstanceRef("web", "norcal", "main", InstanceKind.MARATHON);
  private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

  @TempDir Path dir;

  @Test
  void aRestartIsKeptAcrossAReopenAndReadOnlyForPlan() {
    try (StateDatabase db = StateDatabase.open(dir)) {
      SqliteInstanceRestarts restarts = new SqliteInstanceRestarts(db, "norcal");
      assertThat(restarts.of(MAIN)).isEmpty();
      assertThat(restarts.restart(MAIN, T0)).isEqualTo("2026-12-06T10:00:00Z");
      restarts.restart(MAIN, T0.plusSeconds(5));
      assertThat(restarts.of(MAIN)).contains("2026-12-06T10:00:05Z");
      assertThat(new SqliteInstanceRestarts(db, "other").of(MAIN)).isEmpty();
    }
    try (StateDatabase db = StateDatabase.open(dir)) {
      assertThat(new SqliteInstanceRestarts(db, "norcal").of(MAIN))
          .contains("2026-12-06T10:00:05Z");
    }
    assertThat(SqliteInstanceRestarts.readOnly(dir, "norcal").of(MAIN))
        .contains("2026-12-06T10:00:05Z");
    assertThat(SqliteInstanceRestarts.readOnly(dir.resolve("none"), "norcal").of(MAIN)).isEmpty();
  }

  @Test
  void aRestartAddsItsMarkToTheInstancesForceBounceAndKeepsItsDesiredState() {
    Deployments deployments =
        new Deployments(
            Map.of(),
            Map.of(
                "web:norcal.main",
                new Deployments.Control(DesiredState.STOP, Optional.of("20261201T000000"))));
    Deployments.Control control =
        InstanceRestarts.applied(deployments, MAIN, "2026-12-06T10:00:00Z")
            .controlFor("web", "norcal", "main");
    assertThat(control.desiredState()).isEqualTo(DesiredState.STOP);
    assertThat(control.forceBounce()).contains("20261201T000000+restart-2026-12-06T10:00:00Z");
    assertThat(
            InstanceRestarts.applied(Deployments.empty(), MAIN, "m")
                .controlFor("web", "norcal", "main")
                .forceBounce())
        .contains("+restart-m");
  }
}
