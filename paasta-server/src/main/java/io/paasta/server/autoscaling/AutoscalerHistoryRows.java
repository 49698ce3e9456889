package io.paasta.server.autoscaling;

import io.paasta.model.InstanceRef;
import io.paasta.planning.autoscaling.LoadPoint;
import io.paasta.server.state.StateDatabase;
import io.paasta.server.state.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The rows of {@code autoscaler_history} and {@code autoscaler_decisions} of one cluster: read once
 * at start, rewritten per instance with each decision.
 */
final class AutoscalerHistoryRows {
  private AutoscalerHistoryRows() {}

  /** An instance of the cluster. */
  record InstanceKey(String service, String instance) {
    static InstanceKey of(InstanceRef ref) {
      return new InstanceKey(ref.service(), ref.instance());
    }
  }

  static Map<InstanceKey, List<LoadPoint>> histories(StateDatabase db, String cluster) {
    Map<InstanceKey, List<LoadPoint>> out = new HashMap<>();
    read(
        db,
        "the autoscaler's load history of cluster " + cluster,
        c -> readHistory(c, cluster, out));
    return out;
  }

  static Map<InstanceKey, AutoscalerStatus> decisions(StateDatabase db, String cluster) {
    Map<InstanceKey, AutoscalerStatus> out = new HashMap<>();
    read(
        db,
        "the autoscaler's decisions of cluster " + cluster,
        c -> readDecisions(c, cluster, out));
    return out;
  }

  private interface Reading {
    void read(Connection connection) throws SQLException;
  }

  private static void read(StateDatabase db, String what, Reading reading) {
    try {
      db.read(
          "read " + what,
          connection -> {
            reading.read(connection);
            return null;
          });
    } catch (StateStoreException e) {
      throw new AutoscalerStoreException(e.getMessage(), e);
    }
  }

  private static void readHistory(
      Connection connection, String cluster, Map<InstanceKey, List<LoadPoint>> out)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT service, instance, at_ms, load FROM autoscaler_history WHERE cluster = ?"
                + " ORDER BY service, instance, at_ms")) {
      query.setString(1, cluster);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          out.computeIfAbsent(
                  new InstanceKey(rows.getString(1), rows.getString(2)), k -> new ArrayList<>())
              .add(new LoadPoint(Instant.ofEpochMilli(rows.getLong(3)), rows.getDouble(4)));
        }
      }
    }
    out.replaceAll((k, v) -> List.copyOf(v));
  }

  private static void readDecisions(
      Connection connection, String cluster, Map<InstanceKey, AutoscalerStatus> out)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT service, instance, decided_at, provider, policy, outcome, current, desired,"
                + " utilization, setpoint, message FROM autoscaler_decisions WHERE cluster = ?")) {
      query.setString(1, cluster);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          double utilization = rows.getDouble(9);
          OptionalDouble measured =
              rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(utilization);
          out.put(
              new InstanceKey(rows.getString(1), rows.getString(2)),
              new AutoscalerStatus(
                  Instant.parse(rows.getString(3)),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getInt(7),
                  rows.getInt(8),
                  measured,
                  rows.getDouble(10),
                  rows.getString(11)));
        }
      }
    }
  }

  static void write(
      Connection connection,
      String cluster,
      InstanceRef ref,
      AutoscalerStatus decision,
      List<LoadPoint> history)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM autoscaler_history WHERE cluster = ? AND service = ? AND instance = ?")) {
      delete.setString(1, cluster);
      delete.setString(2, ref.service());
      delete.setString(3, ref.instance());
      delete.executeUpdate();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO autoscaler_history (cluster, service, instance, at_ms, load)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (LoadPoint point : history) {
        insert.setString(1, cluster);
        insert.setString(2, ref.service());
        insert.setString(3, ref.instance());
        insert.setLong(4, point.at().toEpochMilli());
        insert.setDouble(5, point.load());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO autoscaler_decisions (cluster, service, instance, decided_at, provider,"
                + " policy, outcome, current, desired, utilization, setpoint, message)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (cluster, service, instance) DO UPDATE SET"
                + " decided_at = excluded.decided_at, provider = excluded.provider,"
                + " policy = excluded.policy, outcome = excluded.outcome,"
                + " current = excluded.current, desired = excluded.desired,"
                + " utilization = excluded.utilization, setpoint = excluded.setpoint,"
                + " message = excluded.message")) {
      upsert.setString(1, cluster);
      upsert.setString(2, ref.service());
      upsert.setString(3, ref.instance());
      upsert.setString(4, decision.decidedAt().toString());
      upsert.setString(5, decision.provider());
      upsert.setString(6, decision.policy());
      upsert.setString(7, decision.outcome());
      upsert.setInt(8, decision.current());
      upsert.setInt(9, decision.desired());
      if (decision.utilization().isPresent()) {
        upsert.setDouble(10, decision.utilization().getAsDouble());
      } else {
        upsert.setNull(10, Types.REAL);
      }
      upsert.setDouble(11, decision.setpoint());
      upsert.setString(12, decision.message());
      upsert.executeUpdate();
    }
  }
}
