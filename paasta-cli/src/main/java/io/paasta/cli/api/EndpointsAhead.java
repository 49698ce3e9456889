package io.paasta.cli.api;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The API endpoints read on a daemon thread while the caller does other work (loads the service's
 * soa-configs): on two cores the system config's JSON, and Jackson's and the HTTP client's start,
 * overlap the YAML instead of following it. A failure is not kept: {@link #get} then reads again on
 * the caller's thread, so the caller meets the same exception at the same point as without this.
 */
public final class EndpointsAhead {
  private final Supplier<ApiEndpoints> read;
  private final FutureTask<ApiEndpoints> task;

  private EndpointsAhead(Supplier<ApiEndpoints> read, Consumer<ApiEndpoints> then) {
    this.read = read;
    this.task =
        new FutureTask<>(
            () -> {
              ApiEndpoints endpoints = read.get();
              try {
                then.accept(endpoints);
              } catch (RuntimeException e) {
                // only a head start: what it would have done is done when needed
              }
              return endpoints;
            });
  }

  /**
   * Starts reading the endpoints with {@code read}, which may run twice (see {@link #get}), then
   * (on the same thread, once they are read) hands them to {@code then}, whose failures are
   * ignored.
   */
  public static EndpointsAhead start(Supplier<ApiEndpoints> read, Consumer<ApiEndpoints> then) {
    EndpointsAhead ahead = new EndpointsAhead(read, then);
    Thread thread = new Thread(ahead.task, "paasta-endpoints");
    thread.setDaemon(true);
    thread.start();
    return ahead;
  }

  /** The endpoints read ahead; read again here when that failed (its exception thrown here). */
  public ApiEndpoints get() {
    try {
      return task.get();
    } catch (ExecutionException e) {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return read.get();
    }
  }
}
