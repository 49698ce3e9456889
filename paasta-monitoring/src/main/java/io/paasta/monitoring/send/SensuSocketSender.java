package io.paasta.monitoring.send;

import io.paasta.monitoring.alert.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Sensu client socket protocol, as PaaSTA used it: one connection per event to {@code
 * sensu_host:sensu_port}, one JSON object (then a newline), then the client's answer: {@code ok}
 * (or the connection closed) is delivered, {@code invalid} is a rejection. The whole exchange has
 * one deadline: a watchdog closes the socket when it passes, so that a receiver that accepts and
 * never reads cannot hold the sender longer than the timeout.
 */
public final class SensuSocketSender implements EventSender {
  private static final int MAX_ANSWER = 64;

  private final String host;
  private final int port;
  private final Duration timeout;
  private final ScheduledExecutorService watchdog;

  public SensuSocketSender(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeout = timeout;
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "paasta-sensu-watchdog");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public String name() {
    return "sensu";
  }

  @Override
  public void send(Event event) throws SendException {
    byte[] data = (EventJson.toJson(event) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicBoolean expired = new AtomicBoolean();
    try (Socket socket = new Socket()) {
      ScheduledFuture<?> deadline =
          watchdog.schedule(
              () -> expire(socket, expired), timeout.toMillis(), TimeUnit.MILLISECONDS);
      try {
        socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(data);
        out.flush();
        check(answer(socket.getInputStream()));
      } finally {
        deadline.cancel(false);
      }
    } catch (SocketTimeoutException e) {
      throw SendException.retryable(
          where() + ": no answer within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      String reason =
          expired.get()
              ? "no answer within " + timeout.toMillis() + " ms"
              : String.valueOf(e.getMessage());
      throw SendException.retryable(where() + ": " + reason, e);
    }
  }

  private static void expire(Socket socket, AtomicBoolean expired) {
    expired.set(true);
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is all the watchdog can do
    }
  }

  /** Reads until {@code ok}, {@code invalid...}, the end of the stream, or a few bytes. */
  private static String answer(InputStream in) throws IOException {
    byte[] buffer = new byte[MAX_ANSWER];
    int length = 0;
    while (length < MAX_ANSWER) {
      int read = in.read(buffer, length, MAX_ANSWER - length);
      if (read < 0) {
        break;
      }
      length += read;
      String text = new String(buffer, 0, length, StandardCharsets.US_ASCII).strip();
      if (text.startsWith("ok") || text.startsWith("invalid")) {
        return text;
      }
    }
    return new String(buffer, 0, length, StandardCharsets.US_ASCII).strip();
  }

  private void check(String answer) throws SendException {
    if (answer.startsWith("invalid")) {
      throw SendException.rejected(where() + " answered '" + answer + "'");
    }
  }

  private String where() {
    return "Sensu client socket " + host + ":" + port;
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
