package io.paasta.backend.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.paasta.backend.kubernetes.apply.LeaderLease;
import io.paasta.backend.kubernetes.testing.BackendHarness;
import io.paasta.backend.kubernetes.testing.MockCluster;
import io.paasta.planning.backend.BackendException;
import io.paasta.planning.plan.Plan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two daemons of one cluster: one leads through the Lease and executes; the other only plans. */
class LeaderLeaseTest {
  @Test
  void onlyTheLeaderExecutesAndAFollowerTakesOverWhenItGoes() {
    MockCluster mock = new MockCluster();
    KubernetesClient first = mock.client();
    try (BackendHarness harness =
        new BackendHarness(mock, onChange -> Optional.of(lease(first, "first", onChange)))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !harness.plan().actions().isEmpty());
      KubernetesClient secondClient = mock.client();
      KubernetesBackend second =
          harness.backend(
              secondClient, onChange -> Optional.of(lease(secondClient, "second", onChange)));
      try {
        Plan follower = harness.plan(second);
        assertThat(follower.actions()).isEmpty();
        assertThat(follower.status())
            .endsWith("(a follower: first leads; this daemon executes nothing)");
        assertThatThrownBy(
                () -> second.execute(harness.fixture.ref(), harness.plan().actions().get(0)))
            .isInstanceOf(BackendException.class)
            .hasMessageContaining("no longer the leader");
        harness.converge(); // the leader executes
        assertThat(harness.plan(second).status()).isEqualTo("Running: 3/3 ready (3 Healthy)");
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        second.onEngineBack(told::add);
        harness.backend.close(); // the leader goes (its lease released)
        // the new leader passes every instance at once (as when the engine comes back)
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> told.contains("this daemon (second) leads cluster local now"));
        harness.fixture.instances = 4;
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> !harness.plan(second).actions().isEmpty());
      } finally {
        second.close();
      }
    }
  }

  private static LeaderLease lease(KubernetesClient client, String identity, Runnable onChange) {
    return new LeaderLease(
        client, "default", "paasta-local", identity, Duration.ofSeconds(3), onChange);
  }
}
