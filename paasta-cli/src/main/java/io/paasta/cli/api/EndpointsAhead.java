package io.paasta.cli.api;

import io.paasta.deploy.http.BlockingHttp;
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
  private final Consumer<ApiEndpoints> then;
  private final FutureTask<ApiEndpoints> task;

  private EndpointsAhead(Supplier<ApiEndpoints> read, Consumer<ApiEndpoints> then) {
    this.read = read;
    this.then = then;
    this.task = new FutureTask<>(read::get);
  }

  /** Reads, then (the endpoints already available to {@link #get}) hands them on. */
  private void run() {
    task.run();
    ApiEndpoints endpoints;
    try {
      endpoints = task.get(); // done: at once
    } catch (ExecutionException e) {
      return; // get() reads again and meets the failure
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      then.accept(endpoints);
    } catch (RuntimeException e) {
      // only a head start: what it would have done is done when needed
    }
  }

  /**
   * Starts reading the endpoints with {@code read}, which may run twice (see {@link #get}), then
   * (on the same thread, once they are read and {@link #get} has them) hands them to {@code then},
   * whose failures are ignored. Meanwhile a third thread readies the HTTP client ({@link
   * BlockingHttp#prepare}), so that the first request sent after the read does not start from cold.
   */
  public static EndpointsAhead start(Supplier<ApiEndpoints> read, Consumer<ApiEndpoints> then) {
    EndpointsAhead ahead = new EndpointsAhead(read, then);
    daemon(BlockingHttp::prepare, "paasta-http-prepare");
    daemon(ahead::run, "paasta-endpoints");
    return ahead;
  }

  private static void daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
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
