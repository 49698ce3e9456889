package io.paasta.backend.kubernetes.apply;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One leader among the daemons of a cluster, through a Kubernetes Lease (fabric8's {@code
 * LeaderElector}): the leader executes plans; followers observe and serve the API, and take over
 * within a lease duration when the leader goes.
 */
public final class LeaderLease implements AutoCloseable {
  private final AtomicBoolean leading = new AtomicBoolean();
  private final AtomicReference<String> leader = new AtomicReference<>("");
  private final String identity;
  private final CompletableFuture<?> running;

  /**
   * @param namespace where the Lease lives
   * @param name the Lease's name (one per cluster)
   * @param identity this daemon's (host and pid)
   */
  public LeaderLease(
      KubernetesClient client,
      String namespace,
      String name,
      String identity,
      Duration leaseDuration,
      Runnable onChange) {
    this.identity = identity;
    this.running =
        client
            .leaderElector()
            .withConfig(
                new LeaderElectionConfigBuilder()
                    .withName(name)
                    .withLock(new LeaseLock(namespace, name, identity))
                    .withLeaseDuration(leaseDuration)
                    .withRenewDeadline(leaseDuration.multipliedBy(2).dividedBy(3))
                    .withRetryPeriod(leaseDuration.dividedBy(5))
                    .withReleaseOnCancel()
                    .withLeaderCallbacks(
                        new LeaderCallbacks(
                            () -> {
                              leading.set(true);
                              onChange.run();
                            },
                            () -> leading.set(false),
                            newLeader -> {
                              leader.set(newLeader);
                              onChange.run();
                            }))
                    .build())
            .build()
            .start();
  }

  public boolean leading() {
    return leading.get();
  }

  /** The leader's identity as last seen ("" before any). */
  public String leader() {
    return leader.get();
  }

  public String identity() {
    return identity;
  }

  /** Empty while this daemon leads; else {@code a follower: <leader> leads} (or no leader yet). */
  public java.util.Optional<String> follower() {
    if (leading()) {
      return java.util.Optional.empty();
    }
    String now = leader();
    return java.util.Optional.of(
        "a follower: " + (now.isEmpty() ? "no leader yet" : now + " leads"));
  }

  @Override
  public void close() {
    running.cancel(true);
    leading.set(false);
  }
}
