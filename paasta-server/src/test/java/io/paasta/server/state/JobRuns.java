package io.paasta.server.state;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.RunState;
import io.paasta.planning.jobs.RunTrigger;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** Runs for the store's tests. */
final class JobRuns {
  private JobRuns() {}

  static InstanceRef job(String service, String instance) {
    return new InstanceRef(service, "norcal", instance, InstanceKind.CHRONOS);
  }

  /** A run just started at its execution date. */
  static JobRun running(InstanceRef job, Instant executionDate, RunTrigger trigger) {
    return new JobRun(
        0,
        job,
        executionDate,
        trigger,
        RunState.RUNNING,
        Optional.of(executionDate.plusMillis(120)),
        Optional.empty(),
        OptionalInt.empty(),
        1,
        3,
        "abc123",
        "config1",
        Optional.of("paasta-job-norcal-" + job.service() + "-" + job.instance()),
        "");
  }

  /** The run finished: {@code exitCode} 0 succeeded, else failed. */
  static JobRun finished(JobRun run, int exitCode, Instant end) {
    return new JobRun(
        run.runId(),
        run.job(),
        run.executionDate(),
        run.trigger(),
        exitCode == 0 ? RunState.SUCCEEDED : RunState.FAILED,
        run.start(),
        Optional.of(end),
        OptionalInt.of(exitCode),
        run.attempts(),
        run.maxAttempts(),
        run.gitSha(),
        run.configHash(),
        run.taskId(),
        exitCode == 0 ? "" : "exited " + exitCode);
  }
}
