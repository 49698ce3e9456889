package io.paasta.cli.api;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads that ask the clusters' APIs in parallel: daemon threads, so a command never waits.
 */
public final class ClusterThreads {
  private ClusterThreads() {}

  /** A cached pool of daemon threads named {@code name}. */
  public static ExecutorService pool(String name) {
    return Executors.newCachedThreadPool(
        task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
  }
}
