package io.paasta.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load through a proxy port: {@code connections} threads, each sending HTTP/1.0 GETs
 * on a fresh loopback connection one after another, until stopped, a time limit or a request bound
 * (so it always stops by itself). Counts answered and failed requests (no response, or a status
 * other than 200), apart among these the 504s (HAProxy's server timeout: a task too slow to answer,
 * as on a machine short of CPU), and keeps the first failures with their time.
 */
final class ProxyLoad implements AutoCloseable {
  /**
   * What a load measured.
   *
   * @param failed every failed request
   * @param timedOut the failed ones that were HAProxy's 504 (the task did not answer in time)
   */
  record Result(long ok, long failed, long timedOut, Duration lasted, List<String> firstFailures) {
    /** Failures other than a slow task's: no server, refused or reset connections, 502/503. */
    long routingFailures() {
      return failed - timedOut;
    }

    @Override
    public String toString() {
      return String.format(
          "%d answered, %d failed (%d of them 504) in %d ms",
          ok, failed, timedOut, lasted.toMillis());
    }
  }

  private static final int KEPT_FAILURES = 30;

  private final int port;
  private final String path;
  private final long maxRequests;
  private final long deadlineNanos;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> threads = new ArrayList<>();
  private final long startNanos = System.nanoTime();
  private long stopNanos;

  private ProxyLoad(int port, String path, Duration maxTime, long maxRequests) {
    this.port = port;
    this.path = path;
    this.maxRequests = maxRequests;
    this.deadlineNanos = startNanos + maxTime.toNanos();
  }

  /** Starts {@code connections} looping clients. */
  static ProxyLoad start(
      int port, String path, int connections, Duration maxTime, long maxRequests) {
    ProxyLoad load = new ProxyLoad(port, path, maxTime, maxRequests);
    for (int i = 0; i < connections; i++) {
      Thread t = new Thread(load::loop, "proxy-load-" + i);
      t.setDaemon(true);
      load.threads.add(t);
      t.start();
    }
    return load;
  }

  private void loop() {
    while (running.get()
        && System.nanoTime() < deadlineNanos
        && ok.get() + failed.get() < maxRequests) {
      String failure = get();
      if (failure == null) {
        ok.incrementAndGet();
      } else {
        failed.incrementAndGet();
        if (failure.equals("HTTP 504")) {
          timedOut.incrementAndGet();
        }
        if (failures.size() < KEPT_FAILURES) {
          failures.add(
              String.format("+%d ms: %s", (System.nanoTime() - startNanos) / 1_000_000, failure));
        }
      }
    }
  }

  /** One request; null when answered 200, else why not. */
  private String get() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String response = readAll(socket.getInputStream());
      if (response.startsWith("HTTP/1.") && response.length() >= 12) {
        String status = response.substring(9, 12);
        return status.equals("200") ? null : "HTTP " + status;
      }
      return response.isEmpty() ? "empty response" : "not an HTTP response";
    } catch (IOException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  /** Stops the clients and returns what they measured. */
  Result stop() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join();
    }
    if (stopNanos == 0) {
      stopNanos = System.nanoTime();
    }
    return new Result(
        ok.get(),
        failed.get(),
        timedOut.get(),
        Duration.ofNanos(stopNanos - startNanos),
        List.copyOf(failures));
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
