package io.paasta.bench;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.RunState;
import io.paasta.planning.jobs.RunTrigger;
import io.paasta.server.state.SqliteJobRunStore;
import io.paasta.server.state.StateDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The run history's cost on the scheduler's path: each write is a committed SQLite transaction
 * (WAL, synchronous=FULL: an fsync) in a fresh state directory on the given disk. Times, over N
 * runs of J jobs: create (a run starts), update (it ends, pruning to the newest 50 per job included
 * in create), recent(job, 5) and running(). Prints p50/p99/max per operation; asserts nothing.
 *
 * <p>Arguments: {@code [runs] [jobs] [dir]} (defaults 500, 50, a temporary directory).
 */
public final class JobRunStoreBench {
  private JobRunStoreBench() {}

  public static void main(String[] args) throws IOException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Path dir =
        args.length > 2
            ? Files.createDirectories(Path.of(args[2]))
            : Files.createTempDirectory("paasta-store-bench");
    Path stateDir = Files.createTempDirectory(dir, "state");
    InstanceRef[] refs = new InstanceRef[jobs];
    for (int j = 0; j < jobs; j++) {
      refs[j] = new InstanceRef("bench", "local", "job" + j, InstanceKind.CHRONOS);
    }
    long[] create = new long[runs];
    long[] update = new long[runs];
    long[] recent = new long[runs];
    long[] running = new long[runs];
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    try (StateDatabase db = StateDatabase.open(stateDir)) {
      SqliteJobRunStore store = new SqliteJobRunStore(db);
      for (int i = 0; i < runs; i++) {
        InstanceRef ref = refs[i % jobs];
        Instant at = t0.plusSeconds(60L * i);
        JobRun run =
            new JobRun(
                0,
                ref,
                at,
                RunTrigger.SCHEDULE,
                RunState.RUNNING,
                Optional.of(at),
                Optional.empty(),
                OptionalInt.empty(),
                1,
                3,
                "sha",
                "hash",
                Optional.of("task-" + i),
                "");
        long start = System.nanoTime();
        JobRun created = store.create(run);
        create[i] = System.nanoTime() - start;
        start = System.nanoTime();
        store.recent(ref, 5);
        recent[i] = System.nanoTime() - start;
        start = System.nanoTime();
        store.running();
        running[i] = System.nanoTime() - start;
        JobRun done =
            new JobRun(
                created.runId(),
                ref,
                at,
                RunTrigger.SCHEDULE,
                RunState.SUCCEEDED,
                Optional.of(at),
                Optional.of(at.plusSeconds(5)),
                OptionalInt.of(0),
                1,
                3,
                "sha",
                "hash",
                Optional.of("task-" + i),
                "");
        start = System.nanoTime();
        store.update(done);
        update[i] = System.nanoTime() - start;
      }
      System.out.printf(
          "state database %s (%d runs of %d jobs; WAL, synchronous=FULL)%n", db.file(), runs, jobs);
    } finally {
      try (Stream<Path> files = Files.walk(stateDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.out.println("| operation | p50 ms | p99 ms | max ms |");
    System.out.println("| --- | --- | --- | --- |");
    row("create (run starts)", create);
    row("update (run ends)", update);
    row("recent(job, 5)", recent);
    row("running()", running);
  }

  private static void row(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "| %s | %.2f | %.2f | %.2f |%n",
        name,
        sorted[(int) Math.ceil(0.50 * sorted.length) - 1] / 1e6,
        sorted[(int) Math.ceil(0.99 * sorted.length) - 1] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }
}
