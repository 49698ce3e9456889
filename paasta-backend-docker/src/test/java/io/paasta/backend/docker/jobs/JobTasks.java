package io.paasta.backend.docker.jobs;

import io.paasta.backend.docker.testing.Eventually;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.jobs.JobTask;
import java.time.Duration;
import java.util.List;

/** Waiting for job attempts in integration tests. */
final class JobTasks {
  static final Duration WAIT = Duration.ofSeconds(30);

  private JobTasks() {}

  /** The attempt of {@code id} once the runner observes it exited. */
  static JobTask awaitExited(JobRunner runner, String id) {
    return Eventually.await(
            WAIT,
            () -> runner.observeJobTasks().stream().filter(t -> t.taskId().equals(id)).toList(),
            tasks -> tasks.size() == 1 && !tasks.get(0).running())
        .get(0);
  }

  /** The exit of {@code id} once an exit listener collecting into {@code exits} was told it. */
  static JobTask awaitTold(List<JobTask> exits, String id) {
    return Eventually.await(
            WAIT,
            () -> exits.stream().filter(t -> t.taskId().equals(id)).toList(),
            told -> !told.isEmpty())
        .get(0);
  }
}
