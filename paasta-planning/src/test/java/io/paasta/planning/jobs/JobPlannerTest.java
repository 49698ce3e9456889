package io.paasta.planning.jobs;

import static io.paasta.planning.jobs.JobFixture.HOUR;
import static io.paasta.planning.jobs.JobFixture.MINUTE;
import static io.paasta.planning.jobs.JobFixture.T0;
import static io.paasta.planning.jobs.JobFixture.child;
import static io.paasta.planning.jobs.JobFixture.exitedTask;
import static io.paasta.planning.jobs.JobFixture.hourly;
import static io.paasta.planning.jobs.JobFixture.ref;
import static io.paasta.planning.jobs.JobFixture.running;
import static io.paasta.planning.jobs.JobFixture.runningTask;
import static io.paasta.planning.jobs.JobFixture.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobAction.ForgetJob;
import io.paasta.planning.jobs.JobAction.KillTask;
import io.paasta.planning.jobs.JobAction.RecordRun;
import io.paasta.planning.jobs.JobAction.RemoveTask;
import io.paasta.planning.jobs.JobAction.StartAttempt;
import io.paasta.planning.jobs.JobAction.StartRun;
import io.paasta.planning.jobs.JobAction.UpdateRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobPlannerTest {
  private final Map<InstanceRef, DesiredJob> desired = new LinkedHashMap<>();
  private final Map<InstanceRef, JobHistory> histories = new HashMap<>();
  private final List<JobTask> tasks = new ArrayList<>();

  private void job(DesiredJob job) {
    desired.put(job.ref(), job);
  }

  private void history(String job, JobRun... runs) {
    histories.put(ref(job), JobHistory.of(List.of(runs)));
  }

  private JobPass plan(Instant now) {
    return JobPlanner.plan(desired, histories, tasks, Set.of(), now);
  }

  private static <T extends JobAction> List<T> only(JobPass pass, Class<T> kind) {
    return pass.actions().stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /**
   * The schedule table: an hourly job whose last handled time is 00:00, at {@code now}, with {@code
   * epsilon}, with or without a run in progress: the time it starts, the time it records as skipped
   * (and the message's words), and when the next pass is due.
   */
  static Stream<Arguments> scheduleTable() {
    return Stream.of(
        Arguments.of("on time", "01:00:00", "PT1M", false, "01:00", null, null, "02:00"),
        Arguments.of(
            "late, within epsilon", "01:00:59", "PT1M", false, "01:00", null, null, "02:00"),
        Arguments.of(
            "past epsilon",
            "01:01:01",
            "PT1M",
            false,
            null,
            "01:00",
            "(was the daemon down?)",
            "02:00"),
        Arguments.of("not yet", "00:59:59", "PT1M", false, null, null, null, "01:00"),
        Arguments.of(
            "down 3.5 hours",
            "03:30:00",
            "PT1M",
            false,
            null,
            "03:00",
            "3 scheduled times missed",
            "04:00"),
        Arguments.of(
            "down, newest within epsilon",
            "03:10:00",
            "PT30M",
            false,
            "03:00",
            "02:00",
            "runs instead",
            "04:00"),
        Arguments.of(
            "busy, within epsilon: waits",
            "01:00:30",
            "PT1M",
            true,
            null,
            null,
            null,
            "01:01:00.001"),
        Arguments.of(
            "busy past epsilon",
            "01:01:01",
            "PT1M",
            true,
            null,
            "01:00",
            "was still running",
            "02:00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scheduleTable")
  void scheduleTable(
      String name,
      String now,
      String epsilon,
      boolean busy,
      String starts,
      String skips,
      String skipWords,
      String wake) {
    job(hourly("svc.job", Duration.parse(epsilon)));
    JobRun handled = succeeded("svc.job", 1, T0, T0.plusSeconds(5));
    if (busy) {
      JobRun long_ = running("svc.job", 2, T0.minus(HOUR), RunTrigger.RERUN, 1, true);
      history("svc.job", handled, long_);
      tasks.add(runningTask(long_));
    } else {
      history("svc.job", handled);
    }
    JobPass pass = plan(at(now));

    assertThat(only(pass, StartRun.class))
        .extracting(s -> s.run().executionDate())
        .containsExactlyElementsOf(starts == null ? List.of() : List.of(at(starts)));
    List<RecordRun> skipped = only(pass, RecordRun.class);
    assertThat(skipped)
        .extracting(r -> r.run().executionDate())
        .containsExactlyElementsOf(skips == null ? List.of() : List.of(at(skips)));
    if (skipWords != null) {
      assertThat(skipped.get(0).run().state()).isEqualTo(RunState.SKIPPED);
      assertThat(skipped.get(0).run().message()).startsWith("skipped: ").contains(skipWords);
    }
    assertThat(pass.wakeAt()).contains(at(wake));
  }

  @Test
  void aStartedRunIsRunningAtAttemptOneWithTheTemplatesShaAndHash() {
    job(hourly("svc.job", MINUTE));
    history("svc.job", succeeded("svc.job", 1, T0, T0.plusSeconds(5)));
    JobRun run = only(plan(at("01:00:00")), StartRun.class).get(0).run();
    assertThat(run.runId()).isZero();
    assertThat(run.state()).isEqualTo(RunState.RUNNING);
    assertThat(run.trigger()).isEqualTo(RunTrigger.SCHEDULE);
    assertThat(run.attempts()).isEqualTo(1);
    assertThat(run.maxAttempts()).isEqualTo(3);
    assertThat(run.gitSha()).isEqualTo(JobFixture.SHA);
    assertThat(run.configHash()).isEqualTo("hash1");
    assertThat(run.start()).contains(at("01:00:00"));
  }

  @Test
  void aNewJobRunsATimeWithinEpsilonBeforeItWasSeenButNoOlderOne() {
    job(hourly("svc.job", MINUTE));
    JobPass pass = plan(at("01:00:30"));
    assertThat(only(pass, StartRun.class))
        .extracting(s -> s.run().executionDate())
        .containsExactly(at("01:00"));
    assertThat(only(pass, RecordRun.class)).isEmpty();
    assertThat(pass.countFrom()).containsEntry(ref("svc.job"), at("01:00:30"));

    histories.clear();
    JobPass later = plan(at("01:02:00"));
    assertThat(later.actions()).isEmpty(); // no catch-up of a history the daemon never had
    assertThat(later.wakeAt()).contains(at("02:00"));
  }

  @Test
  void aJobSeenBeforeRunsItsNextTime() {
    job(hourly("svc.job", MINUTE));
    histories.put(ref("svc.job"), JobHistory.firstSeen(at("00:30")));
    assertThat(only(plan(at("01:00:10")), StartRun.class)).hasSize(1);
  }

  @Test
  void aNonZeroExitIsRetriedAtOnceThenTheRunFails() {
    job(hourly("svc.job", MINUTE));
    JobRun run = running("svc.job", 7, at("01:00"), RunTrigger.SCHEDULE, 1, true);
    history("svc.job", run);
    tasks.add(exitedTask(run, 1, 3, at("01:00:05")));
    StartAttempt retry = only(plan(at("01:00:06")), StartAttempt.class).get(0);
    assertThat(retry.run().attempts()).isEqualTo(2);
    assertThat(retry.run().taskId()).isEmpty();
    assertThat(retry.run().exitCode()).hasValue(3);
    assertThat(retry.run().message()).isEqualTo("attempt 1 of 3 exited with code 3; retrying");

    JobRun third =
        JobRuns.withTask(JobRuns.attempt(run, 3, retry.run().exitCode(), ""), "task-7-3");
    history("svc.job", third);
    tasks.clear();
    tasks.add(exitedTask(third, 3, 4, at("01:00:09")));
    UpdateRun failed = only(plan(at("01:00:10")), UpdateRun.class).get(0);
    assertThat(failed.run().state()).isEqualTo(RunState.FAILED);
    assertThat(failed.run().exitCode()).hasValue(4);
    assertThat(failed.run().end()).contains(at("01:00:09"));
    assertThat(failed.run().message()).isEqualTo("attempt 3 of 3 exited with code 4");
  }

  @Test
  void aSuccessStartsTheChildInTheSamePassWithTheParentsExecutionDate() {
    job(hourly("svc.parent", MINUTE));
    job(child("other.child", "svc.parent"));
    JobRun run = running("svc.parent", 7, at("01:00"), RunTrigger.SCHEDULE, 1, true);
    history("svc.parent", run);
    histories.put(ref("other.child"), JobHistory.firstSeen(T0));
    tasks.add(exitedTask(run, 1, 0, at("01:00:05")));
    JobPass pass = plan(at("01:00:06"));
    assertThat(only(pass, UpdateRun.class).get(0).run().state()).isEqualTo(RunState.SUCCEEDED);
    StartRun start = only(pass, StartRun.class).get(0);
    assertThat(start.job()).isEqualTo(ref("other.child"));
    assertThat(start.run().trigger()).isEqualTo(RunTrigger.PARENTS);
    assertThat(start.run().executionDate()).isEqualTo(at("01:00"));
    assertThat(start.reason()).contains("svc.parent (run 7)");
  }

  @Test
  void aChildRunsOncePerSuccessOfAllItsParents() {
    job(hourly("a.p", MINUTE));
    job(hourly("b.p", MINUTE));
    job(child("c.child", "a.p", "b.p"));
    histories.put(ref("c.child"), JobHistory.firstSeen(at("00:30")));
    history("a.p", succeeded("a.p", 1, at("01:00"), at("01:00:05")));
    history("b.p", succeeded("b.p", 2, T0, T0.plusSeconds(5))); // before the child was seen
    assertThat(onlyJob(plan(at("01:00:30")), "c.child")).isEmpty();

    history("b.p", succeeded("b.p", 3, at("01:00"), at("01:00:20")));
    List<StartRun> starts = onlyJob(plan(at("01:00:30")), "c.child");
    assertThat(starts).hasSize(1);

    JobRun childRun = starts.get(0).run().withRunId(4);
    histories.put(ref("c.child"), histories.get(ref("c.child")).record(childRun));
    histories.put(
        ref("c.child"),
        histories
            .get(ref("c.child"))
            .record(
                JobRuns.finished(
                    childRun,
                    RunState.SUCCEEDED,
                    at("01:00:40"),
                    java.util.OptionalInt.of(0),
                    "")));
    assertThat(onlyJob(plan(at("01:00:50")), "c.child")).isEmpty(); // those successes are used up
  }

  private List<StartRun> onlyJob(JobPass pass, String job) {
    return only(pass, StartRun.class).stream().filter(s -> s.job().equals(ref(job))).toList();
  }

  @Test
  void aStoppedJobsRunIsKilledThenRecordedKilledAndItStartsNothing() {
    job(JobFixture.disabled(hourly("svc.job", MINUTE), "stopped (paasta stop)"));
    JobRun run = running("svc.job", 7, at("01:00"), RunTrigger.SCHEDULE, 1, true);
    history("svc.job", run);
    tasks.add(runningTask(run));
    JobPass pass = plan(at("02:00:00"));
    assertThat(only(pass, KillTask.class))
        .singleElement()
        .satisfies(k -> assertThat(k.reason()).contains("the job is stopped (paasta stop)"));
    assertThat(only(pass, StartRun.class)).isEmpty();
    assertThat(only(pass, RecordRun.class)).isEmpty();
    assertThat(pass.countFrom()).containsEntry(ref("svc.job"), at("02:00"));

    tasks.clear();
    tasks.add(exitedTask(run, 1, 137, at("02:00:01")));
    UpdateRun killed = only(plan(at("02:00:02")), UpdateRun.class).get(0);
    assertThat(killed.run().state()).isEqualTo(RunState.KILLED);
    assertThat(killed.run().message()).contains("stopped (paasta stop)").contains("137");
  }

  @Test
  void aForcedRerunOfADisabledJobIsNotKilled() {
    job(JobFixture.disabled(hourly("svc.job", MINUTE), "disabled (disabled: true)"));
    JobRun run = running("svc.job", 7, at("01:00"), RunTrigger.RERUN, 1, true);
    history("svc.job", run);
    tasks.add(runningTask(run));
    assertThat(plan(at("01:00:10")).actions()).isEmpty();
  }

  @Test
  void aRemovedJobsTaskIsKilledThenTheRunEndsAndTheJobIsForgotten() {
    JobRun run = running("svc.gone", 7, at("01:00"), RunTrigger.SCHEDULE, 1, true);
    history("svc.gone", run);
    tasks.add(runningTask(run));
    JobPass pass = plan(at("01:00:10"));
    assertThat(only(pass, KillTask.class)).hasSize(1);
    assertThat(only(pass, ForgetJob.class)).isEmpty();

    tasks.clear();
    tasks.add(exitedTask(run, 1, 137, at("01:00:11")));
    JobPass after = plan(at("01:00:12"));
    assertThat(after.actions())
        .hasSize(3)
        .satisfies(a -> assertThat(a.get(0)).isInstanceOf(UpdateRun.class))
        .satisfies(a -> assertThat(a.get(1)).isInstanceOf(RemoveTask.class))
        .satisfies(a -> assertThat(a.get(2)).isInstanceOf(ForgetJob.class));
    assertThat(((UpdateRun) after.actions().get(0)).run().state()).isEqualTo(RunState.KILLED);
  }

  @Test
  void afterARestartARunningTaskIsAdoptedAndAnInterruptedStartIsStartedAgain() {
    job(hourly("svc.a", MINUTE));
    job(hourly("svc.b", MINUTE));
    JobRun a = running("svc.a", 7, at("01:00"), RunTrigger.SCHEDULE, 1, false);
    JobRun b = running("svc.b", 8, at("01:00"), RunTrigger.SCHEDULE, 1, false);
    history("svc.a", a);
    history("svc.b", b);
    tasks.add(runningTask(a));
    JobPass pass = plan(at("01:00:30"));
    assertThat(only(pass, UpdateRun.class))
        .singleElement()
        .satisfies(u -> assertThat(u.run().taskId()).contains("task-7-1"));
    assertThat(only(pass, StartAttempt.class))
        .singleElement()
        .satisfies(s -> assertThat(s.run().runId()).isEqualTo(8))
        .satisfies(s -> assertThat(s.run().attempts()).isEqualTo(1));
    assertThat(only(pass, StartRun.class)).isEmpty(); // 01:00 has its runs: never twice
  }

  @Test
  void aRerunWaitingForItsFirstAttemptStartsIt() {
    job(hourly("svc.job", MINUTE));
    history("svc.job", running("svc.job", 3, at("00:30"), RunTrigger.RERUN, 0, false));
    assertThat(only(plan(at("00:30:01")), StartAttempt.class))
        .singleElement()
        .satisfies(s -> assertThat(s.run().attempts()).isEqualTo(1));
  }

  @Test
  void aVanishedOrLostTaskFailsTheRun() {
    job(hourly("svc.a", MINUTE));
    job(hourly("svc.b", MINUTE));
    JobRun a = running("svc.a", 7, at("01:00"), RunTrigger.SCHEDULE, 1, true);
    JobRun b = running("svc.b", 8, at("01:00"), RunTrigger.SCHEDULE, 2, true);
    history("svc.a", a);
    history("svc.b", b);
    tasks.add(JobFixture.lostTask(b, "the engine restarted under it", at("01:00:20")));
    List<UpdateRun> updates = only(plan(at("01:00:30")), UpdateRun.class);
    assertThat(updates).extracting(u -> u.run().state()).containsOnly(RunState.FAILED);
    assertThat(updates)
        .extracting(u -> u.run().message())
        .containsExactlyInAnyOrder(
            "attempt 1's task task-7-1 vanished before it exited (removed outside the daemon?)",
            "attempt 2 of 3: the engine restarted under it");
  }

  @Test
  void problemsKeepAJobFromRunningAndLeaveTheOthersAlone() {
    job(JobFixture.notDeployed(hourly("svc.nodeploy", MINUTE)));
    job(child("svc.orphan", "svc.missing"));
    job(child("svc.x", "svc.y"));
    job(child("svc.y", "svc.x"));
    job(hourly("svc.fine", MINUTE));
    desired.keySet().forEach(r -> histories.put(r, JobHistory.firstSeen(T0)));
    JobPass pass = plan(at("01:00:00"));
    assertThat(pass.problems().keySet())
        .containsExactlyInAnyOrder(
            ref("svc.nodeploy"), ref("svc.orphan"), ref("svc.x"), ref("svc.y"));
    assertThat(pass.problems().get(ref("svc.orphan"))).contains("svc.missing are no job");
    assertThat(pass.problems().get(ref("svc.x"))).contains("cycle").contains("svc.x, svc.y");
    assertThat(only(pass, StartRun.class))
        .extracting(StartRun::job)
        .containsExactly(ref("svc.fine"));
  }

  @Test
  void exitedTasksOfOldRunsAreRemovedTheNewestRunsKeepTheirs() {
    job(hourly("svc.job", MINUTE));
    List<JobRun> runs = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      JobRun run = succeeded("svc.job", i, T0.plus(HOUR.multipliedBy(i - 1)), T0.plusSeconds(i));
      runs.add(run);
      tasks.add(exitedTask(run, 1, 0, T0.plusSeconds(i)));
    }
    histories.put(ref("svc.job"), JobHistory.of(runs));
    assertThat(only(plan(at("04:30")), RemoveTask.class))
        .extracting(RemoveTask::taskId)
        .containsExactlyInAnyOrder("task-1-1", "task-2-1");
  }

  @Test
  void jobsOfAServiceWhoseConfigNeverLoadedAreLeftAlone() {
    JobRun run = running("svc.job", 7, at("01:00"), RunTrigger.SCHEDULE, 1, true);
    history("svc.job", run);
    tasks.add(runningTask(run));
    assertThat(JobPlanner.plan(desired, histories, tasks, Set.of("svc"), at("01:00:10")).actions())
        .isEmpty();
  }

  @Test
  void nextRunIsTheWaitingDueTimeOrTheNextScheduledTime() {
    DesiredJob job = hourly("svc.job", MINUTE);
    JobHistory handled = JobHistory.of(List.of(succeeded("svc.job", 1, T0, T0.plusSeconds(5))));
    assertThat(JobPlanner.nextRun(job, handled, at("00:30"))).contains(at("01:00"));
    assertThat(JobPlanner.nextRun(job, handled, at("01:00:30"))).contains(at("01:00"));
    assertThat(JobPlanner.nextRun(JobFixture.disabled(job, "stopped"), handled, at("00:30")))
        .isEmpty();
    assertThat(JobPlanner.nextRun(child("svc.c", "svc.job"), handled, at("00:30"))).isEmpty();
  }

  @Test
  void theConnectedGraphIsInDependencyOrder() {
    job(hourly("a.root", MINUTE));
    job(child("b.mid", "a.root"));
    job(child("c.leaf", "b.mid", "d.other"));
    job(hourly("d.other", MINUTE));
    job(hourly("e.alone", MINUTE));
    List<InstanceRef> graph = JobGraph.of(desired).connected(ref("b.mid"));
    assertThat(graph)
        .containsExactlyInAnyOrder(ref("a.root"), ref("b.mid"), ref("c.leaf"), ref("d.other"));
    assertThat(graph.indexOf(ref("a.root"))).isLessThan(graph.indexOf(ref("b.mid")));
    assertThat(graph.indexOf(ref("b.mid"))).isLessThan(graph.indexOf(ref("c.leaf")));
    assertThat(graph.indexOf(ref("d.other"))).isLessThan(graph.indexOf(ref("c.leaf")));
  }

  static Instant at(String time) {
    String t = time.length() == 5 ? time + ":00" : time;
    return Instant.parse("2026-01-01T" + t + "Z");
  }
}
