package io.paasta.planning.jobs;

import io.paasta.model.Healthcheck;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.RunSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Jobs, runs and tasks for the job planner's tests. */
final class JobFixture {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration HOUR = Duration.ofHours(1);
  static final Duration MINUTE = Duration.ofMinutes(1);
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  static final JobTemplate TEMPLATE =
      new JobTemplate(
          SHA,
          "hash1",
          new RunSpec(
              "registry/services-svc:paasta-" + SHA,
              Optional.of("echo %(shortdate)s"),
              List.of(),
              Map.of(),
              0.25,
              1024,
              1024,
              100_000,
              250_000,
              1088,
              List.of(),
              Map.of(),
              List.of(),
              Map.of(),
              new Healthcheck(HealthcheckMode.NONE, "/status", Optional.empty(), 0, 0, 0, 0),
              0,
              Map.of()));

  private JobFixture() {}

  static InstanceRef ref(String name) {
    String[] parts = name.split("\\.");
    return new InstanceRef(parts[0], "local", parts[1], InstanceKind.CHRONOS);
  }

  /** Every hour from T0, epsilon {@code epsilon}, 3 attempts. */
  static DesiredJob hourly(String name, Duration epsilon) {
    return scheduled(name, new PeriodTimes(T0, HOUR), epsilon);
  }

  static DesiredJob scheduled(String name, PeriodTimes times, Duration epsilon) {
    return new DesiredJob(
        ref(name),
        Optional.of(times),
        List.of(),
        epsilon,
        3,
        Optional.empty(),
        "echo %(shortdate)s",
        ZoneOffset.UTC,
        Optional.of(TEMPLATE),
        Optional.empty());
  }

  static DesiredJob child(String name, String... parents) {
    return new DesiredJob(
        ref(name),
        Optional.empty(),
        Arrays.stream(parents).map(JobFixture::ref).toList(),
        MINUTE,
        3,
        Optional.empty(),
        "echo child",
        ZoneOffset.UTC,
        Optional.of(TEMPLATE),
        Optional.empty());
  }

  static DesiredJob disabled(DesiredJob job, String why) {
    return new DesiredJob(
        job.ref(),
        job.times(),
        job.parents(),
        job.epsilon(),
        job.maxAttempts(),
        Optional.of(why),
        job.command(),
        job.zone(),
        job.template(),
        job.problem());
  }

  static DesiredJob notDeployed(DesiredJob job) {
    return new DesiredJob(
        job.ref(),
        job.times(),
        job.parents(),
        job.epsilon(),
        job.maxAttempts(),
        job.disabled(),
        job.command(),
        job.zone(),
        Optional.empty(),
        Optional.of("No deployment found"));
  }

  /** A run in progress: attempt {@code attempts}, its task {@code task-<id>-<attempt>} or none. */
  static JobRun running(
      String job, long id, Instant executionDate, RunTrigger trigger, int attempts, boolean task) {
    return new JobRun(
        id,
        ref(job),
        executionDate,
        trigger,
        RunState.RUNNING,
        Optional.of(executionDate),
        Optional.empty(),
        OptionalInt.empty(),
        attempts,
        3,
        SHA,
        "hash1",
        task ? Optional.of(taskId(id, attempts)) : Optional.empty(),
        "");
  }

  static JobRun succeeded(String job, long id, Instant executionDate, Instant end) {
    return JobRuns.finished(
        running(job, id, executionDate, RunTrigger.SCHEDULE, 1, true),
        RunState.SUCCEEDED,
        end,
        OptionalInt.of(0),
        "");
  }

  static String taskId(long runId, int attempt) {
    return "task-" + runId + "-" + attempt;
  }

  static JobTask runningTask(JobRun run) {
    return task(run, run.attempts(), Optional.empty(), OptionalInt.empty(), Optional.empty());
  }

  static JobTask exitedTask(JobRun run, int attempt, int exitCode, Instant at) {
    return task(run, attempt, Optional.of(at), OptionalInt.of(exitCode), Optional.empty());
  }

  static JobTask lostTask(JobRun run, String why, Instant at) {
    return task(run, run.attempts(), Optional.of(at), OptionalInt.empty(), Optional.of(why));
  }

  /** The task of the run's attempt: running until it has an end. */
  private static JobTask task(
      JobRun run, int attempt, Optional<Instant> end, OptionalInt exitCode, Optional<String> lost) {
    return new JobTask(
        taskId(run.runId(), attempt),
        run.job(),
        run.runId(),
        attempt,
        run.executionDate(),
        SHA,
        "hash1",
        end.isEmpty(),
        run.start(),
        end,
        exitCode,
        lost);
  }
}
