package io.paasta.server;

import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.InstanceRef;
import io.paasta.planning.app.DesiredInstance;
import io.paasta.planning.backend.Backend;
import io.paasta.planning.cleanup.CleanupGuard;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.server.deployments.DeploymentsPoller;
import io.paasta.server.desired.ClusterDesiredState;
import io.paasta.server.desired.FileSettle;
import io.paasta.server.desired.ServiceConfigs;
import io.paasta.server.loop.InstanceQueue;
import io.paasta.server.loop.InstanceReconciler;
import io.paasta.server.loop.PassRequests;
import io.paasta.server.loop.SoaDirWatcher;
import io.paasta.server.status.PassMetrics;
import io.paasta.server.status.StatusRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The control-plane daemon of a cluster: keeps every long-running instance converged. Passes are
 * started by changes (a soa-configs file or deployments.json of a service) and by time (every
 * instance at least every {@code fullPassEvery}, sooner while a bounce is in progress), one pass
 * per instance at a time, instances in parallel on a bounded pool. Other parts ask for passes
 * through the {@link PassRequests} it is given (its queue), never through the daemon.
 *
 * <p>The loop knows its backend only as a {@link Backend}: a second backend (Kubernetes) plugs in
 * through {@code io.paasta.server.backend}; a second kind of work (run-to-completion jobs) enters
 * as more instances of the desired state, planned by the planner, with its side effects in {@link
 * io.paasta.server.loop.PassParticipant}s: the loop itself (queue, passes, scans) stays as it is.
 */
public final class PaastaDaemon implements AutoCloseable {
  /** How the daemon paces itself. */
  public record Settings(
      int workers, Duration fullPassEvery, Duration deploymentsPollEvery, boolean forceCleanup) {}

  private final SoaConfigsLoader loader;
  private final ServiceConfigs configs;
  private final ClusterDesiredState desired;
  private final Backend backend;
  private final DeploymentsPoller poller;
  private final DaemonLog log;
  private final Settings settings;
  private final Clock clock;
  private final InstanceQueue<InstanceRef> queue;
  private final InstanceReconciler reconciler;
  private final AtomicReference<Set<InstanceRef>> removable = new AtomicReference<>(Set.of());
  private final ScheduledExecutorService timers =
      Executors.newScheduledThreadPool(2, daemonThreads("paasta-timer"));
  private final List<Thread> workers = new ArrayList<>();
  private SoaDirWatcher watcher;
  private io.paasta.server.deployments.LocalRepoWatcher repoWatcher;
  private volatile boolean running = true;

  public PaastaDaemon(
      SoaConfigsLoader loader,
      ServiceConfigs configs,
      ClusterDesiredState desired,
      Backend backend,
      DeploymentsPoller poller,
      StatusRegistry status,
      DaemonLog log,
      Clock clock,
      PassMetrics metrics,
      io.paasta.server.loop.PassParticipant participant,
      PassRequests requests,
      Settings settings) {
    this.loader = loader;
    this.configs = configs;
    this.desired = desired;
    this.backend = backend;
    this.poller = poller;
    this.log = log;
    this.settings = settings;
    this.clock = clock;
    this.queue = requests.queue();
    this.reconciler =
        new InstanceReconciler(
            desired,
            backend,
            status,
            log,
            clock,
            ref -> removable.get().contains(ref),
            metrics,
            participant,
            io.paasta.server.loop.PassBackoffPolicy.DEFAULT);
  }

  /** Starts the watcher, the timers and the workers; returns at once. */
  public void start() throws IOException {
    configs.onDeferred(this::retryWhenSettled);
    configs.reloadAll();
    backend.onTaskChange(queue::enqueue);
    backend.onEngineBack(this::engineBack);
    repoWatcher =
        new io.paasta.server.deployments.LocalRepoWatcher(
            service -> timers.execute(guarded(() -> poller.poll(service))));
    poller.watchLocalRepositories(repoWatcher);
    poller.onDeploymentsWritten(
        service -> {
          configs.fileChanged(service, DEPLOYMENTS_JSON, FileSettle.Change.PLACED);
          serviceChanged(service);
        });
    watcher =
        new SoaDirWatcher(
            loader.soaDir().root(),
            (service, file, change) -> {
              if (!file.isEmpty()) {
                configs.fileChanged(service, file, change);
              }
              serviceChanged(service);
            });
    watcher.start();
    timers.scheduleWithFixedDelay(
        guarded(this::scanAll), 0, settings.fullPassEvery().toMillis(), TimeUnit.MILLISECONDS);
    timers.scheduleWithFixedDelay(
        guarded(poller::pollOnce),
        0,
        settings.deploymentsPollEvery().toMillis(),
        TimeUnit.MILLISECONDS);
    for (int i = 0; i < settings.workers(); i++) {
      Thread worker = new Thread(this::work, "paasta-worker-" + i);
      worker.setDaemon(true);
      worker.start();
      workers.add(worker);
    }
    log.info("daemon", "started with " + settings.workers() + " workers");
  }

