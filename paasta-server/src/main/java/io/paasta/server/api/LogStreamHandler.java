package io.paasta.server.api;

import io.paasta.config.logs.LogEntry;
import io.paasta.config.logs.LogFilter;
import io.paasta.config.logs.LogFollower;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /v1/services/{service}/logs/stream} ({@code paasta logs -f}): the service's new log
 * lines as they are written, one stored JSON line per line ({@code application/x-ndjson}), with an
 * empty line every few seconds while there is nothing new (so that idle connections stay open),
 * until the client goes away or the daemon stops. The same filters as {@link LogsResource}; at most
 * {@code maxStreams} at once (others get 503). Every other request goes to the wrapped handler.
 */
public final class LogStreamHandler extends Handler.Wrapper {
  private static final Pattern PATH = Pattern.compile("/v1/services/([^/]+)/logs/stream");
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration KEEPALIVE = Duration.ofSeconds(5);

  private final LogsResource logs;
  private final Semaphore streams;
  private volatile boolean stopping;

  public LogStreamHandler(LogsResource logs, int maxStreams, Handler next) {
    super(next);
    this.logs = logs;
    this.streams = new Semaphore(maxStreams);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Matcher path = PATH.matcher(request.getHttpURI().getPath());
    if (!path.matches() || !"GET".equals(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    String service;
    LogFilter filter;
    String format;
    try {
      ApiRequest api =
          new ApiRequest("GET", Map.of("service", path.group(1)), ApiHandler.query(request), "");
      service = LogsResource.service(api);
      filter = LogsResource.filter(api);
      format = logs.pathFormat();
    } catch (ProblemException e) {
      answer(response, callback, e.status(), e.detail());
      return true;
    }
    if (!streams.tryAcquire()) {
      answer(response, callback, 503, "too many log streams are open; try again later");
      return true;
    }
    try (LogFollower follower = new LogFollower(format, service, filter)) {
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/x-ndjson");
      response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
      send(response, "\n"); // the headers go now: the client knows it follows
      long quietSince = System.nanoTime();
      while (!stopping) {
        List<LogEntry> entries = follower.poll();
        if (!entries.isEmpty()) {
          StringBuilder text = new StringBuilder();
          entries.forEach(e -> text.append(e.raw()).append('\n'));
          send(response, text.toString());
          quietSince = System.nanoTime();
        } else if (System.nanoTime() - quietSince > KEEPALIVE.toNanos()) {
          send(response, "\n");
          quietSince = System.nanoTime();
        }
        Thread.sleep(POLL.toMillis());
      }
      response.write(true, ByteBuffer.allocate(0), callback);
    } catch (Exception e) {
      callback.failed(e); // the client went away (or the daemon stops)
    } finally {
      streams.release();
    }
    return true;
  }

  private static void send(Response response, String text) throws java.io.IOException {
    try (Blocker.Callback blocker = Blocker.callback()) {
      response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), blocker);
      blocker.block();
    }
  }

  private static void answer(Response response, Callback callback, int status, String detail) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ProblemDocument.CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(Json.write(ProblemDocument.of(status, detail))), callback);
  }

  @Override
  protected void doStop() throws Exception {
    stopping = true;
    super.doStop();
  }
}
