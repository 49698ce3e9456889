package io.paasta.server.api;

import io.paasta.server.events.ChangeFeed;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /v1/events}: server-sent events telling what changed, as it changes: {@code event:
 * instance} or {@code event: job} with {@code data: {"service", "instance"}}; a reader re-reads
 * that instance's or job's documents. Non-blocking: a stream holds no thread. Pending events of a
 * stream are merged (the same change twice is sent once); a client that falls behind (a write
 * outstanding for {@link #SLOW}, or more than {@link #MAX_PENDING} distinct changes waiting) is
 * dropped, and its browser reconnects and re-reads everything. At most {@code maxStreams} at once
 * (others get 503). Every other request goes to the wrapped handler.
 */
public final class EventStreamHandler extends Handler.Wrapper {
  public static final String PATH = "/v1/events";
  static final Duration KEEPALIVE = Duration.ofSeconds(10);
  static final Duration SLOW = Duration.ofSeconds(20);
  static final int MAX_PENDING = 5000;

  private final ChangeFeed feed;
  private final int maxStreams;
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService ticker;

  public EventStreamHandler(ChangeFeed feed, int maxStreams, Handler next) {
    super(next);
    this.feed = feed;
    this.maxStreams = maxStreams;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!PATH.equals(request.getHttpURI().getPath()) || !"GET".equals(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    if (streams.size() >= maxStreams) {
      response.setStatus(503);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDocument.CONTENT_TYPE);
      response.write(
          true,
          ByteBuffer.wrap(
              Json.write(
                  ProblemDocument.of(503, "too many event streams are open; try again later"))),
          callback);
      return true;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Stream stream = new Stream(response, callback);
    streams.add(stream);
    stream.subscription = feed.subscribe(change -> stream.offer(event(change)));
    stream.offer("retry: 1000\n: connected\n\n"); // the headers go now: the client knows it follows
    return true;
  }

  /** How many streams are open now. */
  public int streams() {
    return streams.size();
  }

  static String event(ChangeFeed.Change change) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("service", change.service());
    data.put("instance", change.instance());
    return "event: "
        + change.kind()
        + "\ndata: "
        + new String(Json.write(data), StandardCharsets.UTF_8)
        + "\n\n";
  }

  @Override
  protected void doStart() throws Exception {
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "paasta-api-events");
              thread.setDaemon(true);
              return thread;
            });
    long every = KEEPALIVE.toMillis();
    ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    super.doStart();
  }

  /** Drops the streams that fell behind; tells the others that the connection is alive. */
  private void tick() {
    long now = System.nanoTime();
    for (Stream stream : streams) {
      if (stream.writingFor(now) > SLOW.toNanos()) {
        stream.drop(new java.io.IOException("the client reads its events too slowly"));
      } else {
        stream.offer(": keepalive\n\n");
      }
    }
  }

  @Override
  protected void doStop() throws Exception {
    ticker.shutdownNow();
    for (Stream stream : streams) {
      stream.drop(new java.io.IOException("the daemon stops"));
    }
    super.doStop();
  }

  /** One client's stream: changes wait in {@code pending} while a write is outstanding. */
  private final class Stream {
    private final Response response;
    private final Callback done;
    private final Set<String> pending = new LinkedHashSet<>();
    private boolean writing;
    private long writingSince;
    private boolean closed;
    private volatile AutoCloseable subscription = () -> {};

    Stream(Response response, Callback done) {
      this.response = response;
      this.done = done;
    }

    void offer(String event) {
      boolean overflow;
      boolean start;
      synchronized (this) {
        if (closed) {
          return;
        }
        pending.add(event);
        overflow = pending.size() > MAX_PENDING;
        if (overflow) {
          closed = true;
        }
        start = !overflow && !writing;
        if (start) {
          writing = true; // this thread writes; the others leave their events in pending
        }
      }
      if (overflow) {
        finish(new java.io.IOException("the client fell more than " + MAX_PENDING + " behind"));
      } else if (start) {
        writeNext();
      }
    }

    synchronized long writingFor(long now) {
      return writing ? now - writingSince : 0;
    }

    /**
     * Writes every pending event in one go; the next go starts when this one is written. Called
     * only by the thread that set {@code writing}, or by the completion of the previous write.
     */
    private void writeNext() {
      String chunk;
      synchronized (this) {
        if (closed || pending.isEmpty()) {
          writing = false;
          return;
        }
        chunk = String.join("", pending);
        pending.clear();
        writingSince = System.nanoTime();
      }
      response.write(
          false,
          ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8)),
          Callback.from(this::writeNext, this::drop));
    }

    void drop(Throwable why) {
      synchronized (this) {
        closed = true;
      }
      finish(why);
    }

    private void finish(Throwable why) {
      if (streams.remove(this)) {
        try {
          subscription.close();
        } catch (Exception e) {
          // removing a listener does not fail
        }
        done.failed(why);
      }
    }
  }
}
