package io.paasta.server.state;

import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.RunTrigger;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A process that writes runs to a state database, says so after each returned, then waits to be
 * killed (SIGKILL by {@link StateDatabaseTest}): what it printed must be in the database.
 */
public final class CrashingWriter {
  private CrashingWriter() {}

  public static void main(String[] args) throws InterruptedException {
    Path stateDir = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    StateDatabase db = StateDatabase.open(stateDir);
    SqliteJobRunStore store = new SqliteJobRunStore(db);
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < runs; i++) {
      JobRun run =
          store.create(
              JobRuns.running(
                  JobRuns.job("batch", "nightly"), t0.plusSeconds(60L * i), RunTrigger.SCHEDULE));
      System.out.println("created " + run.runId());
    }
    System.out.println("done");
    System.out.flush();
    Thread.sleep(600_000); // killed long before
  }
}
