package io.paasta.planning.backend;

import io.paasta.model.InstanceRef;

/**
 * Takes a task out of service discovery (the {@code hacheck} drain method): its registrations are
 * removed and the proxies stop sending it new requests. A port every backend that drains tasks
 * takes at construction (see {@link BackendPorts}); the daemon provides it when it runs SmartStack,
 * and without it hacheck only waits its delay.
 */
@FunctionalInterface
public interface DiscoveryDrain {
  /**
   * @throws RuntimeException when the task could not be taken out (the drain then counts as failed:
   *     safe to kill at once, as PaaSTA did)
   */
  void takeOut(InstanceRef ref, String host, int port);

  /**
   * Whether the proxies still have requests in flight to a task taken out (so that killing it now
   * would fail them); false when unknown.
   */
  default boolean busy(InstanceRef ref, String host, int port) {
    return false;
  }

  /** No discovery: nothing to take the task out of. */
  DiscoveryDrain NONE = (ref, host, port) -> {};
}