  private Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.error("daemon", "unexpected " + e);
      }
    };
  }

  /**
   * The engine answers again after it was away: every instance gets a pass now, and passes that
   * failed meanwhile are tried again at once rather than after their backoff.
   */
  private void engineBack(String what) {
    log.warn("engine", what + ": every instance gets a pass now");
    reconciler.endAllBackoffs();
    timers.execute(guarded(this::scanAll));
  }

  /** Reloads every service and queues every instance: desired ones and those with tasks. */
  void scanAll() {
    configs.reloadAll();
    Map<InstanceRef, Optional<DesiredInstance>> wanted = desired.all();
    Set<InstanceRef> observed = new HashSet<>();
    for (ObservedInstance instance : backend.observeAll()) {
      observed.add(instance.ref());
    }
    Set<InstanceRef> gone = new HashSet<>(observed);
    gone.removeAll(wanted.keySet());
    gone.removeIf(ref -> desired.unknownServices().contains(ref.service()));
    CleanupGuard.Decision decision =
        CleanupGuard.decidePerService(
            observed, gone, configs.services().keySet(), settings.forceCleanup());
    if (!decision.allowed() && !decision.reason().equals(lastGuardWarning)) {
      log.warn("cleanup", decision.reason());
    }
    lastGuardWarning = decision.allowed() ? "" : decision.reason();
    removable.set(decision.remove());
    wanted.keySet().forEach(queue::enqueue);
    removable.get().forEach(queue::enqueue);
  }

  /**
   * A file of {@code service} changed (or, for "", anything may have): its instances get a pass
   * within a second, and a scan soon after finds instances it no longer has.
   */
  private void serviceChanged(String service) {
    if (!service.isEmpty()) {
      configs.reload(service);
      desired.all().keySet().stream()
          .filter(ref -> ref.service().equals(service))
          .forEach(queue::enqueue);
    }
    requestScan();
  }

  /** Runs a scan shortly, once for a burst of changes. */
  private void requestScan() {
    if (scanRequested.compareAndSet(false, true)) {
      timers.schedule(
          guarded(
              () -> {
                scanRequested.set(false);
                scanAll();
              }),
          SCAN_DEBOUNCE.toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private static final Duration SCAN_DEBOUNCE = Duration.ofMillis(300);

  private static final String DEPLOYMENTS_JSON = "deployments.json";

  /** The clean-up guard's last refusal, logged once rather than at every scan. */
  private volatile String lastGuardWarning = "";

  /** Services with a reload already scheduled for when their files have settled. */
  private final Set<String> retries = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** A file of {@code service} is being written: look again once it may have settled. */
  private void retryWhenSettled(String service, java.time.Instant at) {
    if (!running || !retries.add(service)) {
      return;
    }
    long delay = Math.max(1, Duration.between(clock.instant(), at).toMillis());
    try {
      timers.schedule(
          guarded(
              () -> {
                retries.remove(service);
                serviceChanged(service);
              }),
          delay,
          TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      retries.remove(service); // closing
    }
  }

  /** How long closing waits for each worker's pass in progress. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(15);

  private final java.util.concurrent.atomic.AtomicBoolean scanRequested =
      new java.util.concurrent.atomic.AtomicBoolean();

  private void work() {
    while (running) {
      try {
        Optional<InstanceRef> next = queue.take(Duration.ofSeconds(1));
        if (next.isEmpty()) {
          continue;
        }
        InstanceRef ref = next.get();
        try {
          reconciler.reconcile(ref).ifPresent(after -> queue.enqueueAfter(ref, after));
        } catch (RuntimeException e) {
          queue.enqueueAfter(ref, reconciler.passThrew(ref, e));
        } finally {
          queue.done(ref);
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    timers.shutdownNow();
    workers.forEach(Thread::interrupt);
    for (Thread worker : workers) {
      try {
        worker.join(CLOSE_WAIT.toMillis()); // let a pass in progress finish its action
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (watcher != null) {
      watcher.close();
    }
    if (repoWatcher != null) {
      repoWatcher.close();
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
