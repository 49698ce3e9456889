package io.paasta.backend.kubernetes.logs;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.TailPrettyLoggable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.paasta.backend.kubernetes.render.ObjectLabels;
import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.TaskLogSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the output of the cluster's managed pods (long-running instances' and job attempts')
 * through the API server's {@code pods/log} (follow, {@code timestamps=true}) into the {@link
 * TaskLogSink}, as the local backend's collector does from the engine. A pod informer (the pods
 * labelled with a service) starts one stream per container run when its container id appears and
 * stops it when the pod is deleted; streams run on a bounded pool (more wait for a thread).
 *
 * <p>Each run is resumed from where the sink says it was stored ({@code sinceTime}, lines at or
 * before it dropped), so a restarted collector or a reconnect repeats nothing. A stream that ends
 * while the container still runs (the API server went away, a connection dropped) is opened again
 * with backoff; the first failure of a run is logged once, at warn, the rest at debug. A run that
 * ended before it was seen (a container restarted while nobody read it) is read once with {@code
 * previous=true}. The API server does not tell stdout from stderr: every line is {@code stdout}.
 * The same pod events give the {@code task_lifecycle} lines ({@link PodLifecycle}).
 */
public final class PodOutputCollector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PodOutputCollector.class);
  private static final int BATCH = 1_024;

  /** How often the stream of a run that ended is tried before it is given up. */
  private static final int ENDED_ATTEMPTS = 5;

  /** The most streams read at once (one thread each). */
  public static final int MAX_STREAMS = 256;

  private final KubernetesClient client;
  private final Function<HasMetadata, Optional<InstanceRef>> refOf;
  private final TaskLogSink sink;
  private final Clock clock;
  private final Duration firstBackoff;
  private final Duration maxBackoff;
  private final ExecutorService streams;
  private final Map<ContainerKey, Future<?>> followed = new ConcurrentHashMap<>();
  private final Set<String> readToEnd = ConcurrentHashMap.newKeySet();
  private final Map<String, Boolean> running = new ConcurrentHashMap<>();
  private volatile SharedIndexInformer<Pod> informer;
  private volatile boolean closed;

  /**
   * @param refOf the instance a pod belongs to (empty: not this daemon's)
   * @param firstBackoff the wait before the first reconnect; doubled up to {@code maxBackoff}
   */
  public PodOutputCollector(
      KubernetesClient client,
      Function<HasMetadata, Optional<InstanceRef>> refOf,
      TaskLogSink sink,
      Clock clock,
      Duration firstBackoff,
      Duration maxBackoff,
      int maxStreams) {
    this.client = client;
    this.refOf = refOf;
    this.sink = sink;
    this.clock = clock;
    this.firstBackoff = firstBackoff;
    this.maxBackoff = maxBackoff;
    this.streams =
        Executors.newFixedThreadPool(
            maxStreams,
            r -> {
              Thread t = new Thread(r, "paasta-pod-output");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * A started collector with the daemon's settings: reconnects from 1 s to 30 s apart, at most
   * {@link #MAX_STREAMS} streams read at once.
   */
  public static PodOutputCollector started(
      KubernetesClient client,
      Function<HasMetadata, Optional<InstanceRef>> refOf,
      TaskLogSink sink,
      Clock clock) {
    return new PodOutputCollector(
            client, refOf, sink, clock, Duration.ofSeconds(1), Duration.ofSeconds(30), MAX_STREAMS)
        .start();
  }

  /** Starts the pod informer (it lists, then watches; streams start from its events). */
  public PodOutputCollector start() {
    informer =
        client
            .pods()
            .inAnyNamespace()
            .withLabel(ObjectLabels.SERVICE)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod pod) {
                    tell(pod, PodLifecycle.changes(null, pod, clock.instant()));
                    seen(pod);
                  }

                  @Override
                  public void onUpdate(Pod before, Pod after) {
                    tell(after, PodLifecycle.changes(before, after, clock.instant()));
                    seen(after);
                  }

                  @Override
                  public void onDelete(Pod pod, boolean finalStateUnknown) {
                    tell(pod, PodLifecycle.deleted(pod, clock.instant()));
                    gone(pod);
                  }
                });
    return this;
  }

  /** Hands the pod's lifecycle lines to the sink (which keeps each once). */
  private void tell(Pod pod, List<PodLifecycle.Line> lines) {
    if (lines.isEmpty() || closed) {
      return;
    }
    refOf
        .apply(pod)
        .ifPresent(ref -> lines.forEach(l -> sink.lifecycle(ref, l.taskId(), l.at(), l.message())));
  }

  /** How many container runs are being read now. */
  public int following() {
    return followed.size();
  }

  /** The runs of a pod's containers that have output: running, ended, and the one before. */
  static List<ContainerKey> runsOf(Pod pod, InstanceRef ref) {
    List<ContainerKey> runs = new ArrayList<>();
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return runs;
    }
    String namespace = pod.getMetadata().getNamespace();
    String name = pod.getMetadata().getName();
    for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
      if (status.getLastState() != null
          && status.getLastState().getTerminated() != null
          && status.getLastState().getTerminated().getContainerID() != null) {
        runs.add(
            new ContainerKey(
                ref,
                namespace,
                name,
                status.getName(),
                status.getLastState().getTerminated().getContainerID(),
                true));
      }
      if (status.getContainerID() != null
          && status.getState() != null
          && (status.getState().getRunning() != null
              || status.getState().getTerminated() != null)) {
        runs.add(
            new ContainerKey(
                ref, namespace, name, status.getName(), status.getContainerID(), false));
      }
    }
    return runs;
  }

  /** Whether each run of the pod is running now, by container id. */
  private static Map<String, Boolean> runningOf(Pod pod) {
    Map<String, Boolean> states = new java.util.HashMap<>();
    if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
      for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
        if (status.getContainerID() != null && status.getState() != null) {
          states.put(status.getContainerID(), status.getState().getRunning() != null);
        }
      }
    }
    return states;
  }

  private void seen(Pod pod) {
    Optional<InstanceRef> ref = refOf.apply(pod);
    if (ref.isEmpty() || closed) {
      return;
    }
    running.putAll(runningOf(pod));
    for (ContainerKey run : runsOf(pod, ref.get())) {
      // a run read now is not read again as the previous one once its container restarted
      boolean reading =
          followed.keySet().stream().anyMatch(k -> k.containerId().equals(run.containerId()));
      if (!readToEnd.contains(run.containerId()) && !reading) {
        followed.computeIfAbsent(run, key -> streams.submit(() -> follow(key)));
      }
    }
  }

  private void gone(Pod pod) {
    String name = pod.getMetadata().getName();
    String namespace = pod.getMetadata().getNamespace();
    followed.forEach(
        (run, future) -> {
          if (run.pod().equals(name) && run.namespace().equals(namespace)) {
            future.cancel(true);
            followed.remove(run, future);
            running.remove(run.containerId());
          }
        });
  }

  /** Reads one run until it ends, the pod is gone or the collector closes. */
  private void follow(ContainerKey run) {
    String task = run.containerId();
    try {
      Optional<Instant> stored = sink.storedUpTo(task);
      if (stored.isEmpty() && !run.previous()) {
        sink.lifecycle(
            run.ref(),
            task,
            clock.instant(),
            "task " + run.pod() + "/" + run.container() + " started");
      }
      Instant after = stored.orElse(Instant.EPOCH);
      Duration backoff = firstBackoff;
      int failures = 0;
      while (!closed && !Thread.currentThread().isInterrupted()) {
        try {
          after = read(run, after);
          if (run.previous() || !running.getOrDefault(task, false)) {
            readToEnd.add(task);
            return; // the run ended and its stream with it
          }
        } catch (RuntimeException | IOException e) {
          if (closed || Thread.currentThread().isInterrupted()) {
            return;
          }
          String why = "reading the output of pod " + run.pod() + " container " + run.container();
          failures++;
          boolean ended = run.previous() || !running.getOrDefault(task, false);
          if (ended && failures >= ENDED_ATTEMPTS) {
            LOG.warn("{}: {} - gave up after {} attempts", why, e.toString(), failures);
            readToEnd.add(task);
            return; // an ended run's output may be gone from the node
          }
          if (failures == 1) {
            LOG.warn("{} in namespace {}: {} (retrying)", why, run.namespace(), e.toString());
          } else {
            LOG.debug("{}: {}", why, e.toString());
          }
        }
        Thread.sleep(backoff.toMillis());
        backoff =
            backoff.multipliedBy(2).compareTo(maxBackoff) > 0
                ? maxBackoff
                : backoff.multipliedBy(2);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      followed.remove(run);
    }
  }

  /**
   * Reads the run's stream to its end from after {@code after}, handing its lines to the sink.
   *
   * @return the time of the last line stored
   */
  private Instant read(ContainerKey run, Instant after) throws IOException {
    var container =
        client
            .pods()
            .inNamespace(run.namespace())
            .withName(run.pod())
            .inContainer(run.container())
            .withReadyWaitTimeout(0);
    var timed =
        run.previous() ? container.usingTimestamps().terminated() : container.usingTimestamps();
    TailPrettyLoggable since =
        after.equals(Instant.EPOCH)
            ? timed
            : timed.sinceTime(after.truncatedTo(ChronoUnit.SECONDS).toString());
    List<TaskLogSink.Output> batch = new ArrayList<>();
    // an ended run is read without follow: an error status then fails the read (a followed stream
    // the API server refuses just ends, and is opened again while its container runs)
    boolean ended = run.previous() || !running.getOrDefault(run.containerId(), false);
    LogWatch watch = ended ? null : since.watchLog();
    try (watch;
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(
                    ended ? since.getLogInputStream() : watch.getOutput(),
                    StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        Optional<PodLogLine> parsed = PodLogLine.parse(line);
        if (parsed.isEmpty() || !parsed.get().at().isAfter(after)) {
          continue;
        }
        batch.add(
            new TaskLogSink.Output(
                run.ref(), run.containerId(), "stdout", parsed.get().at(), parsed.get().text()));
        after = parsed.get().at();
        if (batch.size() >= BATCH || !lines.ready()) {
          sink.outputs(List.copyOf(batch));
          batch.clear();
        }
      }
    } finally {
      if (!batch.isEmpty()) {
        sink.outputs(List.copyOf(batch));
      }
    }
    return after;
  }

  @Override
  public void close() {
    closed = true;
    if (informer != null) {
      informer.close();
    }
    streams.shutdownNow();
    followed.clear();
  }
}
