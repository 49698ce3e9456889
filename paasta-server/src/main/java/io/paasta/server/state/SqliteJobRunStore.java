package io.paasta.server.state;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobRunStore;
import io.paasta.planning.jobs.RunState;
import io.paasta.planning.jobs.RunTrigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The run history of scheduled jobs in the state database (table {@code job_runs}). Each call is
 * one committed transaction: durable when it returns. A scheduled run ({@link RunTrigger#SCHEDULE})
 * exists at most once per job and execution date (a unique index): {@link #create} of one that
 * exists returns the stored run and creates nothing. After each create the job keeps its newest
 * {@code keptRuns} runs (running ones are never dropped). Instants are stored as nanoseconds since
 * the epoch, so they read back exactly.
 */
public final class SqliteJobRunStore implements JobRunStore {
  private static final String COLUMNS =
      "id, service, cluster, instance, kind, execution_date, run_trigger, state, start_at, end_at,"
          + " exit_code, attempts, max_attempts, git_sha, config_hash, task_id, message";
  private static final String JOB = "service = ? AND cluster = ? AND instance = ? AND kind = ?";

  private final StateDatabase db;
  private final int keptRuns;

  public SqliteJobRunStore(StateDatabase db) {
    this(db, DEFAULT_KEPT_RUNS);
  }

  /**
   * @param keptRuns runs kept per job (at least 1)
   */
  public SqliteJobRunStore(StateDatabase db, int keptRuns) {
    if (keptRuns < 1) {
      throw new IllegalArgumentException("keptRuns must be at least 1, got " + keptRuns);
    }
    this.db = db;
    this.keptRuns = keptRuns;
  }

  @Override
  public JobRun create(JobRun run) {
    return db.write(
        "record a run of " + run.job(),
        connection -> {
          if (run.trigger() == RunTrigger.SCHEDULE) {
            Optional<JobRun> existing = scheduled(connection, run.job(), run.executionDate());
            if (existing.isPresent()) {
              return existing.get();
            }
          }
          long id;
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO job_runs ("
                      + COLUMNS.substring("id, ".length())
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindJob(insert, 1, run.job());
            bindFields(insert, 5, run);
            insert.executeUpdate();
          }
          try (PreparedStatement last = connection.prepareStatement("SELECT last_insert_rowid()");
              ResultSet rows = last.executeQuery()) {
            rows.next();
            id = rows.getLong(1);
          }
          prune(connection, run.job());
          return run.withRunId(id);
        });
  }

  @Override
  public void update(JobRun run) {
    int changed =
        db.write(
            "update run " + run.runId() + " of " + run.job(),
            connection -> {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE job_runs SET execution_date = ?, run_trigger = ?, state = ?, start_at = ?,"
                          + " end_at = ?, exit_code = ?, attempts = ?, max_attempts = ?, git_sha = ?,"
                          + " config_hash = ?, task_id = ?, message = ? WHERE id = ? AND "
                          + JOB)) {
                int next = bindFields(update, 1, run);
                update.setLong(next, run.runId());
                bindJob(update, next + 1, run.job());
                return update.executeUpdate();
              }
            });
    if (changed == 0) {
      throw new StateStoreException(
          "run "
              + run.runId()
              + " of "
              + run.job()
              + " is not in the state database "
              + db.file()
              + " (it was dropped as older than the newest "
              + keptRuns
              + " runs, or forgotten with its job)");
    }
  }

  @Override
  public List<JobRun> recent(InstanceRef job, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return db.read(
        "read the runs of " + job,
        connection ->
            select(
                connection,
                JOB + " ORDER BY execution_date DESC, id DESC LIMIT ?",
                query -> {
                  bindJob(query, 1, job);
                  query.setInt(5, limit);
                }));
  }

  @Override
  public List<JobRun> running() {
    return db.read(
        "read the running runs",
        connection -> select(connection, "state = 'RUNNING' ORDER BY id", query -> {}));
  }

  @Override
  public Set<InstanceRef> jobs() {
    return db.read(
        "list the jobs with runs",
        connection -> {
          Set<InstanceRef> jobs = new LinkedHashSet<>();
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT DISTINCT service, cluster, instance, kind FROM job_runs"
                          + " ORDER BY service, cluster, instance, kind");
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              jobs.add(ref(rows));
            }
          }
          return Set.copyOf(jobs);
        });
  }

  @Override
  public void forget(InstanceRef job) {
    db.write(
        "forget the runs of " + job,
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM job_runs WHERE " + JOB)) {
            bindJob(delete, 1, job);
            return delete.executeUpdate();
          }
        });
  }

  private static Optional<JobRun> scheduled(
      Connection connection, InstanceRef job, Instant executionDate) throws SQLException {
    return select(
            connection,
            JOB + " AND execution_date = ? AND run_trigger = 'SCHEDULE'",
            query -> {
              bindJob(query, 1, job);
              query.setLong(5, nanos(executionDate));
            })
        .stream()
        .findFirst();
  }

  /** Sets the parameters of a statement. */
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** The runs {@code where} selects (a WHERE clause, with ORDER BY and LIMIT as needed). */
  private static List<JobRun> select(Connection connection, String where, Binder binder)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM job_runs WHERE " + where)) {
      binder.bind(query);
      return runs(query);
    }
  }

  /** Drops the job's runs older than its newest {@link #keptRuns}, except running ones. */
  private void prune(Connection connection, InstanceRef job) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM job_runs WHERE "
                + JOB
                + " AND state <> 'RUNNING' AND id NOT IN (SELECT id FROM job_runs WHERE "
                + JOB
                + " ORDER BY execution_date DESC, id DESC LIMIT ?)")) {
      bindJob(delete, 1, job);
      bindJob(delete, 5, job);
      delete.setInt(9, keptRuns);
      delete.executeUpdate();
    }
  }

  private static void bindJob(PreparedStatement statement, int from, InstanceRef job)
      throws SQLException {
    statement.setString(from, job.service());
    statement.setString(from + 1, job.cluster());
    statement.setString(from + 2, job.instance());
    statement.setString(from + 3, job.kind().name());
  }

  /** Binds execution_date .. message from {@code from}; returns the next parameter index. */
  private static int bindFields(PreparedStatement statement, int from, JobRun run)
      throws SQLException {
    int i = from;
    statement.setLong(i++, nanos(run.executionDate()));
    statement.setString(i++, run.trigger().name());
    statement.setString(i++, run.state().name());
    setInstant(statement, i++, run.start());
    setInstant(statement, i++, run.end());
    if (run.exitCode().isPresent()) {
      statement.setInt(i++, run.exitCode().getAsInt());
    } else {
      statement.setNull(i++, Types.INTEGER);
    }
    statement.setInt(i++, run.attempts());
    statement.setInt(i++, run.maxAttempts());
    statement.setString(i++, run.gitSha());
    statement.setString(i++, run.configHash());
    statement.setString(i++, run.taskId().orElse(null));
    statement.setString(i++, run.message());
    return i;
  }

  private static void setInstant(PreparedStatement statement, int index, Optional<Instant> at)
      throws SQLException {
    if (at.isPresent()) {
      statement.setLong(index, nanos(at.get()));
    } else {
      statement.setNull(index, Types.INTEGER);
    }
  }

  private static List<JobRun> runs(PreparedStatement query) throws SQLException {
    List<JobRun> runs = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        runs.add(run(rows));
      }
    }
    return List.copyOf(runs);
  }

  private static JobRun run(ResultSet rows) throws SQLException {
    int exit = rows.getInt("exit_code");
    OptionalInt exitCode = rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(exit);
    return new JobRun(
        rows.getLong("id"),
        ref(rows),
        instant(rows.getLong("execution_date")),
        RunTrigger.valueOf(rows.getString("run_trigger")),
        RunState.valueOf(rows.getString("state")),
        optionalInstant(rows, "start_at"),
        optionalInstant(rows, "end_at"),
        exitCode,
        rows.getInt("attempts"),
        rows.getInt("max_attempts"),
        rows.getString("git_sha"),
        rows.getString("config_hash"),
        Optional.ofNullable(rows.getString("task_id")),
        rows.getString("message"));
  }

  private static InstanceRef ref(ResultSet rows) throws SQLException {
    return new InstanceRef(
        rows.getString("service"),
        rows.getString("cluster"),
        rows.getString("instance"),
        InstanceKind.valueOf(rows.getString("kind")));
  }

  private static Optional<Instant> optionalInstant(ResultSet rows, String column)
      throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? Optional.empty() : Optional.of(instant(value));
  }

  private static long nanos(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }
}
