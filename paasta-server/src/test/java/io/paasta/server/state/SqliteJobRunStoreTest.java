package io.paasta.server.state;

import static io.paasta.server.state.JobRuns.finished;
import static io.paasta.server.state.JobRuns.job;
import static io.paasta.server.state.JobRuns.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobRunStore;
import io.paasta.planning.jobs.RunState;
import io.paasta.planning.jobs.RunTrigger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link JobRunStore} contract on SQLite. */
class SqliteJobRunStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final InstanceRef NIGHTLY = job("batch-reports", "nightly");
  private static final InstanceRef SUMMARIZE = job("batch-reports", "summarize");

  @TempDir Path dir;
  private StateDatabase db;
  private JobRunStore store;

  @BeforeEach
  void open() {
    db = StateDatabase.open(dir);
    store = new SqliteJobRunStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void createGivesIdsAndRecentIsNewestFirstByExecutionDateThenId() {
    JobRun first = store.create(running(NIGHTLY, T0, RunTrigger.SCHEDULE));
    JobRun later = store.create(running(NIGHTLY, T0.plusSeconds(86400), RunTrigger.SCHEDULE));
    JobRun rerunOfFirst = store.create(running(NIGHTLY, T0, RunTrigger.RERUN));
    store.create(running(SUMMARIZE, T0, RunTrigger.PARENTS));

    assertThat(first.runId()).isPositive();
    assertThat(List.of(first.runId(), later.runId(), rerunOfFirst.runId())).doesNotHaveDuplicates();
    assertThat(store.recent(NIGHTLY, 10)).containsExactly(later, rerunOfFirst, first);
    assertThat(store.recent(NIGHTLY, 2)).containsExactly(later, rerunOfFirst);
    assertThat(store.recent(NIGHTLY, 0)).isEmpty();
    assertThat(store.recent(job("batch-reports", "other"), 5)).isEmpty();
  }

  @Test
  void everyFieldReadsBackExactlyNanosecondsAndEmptiesIncluded() {
    Instant precise = Instant.parse("2026-03-29T01:30:00.123456789Z");
    JobRun run =
        new JobRun(
            0,
            NIGHTLY,
            precise,
            RunTrigger.RUN_NOW,
            RunState.SKIPPED,
            Optional.empty(),
            Optional.of(precise.plusNanos(1)),
            OptionalInt.empty(),
            0,
            1,
            "",
            "h",
            Optional.empty(),
            "skipped: its scheduled time 2026-03-29T01:30Z passed beyond epsilon PT1M");
    JobRun created = store.create(run);
    assertThat(created).isEqualTo(run.withRunId(created.runId()));
    assertThat(store.recent(NIGHTLY, 1)).containsExactly(created);
  }

  @Test
  void updateReplacesTheRunAndRunningListsOnlyRunningOnesOfEveryJob() {
    JobRun nightly = store.create(running(NIGHTLY, T0, RunTrigger.SCHEDULE));
    JobRun summarize = store.create(running(SUMMARIZE, T0, RunTrigger.PARENTS));
    assertThat(store.running()).containsExactly(nightly, summarize);

    JobRun failed = finished(nightly, 3, T0.plusSeconds(30));
    store.update(failed);
    assertThat(store.recent(NIGHTLY, 5)).containsExactly(failed);
    assertThat(store.running()).containsExactly(summarize);
  }

  @Test
  void updatingARunTheStoreDoesNotHaveIsAnErrorNamingIt() {
    JobRun unknown = running(NIGHTLY, T0, RunTrigger.SCHEDULE).withRunId(4242);
    assertThatThrownBy(() -> store.update(unknown))
        .isInstanceOf(StateStoreException.class)
        .hasMessageContaining("run 4242 of " + NIGHTLY)
        .hasMessageContaining(db.file().toString());
  }

  @Test
  void aScheduledRunIsNeverCreatedTwiceForOneExecutionDate() {
    JobRun first = store.create(running(NIGHTLY, T0, RunTrigger.SCHEDULE));
    store.update(finished(first, 0, T0.plusSeconds(5)));

    JobRun again = store.create(running(NIGHTLY, T0, RunTrigger.SCHEDULE));

    assertThat(again).isEqualTo(finished(first, 0, T0.plusSeconds(5)));
    assertThat(store.recent(NIGHTLY, 10)).hasSize(1);
    // a rerun of the same date is another run; so is the same date of another job
    store.create(running(NIGHTLY, T0, RunTrigger.RERUN));
    store.create(running(SUMMARIZE, T0, RunTrigger.SCHEDULE));
    assertThat(store.recent(NIGHTLY, 10)).hasSize(2);
  }

  @Test
  void keepsTheNewestRunsOfEachJobButNeverDropsARunningOne() {
    try (StateDatabase other = StateDatabase.open(dir.resolve("other"))) {
      JobRunStore small = new SqliteJobRunStore(other, 3);
      JobRun stillRunning = small.create(running(NIGHTLY, T0, RunTrigger.SCHEDULE));
      for (int day = 1; day <= 5; day++) {
        JobRun run =
            small.create(running(NIGHTLY, T0.plusSeconds(86400L * day), RunTrigger.SCHEDULE));
        small.update(finished(run, 0, run.executionDate().plusSeconds(1)));
      }
      small.create(running(SUMMARIZE, T0, RunTrigger.PARENTS));

      List<JobRun> kept = small.recent(NIGHTLY, 50);
      assertThat(kept)
          .extracting(JobRun::executionDate)
          .containsExactly(
              T0.plusSeconds(86400L * 5),
              T0.plusSeconds(86400L * 4),
              T0.plusSeconds(86400L * 3),
              T0);
      assertThat(kept.get(3)).isEqualTo(stillRunning);
      assertThat(small.recent(SUMMARIZE, 50)).hasSize(1);
    }
  }

  @Test
  void keepsFiftyRunsPerJobByDefault() {
    for (int i = 0; i < 55; i++) {
      JobRun run = store.create(running(NIGHTLY, T0.plusSeconds(60L * i), RunTrigger.SCHEDULE));
      store.update(finished(run, 0, run.executionDate().plusSeconds(1)));
    }
    assertThat(store.recent(NIGHTLY, 100)).hasSize(JobRunStore.DEFAULT_KEPT_RUNS);
    assertThat(store.recent(NIGHTLY, 100).get(49).executionDate())
        .isEqualTo(T0.plusSeconds(60L * 5));
  }

  @Test
  void jobsListsTheJobsWithRunsAndForgetDropsOneJobsRuns() {
    store.create(running(NIGHTLY, T0, RunTrigger.SCHEDULE));
    store.create(running(SUMMARIZE, T0, RunTrigger.PARENTS));
    assertThat(store.jobs()).containsExactlyInAnyOrder(NIGHTLY, SUMMARIZE);

    store.forget(NIGHTLY);

    assertThat(store.jobs()).containsExactly(SUMMARIZE);
    assertThat(store.recent(NIGHTLY, 5)).isEmpty();
    assertThat(store.running()).extracting(JobRun::job).containsExactly(SUMMARIZE);
  }

  @Test
  void runsSurviveReopening() {
    JobRun run = store.create(running(NIGHTLY, T0, RunTrigger.SCHEDULE));
    db.close();
    db = StateDatabase.open(dir);
    store = new SqliteJobRunStore(db);
    assertThat(store.recent(NIGHTLY, 5)).containsExactly(run);
    assertThat(store.create(running(NIGHTLY, T0.plusSeconds(60), RunTrigger.SCHEDULE)).runId())
        .isGreaterThan(run.runId());
  }

  @Test
  void keptRunsBelowOneIsRefused() {
    assertThatThrownBy(() -> new SqliteJobRunStore(db, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
