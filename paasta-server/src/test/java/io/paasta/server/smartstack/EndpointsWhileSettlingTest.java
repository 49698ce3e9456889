package io.paasta.server.smartstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.discovery.Endpoint;
import io.paasta.discovery.haproxy.BackendStats;
import io.paasta.discovery.haproxy.ProxyStats;
import io.paasta.discovery.haproxy.ServerStats;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * What HAProxy keeps after a daemon start while ZooKeeper lists no registration of a namespace yet.
 * Found under load (load average 30): a restart took 7 s, the settle time (5 s) ended before the
 * daemon's first pass, whose health checker did not know the tasks yet ("running 0/3"); ZooKeeper's
 * empty view was applied and HAProxy answered 503 for 2 s while the 3 tasks ran healthy.
 */
class EndpointsWhileSettlingTest {
  private static final String NS = "web.main";
  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T13:04:08Z"));
  private final Instant settledAt = clock.instant().plus(SmartStackSettings.DEFAULT_SETTLE);
  private final Instant giveUpAt = settledAt.plus(SmartStack.LISTED_WITHIN);

  /** HAProxy routing the namespace to three tasks, all UP. */
  private static final ProxyStats ROUTED =
      routed(
          new ServerStats("s1", "127.0.0.1:31000", "UP", 1),
          new ServerStats("s2", "127.0.0.1:31001", "UP", 1),
          new ServerStats("s3", "127.0.0.1:31002", "UP", 1));

  private static ProxyStats routed(ServerStats... servers) {
    return new ProxyStats(
        Map.of(NS, "OPEN"), Map.of(NS, new BackendStats(NS, "UP", List.of(servers))));
  }

  /** ZooKeeper answered for the namespace: no registration in it (the old ones ended). */
  private static final Map<String, List<Endpoint>> NONE_REGISTERED = Map.of(NS, List.of());

  private Predicate<String> settlingNow(Set<String> listedSinceStart) {
    return ns ->
        EndpointsWhileSettling.settling(ns, clock.instant(), settledAt, giveUpAt, listedSinceStart);
  }

  private List<Integer> ports(Map<String, List<Endpoint>> merged) {
    return merged.get(NS).stream().map(Endpoint::port).sorted().toList();
  }

  @Test
  void withinTheSettleTimeHaproxysServersAreKept() {
    clock.advance(Duration.ofSeconds(4));
    assertThat(ports(EndpointsWhileSettling.merge(ROUTED, NONE_REGISTERED, settlingNow(Set.of()))))
        .containsExactly(31000, 31001, 31002);
  }

  @Test
  void pastTheSettleTimeANamespaceNotListedSinceTheStartKeepsItsServers() {
    clock.advance(Duration.ofSeconds(7)); // the daemon's first pass comes after the settle time
    assertThat(ports(EndpointsWhileSettling.merge(ROUTED, NONE_REGISTERED, settlingNow(Set.of()))))
        .as("no registration listed yet: the restarted daemon has not registered its tasks")
        .containsExactly(31000, 31001, 31002);
  }

  @Test
  void onceZooKeeperListedTheNamespaceItsViewIsFollowed() {
    clock.advance(Duration.ofSeconds(7));
    Map<String, List<Endpoint>> one =
        Map.of(NS, List.of(new Endpoint("127.0.0.1", 31001, "127.0.0.1_31001", 1)));
    assertThat(ports(EndpointsWhileSettling.merge(ROUTED, one, settlingNow(Set.of(NS)))))
        .containsExactly(31001);
    assertThat(
            ports(EndpointsWhileSettling.merge(ROUTED, NONE_REGISTERED, settlingNow(Set.of(NS)))))
        .as("listed since the start, then none: the tasks are gone")
        .isEmpty();
  }

  @Test
  void aNamespaceNeverListedAgainFollowsZooKeeperAfterTheBound() {
    clock.advance(SmartStackSettings.DEFAULT_SETTLE.plus(SmartStack.LISTED_WITHIN));
    assertThat(ports(EndpointsWhileSettling.merge(ROUTED, NONE_REGISTERED, settlingNow(Set.of()))))
        .isEmpty();
  }

  @Test
  void aNamespaceZooKeeperHasNotAnsweredForKeepsItsServersAnyTime() {
    clock.advance(Duration.ofHours(1));
    assertThat(ports(EndpointsWhileSettling.merge(ROUTED, Map.of(), settlingNow(Set.of(NS)))))
        .containsExactly(31000, 31001, 31002);
  }

  @Test
  void aDrainingOrFreedServerIsNotKept() {
    ProxyStats routed =
        routed(
            new ServerStats("s1", "127.0.0.1:31000", "UP", 1),
            new ServerStats("s2", "127.0.0.1:31001", "DRAIN", 0),
            new ServerStats("s3", "127.0.0.1:31002", "MAINT", 1));
    clock.advance(Duration.ofSeconds(4));
    assertThat(ports(EndpointsWhileSettling.merge(routed, NONE_REGISTERED, settlingNow(Set.of()))))
        .as("a draining task is going away: kept, it would be rendered again ready with weight 1")
        .containsExactly(31000);
  }
}
