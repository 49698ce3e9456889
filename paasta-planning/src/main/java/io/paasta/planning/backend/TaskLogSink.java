package io.paasta.planning.backend;

import io.paasta.model.InstanceRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a backend hands what its tasks print ({@code stdout}/{@code stderr}, services' tasks and
 * job attempts alike) and what happens to them ({@code task_lifecycle}), for {@code paasta logs}. A
 * port every backend that collects output takes at construction (see {@link BackendPorts}). It
 * remembers how far each task's output was stored, so that a backend started again resumes without
 * gaps or repeats.
 */
public interface TaskLogSink {
  /** Stores nothing. */
  TaskLogSink NONE =
      new TaskLogSink() {
        @Override
        public Optional<Instant> storedUpTo(String taskId) {
          return Optional.empty();
        }

        @Override
        public void output(
            InstanceRef ref, String taskId, String stream, Instant at, String text) {}

        @Override
        public void lifecycle(InstanceRef ref, String taskId, Instant at, String message) {}
      };

  /** The engine time of the last output line of {@code taskId} stored; empty when none is. */
  Optional<Instant> storedUpTo(String taskId);

  /**
   * One line a task printed (without its newline), as the engine timestamped it.
   *
   * @param stream {@code stdout} or {@code stderr}
   */
  void output(InstanceRef ref, String taskId, String stream, Instant at, String text);

  /** One line a task printed, for {@link #outputs}. */
  record Output(InstanceRef ref, String taskId, String stream, Instant at, String text) {}

  /**
   * Lines tasks printed, in the order they came (each task's in its order): what a collector hands
   * when several lines are waiting, so that a sink can store them together (one write per file).
   * The default hands them one by one to {@link #output(InstanceRef, String, String, Instant,
   * String)}.
   */
  default void outputs(List<Output> lines) {
    for (Output line : lines) {
      output(line.ref(), line.taskId(), line.stream(), line.at(), line.text());
    }
  }

  /** Something that happened to a task: started, exited with a code, killed, (un)healthy. */
  void lifecycle(InstanceRef ref, String taskId, Instant at, String message);
}
