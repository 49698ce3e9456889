package io.paasta.planning.backend;

import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.plan.Action;
import java.util.List;

/**
 * An engine that runs tasks (the local Docker engine; Kubernetes later). The reconcile loop reads
 * observed state from it and executes plans through it. Everything a backend needs to check, drain
 * or restart a task after a daemon restart lives on the task itself (its labels), so a backend
 * needs no memory of earlier passes beyond caches.
 *
 * <p>A backend is started with the daemon's {@link BackendPorts} and closed when the daemon stops
 * (it owns its engine clients and checker threads).
 */
public interface Backend extends AutoCloseable {
  /**
   * Every task the platform manages, grouped by instance (service, instance, cluster and kind from
   * its labels), with the health and drain state the backend's checkers last saw.
   */
  List<ObservedInstance> observeAll();

  /** One instance's tasks (none when it has none); by default picked from {@link #observeAll}. */
  default ObservedInstance observe(io.paasta.model.InstanceRef ref) {
    return observeAll().stream()
        .filter(o -> o.ref().equals(ref))
        .findFirst()
        .orElse(new ObservedInstance(ref, List.of()));
  }

  /**
   * Asks to be told of instances whose tasks changed on their own (a task turned healthy or
   * failed), so that their next pass comes at once. Backends that cannot tell ignore this.
   */
  default void onTaskChange(java.util.function.Consumer<io.paasta.model.InstanceRef> listener) {}

  /**
   * Asks to be told when the engine answers again after it was away (stopped, restarted, or its
   * event stream broke), with a line for the log: every instance should get a pass at once. Tasks
   * the engine stopped meanwhile are not crashes; the backend keeps them out of what it observes.
   * Backends that cannot tell ignore this.
   */
  default void onEngineBack(java.util.function.Consumer<String> listener) {}

  /**
   * Waits, at most {@code max}, until the health of every running task is known (a backend just
   * started has not checked them yet): so that a backend started for one look ({@code paasta plan})
   * observes what the running daemon's does. Backends that check nothing return at once.
   */
  default void awaitHealthKnown(java.time.Duration max) {}

  /**
   * The plan of one pass for one instance, from its desired and observed state. By default the task
   * planner's ({@link io.paasta.planning.InstancePlanner}); a declarative engine plans by object
   * diff instead ({@link Action.ChangeObject}). Pure for the caller: it executes nothing.
   *
   * @param inSoaConfigs whether soa-configs has the instance (one it has without a desired app is
   *     not deployed)
   * @param config the instance in soa-configs, when it has it
   */
  default io.paasta.planning.plan.Plan plan(
      io.paasta.model.InstanceRef ref,
      boolean inSoaConfigs,
      java.util.Optional<io.paasta.planning.app.DesiredInstance> desired,
      java.util.Optional<io.paasta.model.LongRunningConfig> config,
      ObservedInstance observed,
      java.time.Instant now) {
    return io.paasta.planning.InstancePlanner.plan(inSoaConfigs, desired, observed, now);
  }

  /**
   * The instance's state, versions and replicas as the engine tells them (Kubernetes: ReplicaSets
   * and pods), for status; empty for backends whose tasks say it all.
   *
   * @param desired the instance's desired state, when deployed
   */
  default java.util.Optional<io.paasta.planning.observed.InstanceDetail> detail(
      io.paasta.model.InstanceRef ref,
      java.util.Optional<io.paasta.planning.app.DesiredInstance> desired,
      java.time.Instant now) {
    return java.util.Optional.empty();
  }

  /** Carries out one action; a failure is reported as a {@link BackendException}. */
  void execute(io.paasta.model.InstanceRef ref, Action action);

  /**
   * Checks, before a pass acts, that tasks of {@code run} could start, as far as that can be told
   * without starting one (the Docker backend decrypts the env's secrets): a pass that would start
   * the desired app or take down an older one does nothing when its tasks could not start, so the
   * running tasks stay. Backends that cannot tell return at once.
   *
   * @throws BackendException saying why (naming files, never a secret's plain text)
   */
  default void checkStartable(
      io.paasta.model.InstanceRef ref, io.paasta.planning.app.RunSpec run) {}

  /**
   * Carries out one action, stopping early (without error) once {@code superseded} says that a
   * newer desired state makes the rest of it moot: the tasks not started yet of a large start are
   * not started. Backends that cannot stop early carry out the whole action.
   */
  default void execute(
      io.paasta.model.InstanceRef ref,
      Action action,
      java.util.function.BooleanSupplier superseded) {
    execute(ref, action);
  }

  /**
   * The last {@code lines} lines a task wrote (stdout and stderr interleaved, oldest first), for
   * {@code paasta status -vv}; none when the backend cannot tell or the task is gone.
   */
  default List<String> taskOutput(String taskId, int lines) {
    return List.of();
  }

  /**
   * When the kernel's OOM killer killed tasks of the instance recently (for the {@code oom-killer}
   * check), oldest first; none when the backend cannot tell.
   */
  default List<java.time.Instant> oomKills(io.paasta.model.InstanceRef ref) {
    return List.of();
  }

  /**
   * The task's CPU use for the autoscaler's {@code cpu} provider; empty when the backend cannot
   * tell or the task is gone.
   */
  default java.util.Optional<CpuSample> cpuSample(String taskId) {
    return java.util.Optional.empty();
  }

  /**
   * The backend's runner of scheduled jobs' attempts; empty when it runs none (the scheduler then
   * tells each job that it cannot run here).
   */
  default java.util.Optional<JobRunner> jobRunner() {
    return java.util.Optional.empty();
  }

  /**
   * The backend's runner of {@code paasta remote-run}'s one-off tasks; empty when it runs none (the
   * API then answers that remote-run is not supported on this backend).
   */
  default java.util.Optional<AdhocRunner> adhocRunner() {
    return java.util.Optional.empty();
  }

  /**
   * The backend's name as {@code paasta server --backend} gives it ({@code local}, {@code
   * kubernetes}); metastatus shows it. By default the class's simple name (test doubles).
   */
  default String name() {
    return getClass().getSimpleName();
  }

  /** Releases the backend's clients and threads; its tasks keep running. */
  @Override
  default void close() {}
}
