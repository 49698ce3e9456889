package io.paasta.server.state;

import static io.paasta.server.state.JobRuns.job;
import static io.paasta.server.state.JobRuns.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.RunTrigger;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDatabaseTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void aNewDatabaseHasTheNewestSchemaVersionInWalMode() throws Exception {
    try (StateDatabase db = StateDatabase.open(dir.resolve("state"))) {
      assertThat(db.version())
          .isEqualTo(StateMigrations.ALL.get(StateMigrations.ALL.size() - 1).version());
      assertThat(db.file()).isEqualTo(dir.resolve("state").resolve("paasta.db")).exists();
      assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(db, "synchronous")).isEqualTo("2"); // FULL
    }
  }

  @Test
  void aRunIsThereAfterTheWriterWasKilledWithSigkill() throws Exception {
    Path state = dir.resolve("state");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashingWriter.class.getName(),
                state.toString(),
                "20")
            .redirectErrorStream(true)
            .start();
    List<Long> created = new ArrayList<>();
    List<String> output = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null && !line.equals("done")) {
        output.add(line);
        if (line.startsWith("created ")) {
          created.add(Long.parseLong(line.substring("created ".length())));
        }
      }
    } finally {
      writer.destroyForcibly(); // SIGKILL: no close, no checkpoint of the WAL
      writer.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(created).as("the writer's output: %s", output).hasSize(20);
    assertThat(state.resolve("paasta.db-wal")).exists();

    try (StateDatabase db = StateDatabase.open(state)) {
      List<JobRun> runs = new SqliteJobRunStore(db).recent(job("batch", "nightly"), 50);
      assertThat(runs).extracting(JobRun::runId).containsExactlyInAnyOrderElementsOf(created);
    }
  }

  @Test
  void aRunIsThereWhenTheConnectionWasDroppedWithoutClosing() {
    Path state = dir.resolve("state");
    StateDatabase dropped = StateDatabase.open(state); // never closed, as after a crash
    JobRun run =
        new SqliteJobRunStore(dropped).create(running(job("b", "n"), T0, RunTrigger.SCHEDULE));

    try (StateDatabase db = StateDatabase.open(state)) {
      assertThat(new SqliteJobRunStore(db).recent(job("b", "n"), 5)).containsExactly(run);
    }
  }

  @Test
  void anOlderDatabaseIsMigratedKeepingItsRunsAndImportingAutoscalingJsonOnce() throws Exception {
    Path state = dir.resolve("state");
    JobRun run;
    try (StateDatabase v1 = StateDatabase.open(state, List.of(StateMigrations.JOB_RUNS))) {
      assertThat(v1.version()).isEqualTo(1);
      run = new SqliteJobRunStore(v1).create(running(job("b", "n"), T0, RunTrigger.SCHEDULE));
    }
    Files.writeString(
        state.resolve("autoscaling.json"),
        """
        {"clusters": {"norcal": {"paused_until": "2026-11-25T12:30:00Z",
                                 "instances": {"web": {"main": 4, "canary": 1}}},
                      "other": {"instances": {"web": {"main": 7}}}}}""");

    try (StateDatabase db = StateDatabase.open(state)) {
      assertThat(db.version()).isEqualTo(StateMigrations.latest(StateMigrations.ALL));
      assertThat(count(db, "SELECT count(*) FROM autoscaler_history")).isZero();
      assertThat(count(db, "SELECT count(*) FROM emergency_stops")).isZero();
      assertThat(new SqliteJobRunStore(db).recent(job("b", "n"), 5)).containsExactly(run);
      assertThat(count(db, "SELECT count(*) FROM autoscaler_counts")).isEqualTo(3);
      assertThat(count(db, "SELECT count FROM autoscaler_counts WHERE cluster = 'other'"))
          .isEqualTo(7);
      assertThat(count(db, "SELECT count(*) FROM autoscaler_pause")).isEqualTo(1);
    }
    assertThat(state.resolve("autoscaling.json")).doesNotExist();
    assertThat(state.resolve("autoscaling.json.migrated")).exists();

    // a new autoscaling.json is not imported again
    Files.writeString(state.resolve("autoscaling.json"), "{\"clusters\": {}}");
    try (StateDatabase db = StateDatabase.open(state)) {
      assertThat(count(db, "SELECT count(*) FROM autoscaler_counts")).isEqualTo(3);
    }
    assertThat(state.resolve("autoscaling.json")).exists();
  }

  @Test
  void aFailedMigrationLeavesTheVersionBeforeAndNamesTheFile() throws Exception {
    Path state = dir.resolve("state");
    StateDatabase.open(state, List.of(StateMigrations.JOB_RUNS)).close();
    Files.writeString(state.resolve("autoscaling.json"), "{not json");

    assertThatThrownBy(() -> StateDatabase.open(state))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(state.resolve("autoscaling.json").toString())
        .hasMessageContaining("fix it or remove it");

    try (StateDatabase v1 = StateDatabase.open(state, List.of(StateMigrations.JOB_RUNS))) {
      assertThat(v1.version()).isEqualTo(1);
    }
    assertThat(state.resolve("autoscaling.json")).exists();
  }

  @Test
  void aDatabaseOfANewerPaastaIsRefusedNamingTheFileAndBothVersions() throws Exception {
    Path state = dir.resolve("state");
    StateDatabase.open(state).close();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + state.resolve("paasta.db"));
        Statement statement = raw.createStatement()) {
      statement.execute("UPDATE schema_version SET version = 99");
    }

    assertThatThrownBy(() -> StateDatabase.open(state))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(state.resolve("paasta.db").toString())
        .hasMessageContaining("schema version 99")
        .hasMessageContaining(
            "versions up to " + StateMigrations.ALL.get(StateMigrations.ALL.size() - 1).version())
        .hasMessageContaining("newer paasta");
    assertThatThrownBy(() -> StateDatabase.openReadOnly(state))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("schema version 99");
  }

  @Test
  void readOnlyCreatesNothingAndMigratesNothing() throws Exception {
    Path state = dir.resolve("state");
    assertThat(StateDatabase.openReadOnly(state)).isEmpty();
    assertThat(state).doesNotExist();

    StateDatabase.open(state, List.of(StateMigrations.JOB_RUNS)).close();
    Files.writeString(state.resolve("autoscaling.json"), "{\"clusters\": {}}");
    try (StateDatabase db = StateDatabase.openReadOnly(state).orElseThrow()) {
      assertThat(db.version()).isEqualTo(1);
      assertThat(db.readOnly()).isTrue();
      assertThatThrownBy(
              () ->
                  new SqliteJobRunStore(db).create(running(job("b", "n"), T0, RunTrigger.SCHEDULE)))
          .isInstanceOf(StateStoreException.class)
          .hasMessageContaining("read-only");
    }
    assertThat(state.resolve("autoscaling.json")).exists();
    try (StateDatabase v1 = StateDatabase.open(state, List.of(StateMigrations.JOB_RUNS))) {
      assertThat(v1.version()).isEqualTo(1);
    }
  }

  @Test
  void aFileThatIsNoDatabaseIsRefusedNamingIt() throws Exception {
    Path state = dir.resolve("state");
    Files.createDirectories(state);
    Files.writeString(
        state.resolve("paasta.db"), "this is not a SQLite database, not at all......");
    assertThatThrownBy(() -> StateDatabase.open(state))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining(state.resolve("paasta.db").toString())
        .hasMessageContaining("move it away");
  }

  private static String pragma(StateDatabase db, String name) {
    return db.read(
        "read " + name,
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
          }
        });
  }

  private static int count(StateDatabase db, String sql) {
    return db.read(
        "count",
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
          }
        });
  }
}
