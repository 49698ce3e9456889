package io.paasta.server.loop;

import io.paasta.model.InstanceRef;
import java.time.Clock;
import java.time.Duration;

/**
 * The daemon's queue of instance passes as the parts that ask for passes see it: SmartStack (an
 * instance's routing changed), monitoring (a check to evaluate again later), the API (an autoscaler
 * count changed). The wiring creates it first and hands it to each of them and to the daemon, whose
 * workers take from its {@link #queue}: nothing needs a reference to the daemon.
 */
public final class PassRequests {
  private final InstanceQueue<InstanceRef> queue;

  public PassRequests(Clock clock) {
    this.queue = new InstanceQueue<>(clock);
  }

  /** Asks for a pass of the instance soon (its desired state changed outside soa-configs). */
  public void now(InstanceRef ref) {
    queue.enqueue(ref);
  }

  /** Asks for a pass of the instance after {@code delay} (an earlier request wins). */
  public void after(InstanceRef ref, Duration delay) {
    queue.enqueueAfter(ref, delay);
  }

  /** The queue the daemon's workers take instances from. */
  public InstanceQueue<InstanceRef> queue() {
    return queue;
  }
}
