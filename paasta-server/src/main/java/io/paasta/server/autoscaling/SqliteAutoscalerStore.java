package io.paasta.server.autoscaling;

import io.paasta.model.InstanceRef;
import io.paasta.planning.autoscaling.LoadPoint;
import io.paasta.server.state.LegacyAutoscalingJson;
import io.paasta.server.state.StateDatabase;
import io.paasta.server.state.StateMigrations;
import io.paasta.server.state.StateStoreException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Autoscaler counts and the pause of one cluster in the daemon's state database (tables {@code
 * autoscaler_counts} and {@code autoscaler_pause}; an older daemon's {@code autoscaling.json} is
 * imported by the migration that made them). Other clusters' rows are kept as they are. The
 * cluster's rows are read at construction and kept in memory; every change is committed (on disk)
 * before the memory changes, so a failed write keeps the old value. Thread-safe; the daemon is the
 * only writer.
 */
public final class SqliteAutoscalerStore
    implements AutoscalerCounts, AutoscalerPause, AutoscalerHistory {
  private final StateDatabase db;
  private final String cluster;
  private final Map<Key, Integer> counts;
  private Optional<Instant> pausedUntil;
  private final Map<AutoscalerHistoryRows.InstanceKey, List<LoadPoint>> histories;
  private final Map<AutoscalerHistoryRows.InstanceKey, AutoscalerStatus> decisions;

  private record Key(String service, String instance) {}

  /**
   * @throws AutoscalerStoreException when the stored state cannot be read
   */
  public SqliteAutoscalerStore(StateDatabase db, String cluster) {
    this.db = db;
    this.cluster = cluster;
    Stored stored = read(db, cluster);
    this.counts = new HashMap<>(stored.counts());
    this.pausedUntil = stored.pausedUntil();
    this.histories = new HashMap<>(AutoscalerHistoryRows.histories(db, cluster));
    this.decisions = new HashMap<>(AutoscalerHistoryRows.decisions(db, cluster));
  }

  /**
   * What {@code paasta plan} reads: the counts stored for {@code cluster} in {@code stateDir}, read
   * once without creating or migrating anything (from the database when it has them, else from an
   * older daemon's {@code autoscaling.json}, else none). Setting a count is refused.
   *
   * @throws AutoscalerStoreException when the stored state cannot be read
   */
  public static AutoscalerCounts readOnlyCounts(Path stateDir, String cluster) {
    Map<Key, Integer> counts;
    try {
      Optional<StateDatabase> opened = StateDatabase.openReadOnly(stateDir);
      if (opened.isPresent() && opened.get().version() >= StateMigrations.AUTOSCALER.version()) {
        try (StateDatabase db = opened.get()) {
          counts = read(db, cluster).counts();
        }
      } else {
        opened.ifPresent(StateDatabase::close);
        counts = legacyCounts(stateDir, cluster);
      }
    } catch (StateStoreException e) {
      throw new AutoscalerStoreException(e.getMessage(), e);
    }
    Map<Key, Integer> snapshot = Map.copyOf(counts);
    return new AutoscalerCounts() {
      @Override
      public OptionalInt get(InstanceRef ref) {
        Integer count = snapshot.get(new Key(ref.service(), ref.instance()));
        return count == null ? OptionalInt.empty() : OptionalInt.of(count);
      }

      @Override
      public void set(InstanceRef ref, int count) {
        throw new AutoscalerStoreException(
            "the autoscaler counts of " + stateDir + " were opened read-only");
      }
    };
  }

  @Override
  public synchronized OptionalInt get(InstanceRef ref) {
    Integer count = counts.get(new Key(ref.service(), ref.instance()));
    return count == null ? OptionalInt.empty() : OptionalInt.of(count);
  }

  @Override
  public synchronized void set(InstanceRef ref, int count) {
    write(
        "store the autoscaler count of " + ref,
        "INSERT INTO autoscaler_counts (cluster, service, instance, count) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (cluster, service, instance) DO UPDATE SET count = excluded.count",
        cluster,
        ref.service(),
        ref.instance(),
        count);
    counts.put(new Key(ref.service(), ref.instance()), count);
  }

  @Override
  public synchronized List<LoadPoint> history(InstanceRef ref) {
    return histories.getOrDefault(AutoscalerHistoryRows.InstanceKey.of(ref), List.of());
  }

  @Override
  public synchronized Optional<AutoscalerStatus> last(InstanceRef ref) {
    return Optional.ofNullable(decisions.get(AutoscalerHistoryRows.InstanceKey.of(ref)));
  }

  @Override
  public synchronized void record(
      InstanceRef ref, AutoscalerStatus decision, List<LoadPoint> history, OptionalInt count) {
    try {
      db.write(
          "store the autoscaler's decision about " + ref,
          connection -> {
            if (count.isPresent()) {
              try (PreparedStatement statement =
                  connection.prepareStatement(
                      "INSERT INTO autoscaler_counts (cluster, service, instance, count)"
                          + " VALUES (?, ?, ?, ?) ON CONFLICT (cluster, service, instance)"
                          + " DO UPDATE SET count = excluded.count")) {
                statement.setString(1, cluster);
                statement.setString(2, ref.service());
                statement.setString(3, ref.instance());
                statement.setInt(4, count.getAsInt());
                statement.executeUpdate();
              }
            }
            AutoscalerHistoryRows.write(connection, cluster, ref, decision, history);
            return null;
          });
    } catch (StateStoreException e) {
      throw new AutoscalerStoreException(e.getMessage(), e);
    }
    count.ifPresent(c -> counts.put(new Key(ref.service(), ref.instance()), c));
    histories.put(AutoscalerHistoryRows.InstanceKey.of(ref), List.copyOf(history));
    decisions.put(AutoscalerHistoryRows.InstanceKey.of(ref), decision);
  }

  @Override
  public synchronized Optional<Instant> pausedUntil() {
    return pausedUntil;
  }

  @Override
  public synchronized void pauseUntil(Instant until) {
    write(
        "pause the autoscaler",
        "INSERT INTO autoscaler_pause (cluster, paused_until) VALUES (?, ?)"
            + " ON CONFLICT (cluster) DO UPDATE SET paused_until = excluded.paused_until",
        cluster,
        until.toString());
    pausedUntil = Optional.of(until);
  }

  @Override
  public synchronized void resume() {
    write("resume the autoscaler", "DELETE FROM autoscaler_pause WHERE cluster = ?", cluster);
    pausedUntil = Optional.empty();
  }

  private void write(String what, String sql, Object... parameters) {
    try {
      db.write(
          what,
          connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
              for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
              }
              return statement.executeUpdate();
            }
          });
    } catch (StateStoreException e) {
      throw new AutoscalerStoreException(e.getMessage(), e);
    }
  }

  private record Stored(Map<Key, Integer> counts, Optional<Instant> pausedUntil) {}

  private static Stored read(StateDatabase db, String cluster) {
    try {
      return db.read(
          "read the autoscaler state of cluster " + cluster,
          connection -> {
            Map<Key, Integer> counts = new HashMap<>();
            try (PreparedStatement query =
                connection.prepareStatement(
                    "SELECT service, instance, count FROM autoscaler_counts WHERE cluster = ?")) {
              query.setString(1, cluster);
              try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                  counts.put(new Key(rows.getString(1), rows.getString(2)), rows.getInt(3));
                }
              }
            }
            return new Stored(counts, pause(connection, cluster));
          });
    } catch (StateStoreException e) {
      throw new AutoscalerStoreException(e.getMessage(), e);
    }
  }

  private static Optional<Instant> pause(java.sql.Connection connection, String cluster)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT paused_until FROM autoscaler_pause WHERE cluster = ?")) {
      query.setString(1, cluster);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(Instant.parse(rows.getString(1)));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
  }

  private static Map<Key, Integer> legacyCounts(Path stateDir, String cluster) {
    Map<Key, Integer> counts = new HashMap<>();
    LegacyAutoscalingJson.read(stateDir)
        .map(clusters -> clusters.get(cluster))
        .ifPresent(
            state ->
                state
                    .counts()
                    .forEach(
                        (service, instances) ->
                            instances.forEach(
                                (instance, count) ->
                                    counts.put(new Key(service, instance), count))));
    return counts;
  }
}
