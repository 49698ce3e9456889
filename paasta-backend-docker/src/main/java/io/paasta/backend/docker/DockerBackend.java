package io.paasta.backend.docker;

import com.github.dockerjava.api.DockerClient;
import io.paasta.backend.docker.drain.Drainer;
import io.paasta.backend.docker.engine.ContainerListClient;
import io.paasta.backend.docker.engine.ContainerNames;
import io.paasta.backend.docker.engine.HeldPorts;
import io.paasta.backend.docker.engine.ImagePullClient;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.backend.docker.engine.TaskLaunchExecutor;
import io.paasta.backend.docker.engine.TaskOutputClient;
import io.paasta.backend.docker.engine.TaskStopExecutor;
import io.paasta.backend.docker.events.ContainerEvents;
import io.paasta.backend.docker.events.EngineEventWatcher;
import io.paasta.backend.docker.events.EngineOutage;
import io.paasta.backend.docker.events.EngineOutages;
import io.paasta.backend.docker.health.HealthChecker;
import io.paasta.backend.docker.jobs.DockerJobRunner;
import io.paasta.backend.docker.oom.OomWatcher;
import io.paasta.backend.docker.port.PortAllocator;
import io.paasta.engine.EngineErrors;
import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.backend.JobRunner;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.plan.Action;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The local backend: each task is one container of the Docker engine, on host networking, found by
 * its labels ({@code paasta_managed=true} and the instance's). Everything needed after a daemon
 * restart is read from the labels; only caches and the checkers' recent results are in memory.
 *
 * <p>It follows the engine's event stream: a task that dies or is OOM-killed tells the task-change
 * listener at once, and when the engine answers again after it was away, the tasks that exited
 * meanwhile (stopped by the engine, not crashes) are removed before the back-listeners are told:
 * they never count toward crash backoff or the crash-loop check. Until then they are left out of
 * what is observed.
 *
 * <p>It owns what it is given: {@link #close} stops the health checker, drainer and event watcher
 * and closes the engine client.
 */
public final class DockerBackend implements Backend, AutoCloseable {
  private final DockerClient docker;
  private final DockerBackendConfig config;
  private final ContainerListClient containers;
  private final ImagePullClient images;
  private final TaskLaunchExecutor launcher;
  private final TaskStopExecutor stopper;
  private final HealthChecker health;
  private final Drainer drainer;
  private final TaskOutputClient output;
  private final io.paasta.backend.docker.engine.ContainerStatsClient stats;
  private final OomWatcher oom;
  private final EngineEventWatcher events;
  private final EngineOutageCleanup cleanup;
  private final DockerJobRunner jobs;
  private final io.paasta.planning.backend.SecretResolver secrets;
  private final io.paasta.backend.docker.adhoc.DockerAdhocRunner adhoc;
  private final List<AutoCloseable> alsoClosed = new CopyOnWriteArrayList<>();
  private final List<java.util.function.Consumer<String>> backListeners =
      new CopyOnWriteArrayList<>();

  /**
   * Each container as last listed (or as just started): what drains and kills act on, so that they
   * need no engine call to tell whose a task is (labels never change).
   */
  private final Map<String, ManagedContainer> seen = new ConcurrentHashMap<>();

  /**
   * @param secrets decrypts the env's secrets of each task it starts (only for its container)
   */
  public DockerBackend(
      DockerClient docker,
      PortAllocator ports,
      HealthChecker health,
      Drainer drainer,
      OomWatcher oom,
      EngineEventWatcher events,
      EngineOutages outages,
      RandomGenerator random,
      DockerBackendConfig config,
      DockerJobRunner jobs,
      io.paasta.planning.backend.SecretResolver secrets) {
    this.docker = docker;
    this.config = config;
    this.containers = new ContainerListClient(docker);
    this.images = new ImagePullClient(docker, config.pullTimeout());
    this.launcher = new TaskLaunchExecutor(docker, ports, new ContainerNames(random), secrets);
    this.stopper = new TaskStopExecutor(docker, config.stopTimeout());
    this.health = health;
    this.drainer = drainer;
    this.oom = oom;
    this.events = events;
    this.cleanup =
        new EngineOutageCleanup(containers, stopper, oom, outages, config.cluster(), this::forget);
    this.jobs = jobs;
    this.secrets = secrets;
    this.adhoc =
        new io.paasta.backend.docker.adhoc.DockerAdhocRunner(
            docker,
            config.cluster(),
            config.dockerHost(),
            config.stopTimeout(),
            config.pullTimeout(),
            secrets);
    events.onEvent(oom::handle);
    events.onEvent(jobs::handle);
    events.onBack(this::engineBack);
    this.output = new TaskOutputClient(docker, OUTPUT_TIMEOUT);
    this.stats = new io.paasta.backend.docker.engine.ContainerStatsClient(docker, OUTPUT_TIMEOUT);
  }

  /**
   * The runner of scheduled jobs' attempts, on the same engine: their containers (kind {@code
   * chronos}) are never among the service tasks observed, health-checked or cleaned up here.
   */
  @Override
  public Optional<JobRunner> jobRunner() {
    return Optional.of(jobs);
  }

  /**
   * The runner of {@code paasta remote-run}'s one-off tasks, on the same engine: their containers
   * are not managed ones, so nothing here sees or kills them.
   */
  @Override
  public Optional<io.paasta.planning.backend.AdhocRunner> adhocRunner() {
    return Optional.of(adhoc);
  }

  private static final java.time.Duration OUTPUT_TIMEOUT = java.time.Duration.ofSeconds(5);

  /** The container's CPU use from the engine's stats; empty when it is gone or stopped. */
  @Override
  public Optional<io.paasta.planning.backend.CpuSample> cpuSample(String taskId) {
    try {
      return stats.cpu(taskId);
    } catch (RuntimeException e) {
      throw engineFailure("reading the CPU use of task " + taskId, e);
    }
  }

  /** The tail of the container's log (stdout and stderr); none when it is gone. */
  @Override
  public List<String> taskOutput(String taskId, int lines) {
    try {
      return output.tail(taskId, lines);
    } catch (RuntimeException e) {
      throw engineFailure("reading the output of task " + taskId, e);
    }
  }

  /** One instance's tasks, listed by the engine with a label filter (cheaper than all of them). */
  @Override
  public ObservedInstance observe(InstanceRef ref) {
    List<ManagedContainer> ours;
    try {
      ours =
          containers.listInstance(ref.service(), ref.instance()).stream()
              .filter(c -> ObservedStateMapper.isServiceTaskOf(c, config.cluster()))
              .toList();
    } catch (RuntimeException e) {
      throw engineFailure("observing the tasks of " + ref, e);
    }
    ours.forEach(c -> seen.put(c.id(), c));
    oom.observeExited(ours);
    return ObservedStateMapper.instances(
            cleanup.withoutStopped(ours),
            config.cluster(),
            health::healthOf,
            c -> drainer.stateOf(c.id()))
        .stream()
        .filter(o -> o.ref().equals(ref))
        .findFirst()
        .orElse(new ObservedInstance(ref, List.of()));
  }

  /**
   * Tells {@code listener} of the instance whenever one of its tasks changes health state, dies or
   * is OOM-killed (the engine's {@code die} and {@code oom} events).
   */
  @Override
  public void onTaskChange(java.util.function.Consumer<InstanceRef> listener) {
    health.onStateChange(
        task -> ObservedStateMapper.refOf(task, config.cluster()).ifPresent(listener));
    events.onEvent(
        event ->
            ContainerEvents.refOf(event, config.cluster())
                .ifPresent(
                    ref -> {
                      awaitExitRecorded(event);
                      listener.accept(ref);
                    }));
  }

  /**
   * After a {@code die} event, waits until the engine has recorded the exit: it publishes the event
   * before its container listing shows the task exited, and a pass that listed at once would see it
   * running. An inspect waits for the engine's handling of the exit to finish.
   */
  private void awaitExitRecorded(com.github.dockerjava.api.model.Event event) {
    if (ContainerEvents.DIE.equals(ContainerEvents.action(event))) {
      try {
        ContainerEvents.containerId(event).ifPresent(containers::inspect);
      } catch (RuntimeException e) {
        // gone, or the engine went away: the pass finds out
      }
    }
  }

  /**
   * Tells {@code listener} (with a line for the log) when the engine answers again after it was
   * away, once the tasks it stopped meanwhile are removed.
   */
  @Override
  public void onEngineBack(java.util.function.Consumer<String> listener) {
    backListeners.add(listener);
  }

  private void engineBack(EngineOutage outage) {
    int removed = cleanup.removeStoppedTasks();
    String line =
        "the Docker engine answers again after "
            + outage.length(outage.backAt().orElseThrow()).toMillis()
            + " ms away"
            + (removed == 0
                ? ""
                : "; removed "
                    + removed
                    + " task(s) that exited while it was away (stopped by the engine: no crash,"
                    + " no backoff)");
    for (java.util.function.Consumer<String> listener : backListeners) {
      listener.accept(line);
    }
  }

  /**
   * Every task of the daemon's cluster, running or exited, with the health checker's and drainer's
   * last word on each.
   *
   * @throws BackendException when the engine does not answer
   */
  @Override
  public List<ObservedInstance> observeAll() {
    List<ManagedContainer> ours;
    try {
      ours =
          containers.listAll().stream()
              .filter(c -> ObservedStateMapper.isServiceTaskOf(c, config.cluster()))
              .toList();
    } catch (RuntimeException e) {
      throw engineFailure("observing the tasks of cluster " + config.cluster(), e);
    }
    Set<String> ids = ours.stream().map(ManagedContainer::id).collect(Collectors.toSet());
    drainer.retainOnly(ids);
    seen.keySet().retainAll(ids);
    ours.forEach(c -> seen.put(c.id(), c));
    oom.observeExited(ours);
    return ObservedStateMapper.instances(
        cleanup.withoutStopped(ours),
        config.cluster(),
        health::healthOf,
        c -> drainer.stateOf(c.id()));
  }

  /**
   * When the kernel's OOM killer killed tasks of the instance within the last hour, oldest first:
   * from the engine's {@code oom} events, and from exited tasks the engine marks {@code OOMKilled}.
   */
  @Override
  public List<Instant> oomKills(InstanceRef ref) {
    return oom.oomKills(ref);
  }

  /** Waits (at most {@code max}) until the health checker has checked every running task once. */
  @Override
  public void awaitHealthKnown(java.time.Duration max) {
    health.awaitFirstChecks(max);
  }

  @Override
  public void execute(InstanceRef ref, Action action) {
    execute(ref, action, () -> false);
  }

  @Override
  public void execute(
      InstanceRef ref, Action action, java.util.function.BooleanSupplier superseded) {
    String what = ref + ": " + describe(action);
    if (action instanceof Action.ChangeObject) {
      throw new BackendException(
          what + ": the local Docker backend changes tasks, not Kubernetes objects");
    }
    try {
      if (action instanceof Action.StartTasks start) {
        startTasks(ref, start, superseded);
      } else if (action instanceof Action.DrainTasks drain) {
        owned(ref, drain.taskIds()).forEach(drainer::drain);
      } else if (action instanceof Action.KillTasks kill) {
        List<String> ids = owned(ref, kill.taskIds()).stream().map(ManagedContainer::id).toList();
        stopper.killAll(ids);
        ids.forEach(this::forget);
      } else if (action instanceof Action.RemoveExited remove) {
        for (ManagedContainer task : owned(ref, remove.taskIds())) {
          stopper.removeExited(task.id());
          forget(task.id());
        }
      }
    } catch (BackendException e) {
      throw new BackendException(what + " failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw engineFailure(what, e);
    }
  }

  /** The env's secrets decrypt (for nothing: the plain texts are dropped at once). */
  @Override
  public void checkStartable(InstanceRef ref, io.paasta.planning.app.RunSpec run) {
    secrets.resolve(ref.service(), run.env());
  }

  /** A failed call to the engine, said as what was being done, why, and what to do. */
  private BackendException engineFailure(String what, RuntimeException e) {
    return new BackendException(EngineErrors.failure(what, e, config.dockerHost()), e);
  }

  /**
   * Starts the tasks, {@link #MAX_PARALLEL_STARTS} at a time; once {@code superseded}, no further
   * task is started (those under way finish), so a newer desired state takes over within about one
   * task's start.
   */
  private void startTasks(
      InstanceRef ref, Action.StartTasks start, java.util.function.BooleanSupplier superseded) {
    images.ensurePresent(start.run().image());
    Set<Integer> held = heldPorts();
    int count = start.count();
    // tasks start at the same time (ports are allocated one at a time, under the allocator's lock)
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, MAX_PARALLEL_STARTS));
    java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(MAX_PARALLEL_STARTS);
    try {
      List<Future<ManagedContainer>> launches = new ArrayList<>();
      for (int i = 0; i < count && !superseded.getAsBoolean(); i++) {
        try {
          slots.acquire();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        if (superseded.getAsBoolean()) {
          slots.release();
          break;
        }
        launches.add(
            pool.submit(
                () -> {
                  try {
                    ManagedContainer task = launcher.launch(ref, start.appId(), start.run(), held);
                    seen.put(task.id(), task);
                    health.watch(task); // checked from now on, not from the next discovery
                    return task;
                  } finally {
                    slots.release();
                  }
                }));
      }
      count = launches.size();
      int started = 0;
      RuntimeException first = null;
      for (Future<ManagedContainer> launch : launches) {
        try {
          launch.get();
          started++;
        } catch (ExecutionException e) {
          if (first == null) {
            first =
                e.getCause() instanceof RuntimeException r
                    ? r
                    : new BackendException(String.valueOf(e.getCause()), e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new BackendException("interrupted while starting tasks of " + start.appId(), e);
        }
      }
      if (first != null) {
        if (started == 0) {
          throw first;
        }
        String why =
            first instanceof BackendException
                ? first.getMessage()
                : EngineErrors.engineMessage(first);
        throw new BackendException(
            "started " + started + " of " + count + " task(s), then: " + why, first);
      }
    } finally {
      pool.shutdown();
    }
  }

  private static final int MAX_PARALLEL_STARTS = 8;

  /** Ports held on the engine: by tasks of every cluster, and by local-run containers. */
  private Set<Integer> heldPorts() {
    return HeldPorts.on(docker);
  }

  /**
   * The managed containers of {@code ids}, in their order, as last seen (the pass that planned the
   * action has just observed them). An id not seen is looked up in a listing of the instance's
   * tasks (and, when missing there, inspected, to tell a gone task from another instance's).
   *
   * @throws BackendException when one belongs to another instance
   */
  private List<ManagedContainer> owned(InstanceRef ref, List<String> ids) {
    List<ManagedContainer> owned = new ArrayList<>();
    Map<String, ManagedContainer> listed = null;
    for (String id : ids) {
      ManagedContainer task = seen.get(id);
      if (task == null) {
        if (listed == null) {
          listed = new HashMap<>();
          for (ManagedContainer c : containers.listInstance(ref.service(), ref.instance())) {
            listed.put(c.id(), c);
            seen.put(c.id(), c);
          }
        }
        task = listed.get(id);
        if (task == null) {
          task =
              listed.values().stream().filter(c -> c.id().startsWith(id)).findFirst().orElse(null);
        }
      }
      if (task == null) {
        containers.inspect(id).ifPresent(other -> requireOwnedBy(ref, id, other));
        continue; // gone
      }
      requireOwnedBy(ref, id, task);
      owned.add(task);
    }
    return owned;
  }

  private void requireOwnedBy(InstanceRef ref, String id, ManagedContainer other) {
    Optional<InstanceRef> owner = ObservedStateMapper.refOf(other, config.cluster());
    if (owner.isEmpty() || !owner.get().equals(ref)) {
      throw new BackendException(
          "task "
              + id
              + " belongs to "
              + owner.map(InstanceRef::toString).orElse("no instance")
              + ", not to "
              + ref
              + " - it was left alone");
    }
  }

  private void forget(String id) {
    seen.remove(id);
    health.forget(id);
    drainer.forget(id);
  }

  static String describe(Action action) {
    if (action instanceof Action.StartTasks start) {
      return "start " + start.count() + " task(s) of " + start.appId();
    }
    if (action instanceof Action.DrainTasks drain) {
      return "drain task(s) " + String.join(", ", drain.taskIds());
    }
    if (action instanceof Action.KillTasks kill) {
      return "kill task(s) " + String.join(", ", kill.taskIds());
    }
    if (action instanceof Action.RemoveExited remove) {
      return "remove exited task(s) " + String.join(", ", remove.taskIds());
    }
    Action.ChangeObject change = (Action.ChangeObject) action;
    // never the body: a Secret's would carry the plain text
    return change.verb().name().toLowerCase(java.util.Locale.ROOT) + " " + change.object();
  }

  /** Closes {@code part} (started with the backend, such as its output collector) with it. */
  @Override
  public String name() {
    return "local";
  }

  void alsoClose(AutoCloseable part) {
    alsoClosed.add(part);
  }

  @Override
  public void close() {
    for (AutoCloseable part : alsoClosed) {
      try {
        part.close();
      } catch (Exception e) {
        // closing anyway
      }
    }
    health.close();
    drainer.close();
    events.close();
    try {
      docker.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
