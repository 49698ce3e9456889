package io.paasta.bench.smartstack;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The end of a bounce as a client sees it: HAProxy routes to exactly the new tasks, each UP, and
 * every old task is gone (its port refuses connections).
 */
final class Convergence {
  private final ProxyView proxy;

  Convergence(ProxyView proxy) {
    this.proxy = proxy;
  }

  /**
   * Waits until the namespace routes to exactly {@code ports} and none of {@code gone} answers.
   *
   * @throws IllegalStateException after {@code timeout}
   */
  void await(Set<Integer> ports, Collection<Integer> gone, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!proxy.routesExactly(ports) || gone.stream().anyMatch(Convergence::answers)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "HAProxy did not route to exactly the tasks on ports "
                + ports
                + " with the old ones ("
                + gone
                + ") gone within "
                + timeout);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  /** Whether something still accepts connections on the port. */
  static boolean answers(int port) {
    return !Http10.get(port, "/status", 200, 1000).error().contains("ConnectException");
  }
}
