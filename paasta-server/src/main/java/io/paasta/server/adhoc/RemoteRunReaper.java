package io.paasta.server.adhoc;

import io.paasta.server.DaemonLog;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sweeps the remote-runs ({@link RemoteRuns#sweep}) every {@code interval} on its own thread: a run
 * is stopped within about that long past its time limit, whether this daemon started it or an
 * earlier one did.
 */
public final class RemoteRunReaper implements AutoCloseable {
  private final ScheduledExecutorService executor;

  private RemoteRunReaper(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  public static RemoteRunReaper start(RemoteRuns runs, Duration interval, DaemonLog log) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "paasta-remote-runs");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            runs.sweep();
          } catch (RuntimeException e) {
            log.warn("remote-run", "sweeping the remote-runs failed (retried): " + e.getMessage());
          }
        },
        0,
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
    return new RemoteRunReaper(executor);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
