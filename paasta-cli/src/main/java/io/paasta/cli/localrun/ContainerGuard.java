package io.paasta.cli.localrun;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Removes a local-run container when local-run ends, however it ends: at {@link #close}, or from a
 * shutdown hook when the JVM is stopped first (Ctrl-C, SIGTERM). Removing twice is harmless.
 */
final class ContainerGuard implements AutoCloseable {
  private final Runnable remove;
  private final Thread hook;
  private final AtomicBoolean removed = new AtomicBoolean();

  /**
   * @param remove stops and removes the container (gone counts as removed)
   * @param progress told when the hook removes it
   */
  ContainerGuard(String name, Runnable remove, Consumer<String> progress) {
    this.remove = remove;
    this.hook =
        new Thread(
            () -> {
              if (!removed.get()) {
                progress.accept("==> stopping and removing " + name);
                removeOnce();
              }
            },
            "paasta-local-run-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Removes the container now, unless the hook did (or is doing: this waits for it).
   *
   * @return whether this call removed it
   */
  boolean removeNow() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook removes it (too)
    }
    return removeOnce();
  }

  @Override
  public void close() {
    removeNow();
  }

  /** Synchronized: a second caller waits for a removal in progress to finish. */
  private synchronized boolean removeOnce() {
    if (removed.get()) {
      return false;
    }
    remove.run();
    removed.set(true);
    return true;
  }
}
