package io.paasta.server.jobs;

import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.jobs.JobLaunch;
import io.paasta.planning.jobs.JobTask;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A job runner in memory for the scheduler's unit tests: each start is a task that runs until the
 * test makes it {@link #exit}; a start with the same run and attempt finds the existing task, as
 * the Docker runner's deterministic container names do.
 */
final class FakeJobRunner implements JobRunner {
  private final Clock clock;
  private final Map<String, JobTask> tasks = new LinkedHashMap<>();
  final List<JobLaunch> launches = new ArrayList<>();
  final List<String> killed = new ArrayList<>();
  final List<String> removed = new ArrayList<>();
  private final Map<String, String> missingImages = new LinkedHashMap<>();
  private Consumer<JobTask> listener = t -> {};

  FakeJobRunner(Clock clock) {
    this.clock = clock;
  }

  /** Starts of {@code image} fail with {@code message}. */
  synchronized void missingImage(String image, String message) {
    missingImages.put(image, message);
  }

  @Override
  public synchronized String start(JobLaunch launch) {
    if (missingImages.containsKey(launch.spec().image())) {
      throw new BackendException(missingImages.get(launch.spec().image()));
    }
    String id = "task-" + launch.runId() + "-" + launch.attempt();
    if (!tasks.containsKey(id)) {
      launches.add(launch);
      tasks.put(
          id,
          new JobTask(
              id,
              launch.job(),
              launch.runId(),
              launch.attempt(),
              launch.executionDate(),
              launch.spec().labels().getOrDefault("paasta_git_sha", ""),
              launch.spec().labels().getOrDefault("paasta_config_hash", ""),
              true,
              Optional.of(clock.instant()),
              Optional.empty(),
              OptionalInt.empty(),
              Optional.empty()));
    }
    return id;
  }

  /** The task exits with {@code code}; the listener is told. */
  void exit(String taskId, int code) {
    JobTask exited;
    synchronized (this) {
      JobTask task = tasks.get(taskId);
      exited =
          new JobTask(
              task.taskId(),
              task.job(),
              task.runId(),
              task.attempt(),
              task.executionDate(),
              task.gitSha(),
              task.configHash(),
              false,
              task.startedAt(),
              Optional.of(clock.instant()),
              OptionalInt.of(code),
              Optional.empty());
      tasks.put(taskId, exited);
    }
    listener.accept(exited);
  }

  /** The task is gone, as if removed outside the daemon. */
  synchronized void vanish(String taskId) {
    tasks.remove(taskId);
  }

  synchronized List<JobTask> running() {
    return tasks.values().stream().filter(JobTask::running).toList();
  }

  @Override
  public synchronized List<JobTask> observeJobTasks() {
    return List.copyOf(tasks.values());
  }

  @Override
  public void kill(String taskId) {
    synchronized (this) {
      killed.add(taskId);
    }
    exit(taskId, 137);
  }

  @Override
  public synchronized void remove(String taskId) {
    removed.add(taskId);
    tasks.remove(taskId);
  }

  @Override
  public synchronized List<String> output(String taskId, int lines) {
    return tasks.containsKey(taskId) ? List.of("output of " + taskId) : List.of();
  }

  @Override
  public synchronized void onExit(Consumer<JobTask> listener) {
    this.listener = listener;
  }
}
