package io.paasta.server.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The schema of the state database, step by step. Never change a step once released: add one.
 *
 * <ol>
 *   <li>the run history of scheduled jobs ({@code job_runs});
 *   <li>the autoscaler's counts and pause, importing {@code autoscaling.json} once (then renamed
 *       {@code autoscaling.json.migrated}).
 *   <li>the autoscaler's load history and last decision per instance.
 *   <li>the newest restart asked through the API per instance ({@code instance_restarts}).
 *   <li>the emergency stops in force ({@code paasta emergency-stop}).
 * </ol>
 */
public final class StateMigrations {
  private StateMigrations() {}

  public static final Migration JOB_RUNS =
      new Migration(
          1,
          "the run history of scheduled jobs",
          (connection, stateDir) ->
              execute(
                  connection,
                  """
                  CREATE TABLE job_runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    service TEXT NOT NULL,
                    cluster TEXT NOT NULL,
                    instance TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    execution_date INTEGER NOT NULL,
                    run_trigger TEXT NOT NULL,
                    state TEXT NOT NULL,
                    start_at INTEGER,
                    end_at INTEGER,
                    exit_code INTEGER,
                    attempts INTEGER NOT NULL,
                    max_attempts INTEGER NOT NULL,
                    git_sha TEXT NOT NULL,
                    config_hash TEXT NOT NULL,
                    task_id TEXT,
                    message TEXT NOT NULL)""",
                  """
                  CREATE INDEX job_runs_recent
                    ON job_runs (service, cluster, instance, kind, execution_date DESC, id DESC)""",
                  "CREATE INDEX job_runs_running ON job_runs (state) WHERE state = 'RUNNING'",
                  """
                  CREATE UNIQUE INDEX job_runs_scheduled_once
                    ON job_runs (service, cluster, instance, kind, execution_date)
                    WHERE run_trigger = 'SCHEDULE'"""));

  public static final Migration AUTOSCALER =
      new Migration(
          2,
          "the autoscaler's counts and pause, imported from autoscaling.json",
          StateMigrations::createAutoscalerTables,
          stateDir -> {
            Path json = stateDir.resolve(LegacyAutoscalingJson.FILE_NAME);
            if (Files.exists(json)) {
              Files.move(
                  json,
                  stateDir.resolve(LegacyAutoscalingJson.MIGRATED_NAME),
                  StandardCopyOption.REPLACE_EXISTING);
            }
          });

  public static final Migration AUTOSCALER_HISTORY =
      new Migration(
          3,
          "the autoscaler's load history and last decisions",
          (connection, stateDir) ->
              execute(
                  connection,
                  """
                  CREATE TABLE autoscaler_history (
                    cluster TEXT NOT NULL,
                    service TEXT NOT NULL,
                    instance TEXT NOT NULL,
                    at_ms INTEGER NOT NULL,
                    load REAL NOT NULL)""",
                  """
                  CREATE INDEX autoscaler_history_of
                    ON autoscaler_history (cluster, service, instance, at_ms)""",
                  """
                  CREATE TABLE autoscaler_decisions (
                    cluster TEXT NOT NULL,
                    service TEXT NOT NULL,
                    instance TEXT NOT NULL,
                    decided_at TEXT NOT NULL,
                    provider TEXT NOT NULL,
                    policy TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    current INTEGER NOT NULL,
                    desired INTEGER NOT NULL,
                    utilization REAL,
                    setpoint REAL NOT NULL,
                    message TEXT NOT NULL,
                    PRIMARY KEY (cluster, service, instance))"""));

  public static final Migration INSTANCE_RESTARTS =
      new Migration(
          4,
          "the restarts asked through the API (the dashboard's restart button)",
          (connection, stateDir) ->
              execute(
                  connection,
                  """
                  CREATE TABLE instance_restarts (
                    cluster TEXT NOT NULL,
                    service TEXT NOT NULL,
                    instance TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    requested_at TEXT NOT NULL,
                    PRIMARY KEY (cluster, service, instance, kind))"""));

  public static final Migration EMERGENCY_STOPS =
      new Migration(
          5,
          "the emergency stops in force",
          (connection, stateDir) ->
              execute(
                  connection,
                  """
                  CREATE TABLE emergency_stops (
                    cluster TEXT NOT NULL,
                    service TEXT NOT NULL,
                    instance TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    stopped_by TEXT NOT NULL,
                    stopped_at TEXT NOT NULL,
                    deployment TEXT NOT NULL,
                    PRIMARY KEY (cluster, service, instance, kind))"""));

  /** Every step, in order. */
  public static final List<Migration> ALL =
      List.of(JOB_RUNS, AUTOSCALER, AUTOSCALER_HISTORY, INSTANCE_RESTARTS, EMERGENCY_STOPS);

  static int latest(List<Migration> migrations) {
    return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
  }

  private static void createAutoscalerTables(Connection connection, Path stateDir)
      throws SQLException {
    execute(
        connection,
        """
        CREATE TABLE autoscaler_counts (
          cluster TEXT NOT NULL,
          service TEXT NOT NULL,
          instance TEXT NOT NULL,
          count INTEGER NOT NULL,
          PRIMARY KEY (cluster, service, instance))""",
        """
        CREATE TABLE autoscaler_pause (
          cluster TEXT PRIMARY KEY,
          paused_until TEXT NOT NULL)""");
    Map<String, LegacyAutoscalingJson.ClusterState> legacy =
        LegacyAutoscalingJson.read(stateDir).orElse(Map.of());
    try (PreparedStatement counts =
            connection.prepareStatement(
                "INSERT INTO autoscaler_counts (cluster, service, instance, count)"
                    + " VALUES (?, ?, ?, ?)");
        PreparedStatement pauses =
            connection.prepareStatement(
                "INSERT INTO autoscaler_pause (cluster, paused_until) VALUES (?, ?)")) {
      for (var cluster : legacy.entrySet()) {
        for (var service : cluster.getValue().counts().entrySet()) {
          for (var instance : service.getValue().entrySet()) {
            counts.setString(1, cluster.getKey());
            counts.setString(2, service.getKey());
            counts.setString(3, instance.getKey());
            counts.setInt(4, instance.getValue());
            counts.executeUpdate();
          }
        }
        if (cluster.getValue().pausedUntil().isPresent()) {
          pauses.setString(1, cluster.getKey());
          pauses.setString(2, cluster.getValue().pausedUntil().get().toString());
          pauses.executeUpdate();
        }
      }
    }
  }

  private static void execute(Connection connection, String... statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
