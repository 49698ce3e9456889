package io.paasta.server.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One numbered step of the state database's schema, applied once, in order, inside the transaction
 * that also records its number.
 *
 * @param version the schema version the database has after this step
 * @param description what it does, for errors
 * @param apply the SQL (and imports of older state files) of the step
 * @param afterCommit what to do once the step is committed (e.g. rename an imported file); it runs
 *     only after the new version is durable, so a crash before it leaves the step applied and the
 *     file in place, which is harmless
 */
public record Migration(int version, String description, Step apply, AfterCommit afterCommit) {
  /** The changes of a step, on the connection of the open transaction. */
  @FunctionalInterface
  public interface Step {
    void apply(Connection connection, Path stateDir) throws SQLException;
  }

  /** Work on files once the step is committed. */
  @FunctionalInterface
  public interface AfterCommit {
    AfterCommit NONE = stateDir -> {};

    void run(Path stateDir) throws java.io.IOException;
  }

  public Migration(int version, String description, Step apply) {
    this(version, description, apply, AfterCommit.NONE);
  }
}
