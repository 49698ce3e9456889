package io.paasta.server.emergency;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.server.state.StateDatabase;
import io.paasta.server.state.StateMigrations;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The emergency stops in force in this cluster, kept in the state database (table {@code
 * emergency_stops}), so that they survive a restart of the daemon, and read from memory by every
 * pass. A stop whose instance's deployment changed since (a newer start, stop or deploy tag) is no
 * longer in force: it is forgotten when next asked about.
 */
public final class EmergencyStops {
  private final Optional<StateDatabase> database;
  private final String cluster;
  private final Consumer<EmergencyStop> lapsed;
  private final Map<InstanceRef, EmergencyStop> stops = new ConcurrentHashMap<>();

  private EmergencyStops(
      Optional<StateDatabase> database, String cluster, Consumer<EmergencyStop> lapsed) {
    this.database = database;
    this.cluster = cluster;
    this.lapsed = lapsed;
  }

  /** None, and none kept (a daemon without state database). */
  public static EmergencyStops none() {
    return new EmergencyStops(Optional.empty(), "", stop -> {});
  }

  /**
   * The stops {@code database} holds for {@code cluster}; stops asked later are kept there.
   *
   * @param lapsed told of a stop a newer tag lifted, when it is found out
   */
  public static EmergencyStops in(
      StateDatabase database, String cluster, Consumer<EmergencyStop> lapsed) {
    EmergencyStops stops = new EmergencyStops(Optional.of(database), cluster, lapsed);
    stops.load(database);
    return stops;
  }

  /**
   * The stops kept in {@code stateDir}'s database, read once and not written ({@code paasta plan}:
   * it plans what the daemon would); none when there is no database or it predates them.
   */
  public static EmergencyStops readOnly(Path stateDir, String cluster) {
    EmergencyStops stops = new EmergencyStops(Optional.empty(), cluster, stop -> {});
    Optional<StateDatabase> opened = StateDatabase.openReadOnly(stateDir);
    if (opened.isPresent()) {
      try (StateDatabase db = opened.get()) {
        if (db.version() >= StateMigrations.EMERGENCY_STOPS.version()) {
          stops.load(db);
        }
      }
    }
    return stops;
  }

  private void load(StateDatabase db) {
    db.read(
        "read the emergency stops",
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT service, instance, kind, stopped_by, stopped_at, deployment"
                      + " FROM emergency_stops WHERE cluster = ?")) {
            select.setString(1, cluster);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                InstanceRef ref =
                    new InstanceRef(
                        rows.getString(1),
                        cluster,
                        rows.getString(2),
                        InstanceKind.valueOf(rows.getString(3)));
                stops.put(
                    ref,
                    new EmergencyStop(
                        ref,
                        rows.getString(4),
                        Instant.parse(rows.getString(5)),
                        rows.getString(6)));
              }
            }
          }
          return null;
        });
  }

  /** Keeps {@code stop} (on disk when this returns), replacing one of the same instance. */
  public void stop(EmergencyStop stop) {
    database.ifPresent(
        db ->
            db.write(
                "keep the emergency stop of " + stop.ref(),
                connection -> {
                  try (PreparedStatement insert =
                      connection.prepareStatement(
                          "INSERT OR REPLACE INTO emergency_stops (cluster, service, instance,"
                              + " kind, stopped_by, stopped_at, deployment)"
                              + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, stop.ref().cluster());
                    insert.setString(2, stop.ref().service());
                    insert.setString(3, stop.ref().instance());
                    insert.setString(4, stop.ref().kind().name());
                    insert.setString(5, stop.by());
                    insert.setString(6, stop.at().toString());
                    insert.setString(7, stop.deployment());
                    insert.executeUpdate();
                  }
                  return null;
                }));
    stops.put(stop.ref(), stop);
  }

  /** Forgets the instance's stop; returns it when there was one. */
  public Optional<EmergencyStop> lift(InstanceRef ref) {
    EmergencyStop removed = stops.get(ref);
    if (removed == null) {
      return Optional.empty();
    }
    database.ifPresent(
        db ->
            db.write(
                "forget the emergency stop of " + ref,
                connection -> {
                  try (PreparedStatement delete =
                      connection.prepareStatement(
                          "DELETE FROM emergency_stops"
                              + " WHERE cluster = ? AND service = ? AND instance = ? AND kind = ?")) {
                    delete.setString(1, ref.cluster());
                    delete.setString(2, ref.service());
                    delete.setString(3, ref.instance());
                    delete.setString(4, ref.kind().name());
                    delete.executeUpdate();
                  }
                  return null;
                }));
    stops.remove(ref, removed);
    return Optional.of(removed);
  }

  /**
   * The instance's stop when in force with its deployment as it is now; a stop made against another
   * deployment is forgotten (a newer tag lifted it).
   */
  public Optional<EmergencyStop> inForce(InstanceRef ref, String deployment) {
    EmergencyStop stop = stops.get(ref);
    if (stop == null) {
      return Optional.empty();
    }
    if (!stop.deployment().equals(deployment)) {
      if (lift(ref).isPresent()) {
        lapsed.accept(stop);
      }
      return Optional.empty();
    }
    return Optional.of(stop);
  }
}
