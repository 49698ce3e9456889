package io.paasta.backend.docker.logs;

import com.github.dockerjava.api.DockerClient;
import io.paasta.backend.docker.ObservedStateMapper;
import io.paasta.backend.docker.engine.ContainerListClient;
import io.paasta.backend.docker.engine.ManagedContainer;
import io.paasta.engine.EngineErrors;
import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.TaskLogSink;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * <p>It runs for every line every task prints, so it is lean: each container's stream is a
 * connection of its own to the engine ({@link ContainerOutput}: the raw stream, decoded in bulk,
 * not docker-java's frame by frame), and one thread reads them all when the engine has sent
 * something, handing what one round read to the sink in one call (so that a busy cluster's lines
 * are stored in few writes, and one line alone as soon as it comes). A slow sink holds the reading
 * back; the engine keeps what was not read yet.
 */
public final class TaskOutputCollector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskOutputCollector.class);
  private static final int READ_BUFFER = 256 * 1024;
  private static final int BATCH = 4_096;

  /**
   * How long the reader waits after a round that read something, so that the next round finds more
   * (the engine sends each line of a busy task alone): what keeps the reads, writes and wake-ups
   * per line low. A line that comes alone is handed at once; those after it wait at most this.
   */
  private static final long LINGER_MILLIS = 25;

  private final URI engine;
  private final ContainerListClient containers;
  private final String cluster;
  private final TaskLogSink sink;
  private final Duration rescan;
  private final Thread thread;
  private final Thread reading;
  private final Selector selector;
  private final Queue<ContainerOutput> opened = new ConcurrentLinkedQueue<>();
  private final Map<String, ContainerOutput> followed = new ConcurrentHashMap<>();
  private final Set<String> readToEnd = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param docker lists the containers
   * @param engine the same engine's address ({@code unix://} or {@code tcp://}), where the output
   *     streams are read
   */
  public TaskOutputCollector(
      DockerClient docker, URI engine, String cluster, TaskLogSink sink, Duration rescan) {
    this.engine = engine;
    this.containers = new ContainerListClient(docker);
    this.cluster = cluster;
    this.sink = sink;
    this.rescan = rescan;
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("opening a selector for the tasks' output", e);
    }
    this.thread = new Thread(this::run, "paasta-output-collector");
    thread.setDaemon(true);
    this.reading = new Thread(this::read, "paasta-output-reading");
    reading.setDaemon(true);
  }

  /** Starts scanning and reading; {@link #close} stops both. */
  public TaskOutputCollector start() {
    reading.start();
    thread.start();
    return this;
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
    ContainerOutput output;
    try {
      output = ContainerOutput.open(engine, ref, id, stored.orElse(Instant.EPOCH));
    } catch (IOException | RuntimeException e) {
      LOG.debug("following the output of {}: {}", id, EngineErrors.rootMessage(e));
      return;
    }
    followed.put(id, output);
    opened.add(output);
    selector.wakeup();
    if (closed) { // the reader may be gone already
      output.close();
    }
    if (!running) {
      readToEnd.add(id);
    }
  }

  private static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  /**
   * Reads every followed container's stream when the engine has sent something, and hands the lines
   * of each round to the sink together, until closed.
   */
  private void read() {
    ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
    List<TaskLogSink.Output> batch = new ArrayList<>();
    try {
      while (!closed) {
        register();
        selector.select(1000);
        for (SelectionKey key : selector.selectedKeys()) {
          readFrom((ContainerOutput) key.attachment(), buffer, batch);
          if (batch.size() >= BATCH) {
            hand(batch);
          }
        }
        selector.selectedKeys().clear();
        if (!batch.isEmpty()) {
          hand(batch);
          Thread.sleep(LINGER_MILLIS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | ClosedSelectorException e) {
      LOG.debug("reading the tasks' output: {}", e.toString());
    } finally {
      followed.values().forEach(ContainerOutput::close);
      opened.forEach(ContainerOutput::close);
      try {
        selector.close();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }

  private void register() throws IOException {
    for (ContainerOutput output; (output = opened.poll()) != null; ) {
      output.channel().register(selector, SelectionKey.OP_READ, output);
    }
  }

  private void readFrom(ContainerOutput output, ByteBuffer buffer, List<TaskLogSink.Output> batch) {
    boolean open;
    try {
      open = output.read(buffer, batch);
    } catch (IOException e) {
      LOG.debug("output of {}: {}", output.id(), e.toString());
      open = false;
    }
    if (!open) {
      output.refusal().ifPresent(why -> LOG.debug("output of {}: {}", output.id(), why));
      output.close();
      followed.remove(output.id(), output);
    }
  }

  private void hand(List<TaskLogSink.Output> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      sink.outputs(batch);
    } catch (RuntimeException e) {
      LOG.debug("storing task output: {}", e.toString());
    } finally {
      batch.clear();
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    selector.wakeup(); // not interrupted: that would close the file the sink writes

    try {
      reading.join(1000); // what was read is stored
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    followed.clear();
  }
}
