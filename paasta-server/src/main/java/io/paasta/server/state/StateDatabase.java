package io.paasta.server.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The daemon's state database: SQLite in its state directory ({@code <state-dir>/paasta.db}), in
 * WAL mode with synchronous commits (a write is on disk when it returns, so it survives a SIGKILL
 * of the daemon). It has a schema version (table {@code schema_version}) and numbered {@link
 * Migration}s, applied in order at open, each in its own transaction; a database written by a newer
 * daemon (a version this one does not know) is refused. One connection, one writer: every access is
 * serialized on this object. {@code paasta plan} opens it {@linkplain #openReadOnly read-only},
 * which creates and migrates nothing.
 */
public final class StateDatabase implements AutoCloseable {
  public static final String FILE_NAME = "paasta.db";

  private final Path stateDir;
  private final Path file;
  private final Connection connection;
  private final boolean readOnly;
  private final int version;

  private StateDatabase(
      Path stateDir, Path file, Connection connection, boolean readOnly, int version) {
    this.stateDir = stateDir;
    this.file = file;
    this.connection = connection;
    this.readOnly = readOnly;
    this.version = version;
  }

  /** Reads a connection; any SQL error becomes a {@link StateStoreException} naming the file. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Opens (creating when missing) the database of {@code stateDir} and brings its schema to the
   * newest version this daemon knows.
   *
   * @throws StateStoreException when it cannot be opened or migrated, or is newer than known
   */
  public static StateDatabase open(Path stateDir) {
    return open(stateDir, StateMigrations.ALL);
  }

  /** {@link #open(Path)} with these migrations (the newest known version is the last one's). */
  public static StateDatabase open(Path stateDir, List<Migration> migrations) {
    Path file = stateDir.resolve(FILE_NAME);
    try {
      Files.createDirectories(stateDir);
    } catch (IOException e) {
      throw new StateStoreException(
          "cannot create the daemon's state directory "
              + stateDir
              + ": "
              + e
              + " (it must be writable: --state-dir)",
          e);
    }
    Connection connection = connect(file, false);
    try {
      int version = migrate(connection, file, stateDir, migrations);
      return new StateDatabase(stateDir, file, connection, false, version);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /**
   * The database of {@code stateDir} opened read-only, as it is (no migration); empty when there is
   * none. Readers check {@link #version()} for what it holds.
   *
   * @throws StateStoreException when it cannot be read or is newer than this paasta knows
   */
  public static Optional<StateDatabase> openReadOnly(Path stateDir) {
    Path file = stateDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Connection connection = connect(file, true);
    try {
      int version = storedVersion(connection, file);
      refuseNewer(file, version, StateMigrations.latest(StateMigrations.ALL));
      return Optional.of(new StateDatabase(stateDir, file, connection, true, version));
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  public Path file() {
    return file;
  }

  public Path stateDir() {
    return stateDir;
  }

  /** The schema version it has (the newest known once opened for writing). */
  public int version() {
    return version;
  }

  public boolean readOnly() {
    return readOnly;
  }

  /** Runs a read. */
  public synchronized <T> T read(String what, Work<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StateStoreException(
          "cannot " + what + " in the state database " + file + ": " + e, e);
    }
  }

  /** Runs a write in one transaction, committed (on disk) when this returns. */
  public synchronized <T> T write(String what, Work<T> work) {
    if (readOnly) {
      throw new StateStoreException(
          "cannot " + what + ": the state database " + file + " is open read-only");
    }
    try {
      return inTransaction(connection, work);
    } catch (SQLException e) {
      throw new StateStoreException(
          "cannot "
              + what
              + " in the state database "
              + file
              + ": "
              + e
              + " (the state directory must be writable and its disk not full)",
          e);
    }
  }

  @Override
  public synchronized void close() {
    closeQuietly(connection);
  }

  private static Connection connect(Path file, boolean readOnly) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(10_000);
    if (readOnly) {
      config.setReadOnly(true);
    } else {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    }
    try {
      return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw new StateStoreException(
          "cannot open the state database "
              + file
              + ": "
              + e
              + (readOnly
                  ? ""
                  : " (it must be a SQLite database written by paasta, in a writable directory;"
                      + " move it away to start with an empty state)"),
          e);
    }
  }

  /** Applies the migrations newer than the stored version; returns the version it ends at. */
  private static int migrate(
      Connection connection, Path file, Path stateDir, List<Migration> migrations) {
    int latest = StateMigrations.latest(migrations);
    int version;
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      version = storedVersion(connection, file);
    } catch (SQLException e) {
      throw new StateStoreException(
          "cannot read the schema version of the state database " + file + ": " + e, e);
    }
    refuseNewer(file, version, latest);
    for (Migration migration : migrations) {
      if (migration.version() <= version) {
        continue;
      }
      applyOne(connection, file, stateDir, migration);
      version = migration.version();
      try {
        migration.afterCommit().run(stateDir);
      } catch (IOException e) {
        throw new StateStoreException(
            "the state database "
                + file
                + " was migrated to version "
                + version
                + " ("
                + migration.description()
                + "), but then: "
                + e,
            e);
      }
    }
    return version;
  }

  private static void applyOne(
      Connection connection, Path file, Path stateDir, Migration migration) {
    try {
      inTransaction(
          connection,
          c -> {
            if (storedVersion(c, file) < migration.version()) {
              migration.apply().apply(c, stateDir);
              try (Statement statement = c.createStatement()) {
                statement.execute("DELETE FROM schema_version");
                statement.execute(
                    "INSERT INTO schema_version (version) VALUES (" + migration.version() + ")");
              }
            }
            return null;
          });
    } catch (SQLException e) {
      throw new StateStoreException(
          "cannot migrate the state database "
              + file
              + " to version "
              + migration.version()
              + " ("
              + migration.description()
              + "): "
              + e
              + "; it was left at the version before",
          e);
    }
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   */
  private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** The stored version; 0 for a new database. */
  static int storedVersion(Connection connection, Path file) {
    try {
      DatabaseMetaData meta = connection.getMetaData();
      try (ResultSet tables = meta.getTables(null, null, "schema_version", null)) {
        if (!tables.next()) {
          return 0;
        }
      }
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT max(version) FROM schema_version")) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw new StateStoreException(
          "cannot read the schema version of the state database "
              + file
              + ": "
              + e
              + " (is it a SQLite database written by paasta? move it away to start with an empty"
              + " state)",
          e);
    }
  }

  private static void refuseNewer(Path file, int version, int latest) {
    if (version > latest) {
      throw new StateStoreException(
          "the state database "
              + file
              + " has schema version "
              + version
              + ", but this paasta knows versions up to "
              + latest
              + ": it was written by a newer paasta. Run that newer version, or move the file away"
              + " to start with an empty state (that forgets job runs and autoscaler counts)");
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing left to do
    }
  }
}
