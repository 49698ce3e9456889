package io.paasta.backend.docker.logs;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.paasta.backend.docker.ObservedStateMapper;
import io.paasta.backend.docker.engine.ContainerListClient;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.engine.EngineErrors;
import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.TaskLogSink;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the output of every managed container of the cluster (services' tasks and job attempts)
 * from the engine's log stream, with the engine's timestamps, and hands it line by line to the
 * {@link TaskLogSink}. A scan every {@code rescan} finds containers not followed yet; each is
 * followed from where the sink says its output was stored (lines at or before that instant are
 * dropped), so a collector started again after a daemon restart leaves no gap and repeats nothing.
 * An exited container is read to its end once.
 *
 * <p>The engine's streams (a thread each) put their lines in one bounded queue; one thread hands
 * what is waiting to the sink in one call, so that a busy cluster's lines are stored in few writes
 * (one line alone is handed as soon as it comes). A full queue holds the streams back.
 */
public final class TaskOutputCollector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskOutputCollector.class);
  private static final int QUEUE = 16_384;
  private static final int BATCH = 4_096;

  private final DockerClient docker;
  private final ContainerListClient containers;
  private final String cluster;
  private final TaskLogSink sink;
  private final Duration rescan;
  private final Thread thread;
  private final Thread handing;
  private final BlockingQueue<TaskLogSink.Output> waiting = new ArrayBlockingQueue<>(QUEUE);
  private final Map<String, Closeable> followed = new ConcurrentHashMap<>();
  private final Set<String> readToEnd = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public TaskOutputCollector(
      DockerClient docker, String cluster, TaskLogSink sink, Duration rescan) {
    this.docker = docker;
    this.containers = new ContainerListClient(docker);
    this.cluster = cluster;
    this.sink = sink;
    this.rescan = rescan;
    this.thread = new Thread(this::run, "paasta-output-collector");
    thread.setDaemon(true);
    this.handing = new Thread(this::hand, "paasta-output-handing");
    handing.setDaemon(true);
  }

  public TaskOutputCollector start() {
    handing.start();
    thread.start();
    return this;
  }

  /** Hands the waiting lines to the sink, all that are waiting at once, until closed. */
  private void hand() {
    List<TaskLogSink.Output> batch = new ArrayList<>();
    while (true) {
      try {
        TaskLogSink.Output first = waiting.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closed) {
            return;
          }
          continue;
        }
        batch.add(first);
        waiting.drainTo(batch, BATCH - 1);
        sink.outputs(batch);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.debug("storing task output: {}", e.toString());
      } finally {
        batch.clear();
      }
    }
  }

  /** How many containers are being followed now. */
  public int following() {
    return followed.size();
  }

  private void run() {
    while (!closed) {
      try {
        scan();
      } catch (RuntimeException e) {
        LOG.debug("listing containers for their output: {}", EngineErrors.rootMessage(e));
      }
      try {
        Thread.sleep(rescan.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Follows each container of the cluster not followed yet (and not read to its end). */
  void scan() {
    for (ManagedContainer container : containers.listAll()) {
      if (!ObservedStateMapper.isTaskOf(container, cluster)
          || followed.containsKey(container.id())
          || (!container.isRunning() && readToEnd.contains(container.id()))) {
        continue;
      }
      ObservedStateMapper.refOf(container, cluster).ifPresent(ref -> follow(container, ref));
    }
  }

  private void follow(ManagedContainer container, InstanceRef ref) {
    String id = container.id();
    Optional<Instant> stored = sink.storedUpTo(id);
    if (stored.isEmpty()) {
      sink.lifecycle(
          ref, id, container.startedAt().orElse(Instant.now()), "task " + shortId(id) + " started");
    }
    boolean running = container.isRunning();
    Follow callback = new Follow(ref, id, stored.orElse(Instant.EPOCH));
    followed.put(id, callback);
    var command =
        docker
            .logContainerCmd(id)
            .withStdOut(true)
            .withStdErr(true)
            .withTimestamps(true)
            .withFollowStream(true);
    stored.ifPresent(at -> command.withSince((int) at.getEpochSecond()));
    try {
      command.exec(callback);
    } catch (RuntimeException e) {
      followed.remove(id);
      LOG.debug("following the output of {}: {}", id, EngineErrors.rootMessage(e));
      return;
    }
    if (!running) {
      readToEnd.add(id);
    }
  }

  private static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  /**
   * One container's output: its lines after {@code resumeAfter} (where it was stored: a collector
   * started again repeats none) go to the sink in order. The parts of one long line share the
   * engine's time, so lines are not filtered by time otherwise.
   */
  private final class Follow extends ResultCallback.Adapter<Frame> {
    private final InstanceRef ref;
    private final String id;
    private final Instant resumeAfter;
    private final OutputParser stdout = new OutputParser();
    private final OutputParser stderr = new OutputParser();

    Follow(InstanceRef ref, String id, Instant resumeAfter) {
      this.ref = ref;
      this.id = id;
      this.resumeAfter = resumeAfter;
    }

    @Override
    public void onNext(Frame frame) {
      boolean err = frame.getStreamType() == StreamType.STDERR;
      hand(err ? "stderr" : "stdout", (err ? stderr : stdout).feed(frame.getPayload()));
    }

    private void hand(String stream, List<OutputParser.Line> lines) {
      for (OutputParser.Line line : lines) {
        if (line.at().isAfter(resumeAfter)) {
          TaskLogSink.Output output =
              new TaskLogSink.Output(ref, id, stream, line.at(), line.text());
          try {
            while (!waiting.offer(output, 100, TimeUnit.MILLISECONDS)) {
              if (closed) {
                return; // nobody hands them any more
              }
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }

    @Override
    public void onError(Throwable throwable) {
      LOG.debug("output of {}: {}", id, EngineErrors.rootMessage(throwable));
      ended();
    }

    @Override
    public void onComplete() {
      ended();
    }

    private void ended() {
      hand("stdout", stdout.end());
      hand("stderr", stderr.end());
      followed.remove(id, this);
      try {
        super.close();
      } catch (java.io.IOException e) {
        // nothing left to release
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    for (Closeable stream : followed.values()) {
      try {
        stream.close();
      } catch (java.io.IOException | RuntimeException e) {
        // nothing left to release
      }
    }
    followed.clear();
    try {
      handing.join(1000); // what is waiting is stored
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
