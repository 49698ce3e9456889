package io.paasta.bench.localcluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.paasta.bench.smartstack.Http10;
import io.paasta.engine.DockerEngine;
import io.paasta.planning.app.Labels;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local-cluster benchmark's stopwatch: the engine's own record of a bounce, independent of the
 * daemon. It follows the engine's container events and writes, one line each, {@code <epoch ns>
 * <action> <container id> <git sha or ->} for every event of a container whose {@code
 * paasta_cluster} label is one of the given clusters; and for every such container that starts with
 * a {@code paasta_port0} label, {@code <epoch ns> answer <id> <sha>} at the first {@code 200} of
 * {@code GET <path>} on that port, polled every {@value #POLL_MS} ms in-process (no process start
 * per probe, so the stopwatch takes little CPU from what it measures).
 *
 * <pre>
 *   EngineTimeline OUT_FILE PATH CLUSTER [CLUSTER...]
 * </pre>
 *
 * <p>Writes {@code ready} on stdout once the event stream is open; runs until killed.
 */
public final class EngineTimeline implements Closeable {
  static final int POLL_MS = 5;
  private static final long GIVE_UP_NS = TimeUnit.SECONDS.toNanos(30);

  private final PrintWriter out;
  private final String path;
  private final Set<String> clusters;
  private final ScheduledExecutorService probes =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "timeline-probe");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, Boolean> probing = new ConcurrentHashMap<>();

  EngineTimeline(PrintWriter out, String path, Set<String> clusters) {
    this.out = out;
    this.path = path;
    this.clusters = clusters;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: EngineTimeline OUT_FILE PATH CLUSTER [CLUSTER...]");
      System.exit(2);
    }
    PrintWriter out =
        new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8), true);
    Set<String> clusters = Set.of(java.util.Arrays.copyOfRange(args, 2, args.length));
    try (DockerClient docker = DockerEngine.fromEnvironment().open();
        EngineTimeline timeline = new EngineTimeline(out, args[1], clusters)) {
      CountDownLatch open = new CountDownLatch(1);
      docker
          .eventsCmd()
          .withEventTypeFilter(EventType.CONTAINER)
          .exec(
              new ResultCallback.Adapter<Event>() {
                @Override
                public void onStart(Closeable stream) {
                  super.onStart(stream);
                  open.countDown();
                }

                @Override
                public void onNext(Event event) {
                  timeline.onEvent(event);
                }

                @Override
                public void onError(Throwable error) {
                  System.err.println("EngineTimeline: the event stream broke: " + error);
                  System.exit(1);
                }
              });
      if (!open.await(10, TimeUnit.SECONDS)) {
        System.err.println("EngineTimeline: the engine's event stream did not open in 10 s");
        System.exit(1);
      }
      System.out.println("ready");
      System.out.flush();
      new CountDownLatch(1).await(); // until killed
    }
  }

  void onEvent(Event event) {
    if (event.getActor() == null || event.getActor().getAttributes() == null) {
      return;
    }
    Map<String, String> attributes = event.getActor().getAttributes();
    if (!clusters.contains(attributes.get(Labels.CLUSTER))) {
      return;
    }
    String id = event.getActor().getId();
    String sha = attributes.getOrDefault(Labels.GIT_SHA, "-");
    String action = event.getAction() != null ? event.getAction() : event.getStatus();
    long nanos =
        event.getTimeNano() != null ? event.getTimeNano() : event.getTime() * 1_000_000_000L;
    write(nanos, action, id, sha);
    String port = attributes.get(Labels.PORT0);
    if ("start".equals(action) && port != null && probing.putIfAbsent(id, true) == null) {
      long since = System.nanoTime();
      probe(id, sha, Integer.parseInt(port), since);
    }
  }

  private void probe(String id, String sha, int port, long since) {
    probes.schedule(
        () -> {
          if (Http10.get(port, path, 100, 1000).ok()) {
            write(epochNanos(), "answer", id, sha);
          } else if (System.nanoTime() - since < GIVE_UP_NS) {
            probe(id, sha, port, since);
          }
        },
        POLL_MS,
        TimeUnit.MILLISECONDS);
  }

  private synchronized void write(long nanos, String action, String id, String sha) {
    out.println(nanos + " " + action + " " + id + " " + sha);
  }

  private static long epochNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public void close() throws IOException {
    probes.shutdownNow();
    out.close();
  }
}
