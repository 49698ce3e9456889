package io.paasta.server.state;

import io.paasta.model.InstanceRef;
import io.paasta.server.desired.InstanceRestarts;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The restarts asked through the API, in the state database's {@code instance_restarts} (one row
 * per instance: the newest), read once when opened and kept in memory: the desired state reads them
 * on every pass.
 */
public final class SqliteInstanceRestarts implements InstanceRestarts {
  private final Optional<StateDatabase> db;
  private final String cluster;
  private final Map<InstanceRef, String> marks = new ConcurrentHashMap<>();

  public SqliteInstanceRestarts(StateDatabase db, String cluster) {
    this(Optional.of(db), cluster);
    marks.putAll(read(db, cluster));
  }

  private SqliteInstanceRestarts(Optional<StateDatabase> db, String cluster) {
    this.db = db;
    this.cluster = cluster;
  }

  /** The restarts of the database in {@code stateDir} as they are (for {@code paasta plan}). */
  public static InstanceRestarts readOnly(Path stateDir, String cluster) {
    SqliteInstanceRestarts restarts = new SqliteInstanceRestarts(Optional.empty(), cluster);
    Optional<StateDatabase> opened = StateDatabase.openReadOnly(stateDir);
    if (opened.isPresent()) {
      try (StateDatabase database = opened.get()) {
        if (database.version() >= StateMigrations.INSTANCE_RESTARTS.version()) {
          restarts.marks.putAll(read(database, cluster));
        }
      }
    }
    return restarts;
  }

  @Override
  public Optional<String> of(InstanceRef ref) {
    return Optional.ofNullable(marks.get(ref));
  }

  /**
   * Records a restart of the instance asked at {@code at}; returns its mark.
   *
   * @throws StateStoreException when it cannot be stored (nothing changes then)
   */
  public String restart(InstanceRef ref, Instant at) {
    String mark = at.toString();
    StateDatabase database =
        db.orElseThrow(() -> new StateStoreException("the restarts were opened read-only"));
    database.write(
        "record the restart of " + ref,
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT OR REPLACE INTO instance_restarts"
                      + " (cluster, service, instance, kind, requested_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, cluster);
            insert.setString(2, ref.service());
            insert.setString(3, ref.instance());
            insert.setString(4, ref.kind().name());
            insert.setString(5, mark);
            return insert.executeUpdate();
          }
        });
    marks.put(ref, mark);
    return mark;
  }

  private static Map<InstanceRef, String> read(StateDatabase database, String cluster) {
    return database.read(
        "read the restarts",
        connection -> {
          Map<InstanceRef, String> marks = new ConcurrentHashMap<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT service, instance, kind, requested_at FROM instance_restarts"
                      + " WHERE cluster = ?")) {
            select.setString(1, cluster);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                marks.put(
                    new InstanceRef(
                        rows.getString(1),
                        cluster,
                        rows.getString(2),
                        io.paasta.model.InstanceKind.valueOf(rows.getString(3))),
                    rows.getString(4));
              }
            }
          }
          return marks;
        });
  }
}
