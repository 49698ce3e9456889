package io.paasta.backend.kubernetes.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.paasta.backend.kubernetes.FleetSettings;
import io.paasta.backend.kubernetes.InstanceRendering;
import io.paasta.backend.kubernetes.KubernetesBackend;
import io.paasta.backend.kubernetes.apply.LeaderLease;
import io.paasta.backend.kubernetes.secrets.SecretSettings;
import io.paasta.model.KubernetesCluster;
import io.paasta.planning.observed.ObservedInstance;
import io.paasta.planning.plan.Plan;
import io.paasta.planning.testing.ConfigFixture;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link KubernetesBackend} on a {@link MockCluster} with {@link FakeControllers}, for one
 * instance ({@link #fixture}, which a test changes between passes).
 */
public final class BackendHarness implements AutoCloseable {
  public static final KubernetesCluster CLUSTER = MockCluster.CLUSTER;

  /** The test cluster, with the image pull secret made from {@code dockerConfig} when given. */
  public static KubernetesCluster cluster(Optional<String> dockerConfig) {
    return new KubernetesCluster(
        CLUSTER.name(),
        CLUSTER.kubeconfig(),
        CLUSTER.context(),
        CLUSTER.inCluster(),
        CLUSTER.registry(),
        dockerConfig,
        CLUSTER.namespacePrefix());
  }

  public final ManualClock clock = new ManualClock();
  public final ConfigFixture fixture = new ConfigFixture();
  public final MockCluster mock;
  public final KubernetesClient admin;
  public final FakeControllers controllers;
  public final KubernetesBackend backend;
  private final KubernetesCluster cluster;
  private final SecretSettings secrets;

  /** The clean-up's grace period (and period): a test moves the clock past it. */
  public final Duration sweepEvery = Duration.ofSeconds(60);

  public BackendHarness() {
    this(new MockCluster(), onChange -> Optional.empty());
  }

  public BackendHarness(MockCluster mock, Function<Runnable, Optional<LeaderLease>> lease) {
    this(mock, lease, CLUSTER, SecretSettings.none(CLUSTER.name()));
  }

  /** A backend of {@code cluster} whose Secrets come from {@code secrets}. */
  public BackendHarness(KubernetesCluster cluster, SecretSettings secrets) {
    this(new MockCluster(), onChange -> Optional.empty(), cluster, secrets);
  }

  private BackendHarness(
      MockCluster mock,
      Function<Runnable, Optional<LeaderLease>> lease,
      KubernetesCluster cluster,
      SecretSettings secrets) {
    this.cluster = cluster;
    this.secrets = secrets;
    this.mock = mock;
    this.admin = mock.client();
    this.controllers = new FakeControllers(admin, clock);
    this.backend = backend(mock.client(), lease);
  }

  /** Another backend (a second daemon) on the same mock. */
  public KubernetesBackend backend(
      KubernetesClient client, Function<Runnable, Optional<LeaderLease>> lease) {
    return new KubernetesBackend(
            "local",
            client,
            new InstanceRendering(cluster, service -> Map.of()),
            clock,
            lease,
            new FleetSettings(secrets, "paastasvc-", false, sweepEvery))
        .start(Duration.ofSeconds(30));
  }

  public Plan plan() {
    return plan(backend);
  }

  public Plan plan(KubernetesBackend on) {
    return on.plan(
        fixture.ref(),
        true,
        Optional.of(fixture.desired()),
        Optional.of(fixture.config()),
        observed(),
        clock.instant());
  }

  public ObservedInstance observed() {
    return backend.observe(fixture.ref());
  }

  public void execute(Plan plan) {
    plan.actions().forEach(a -> backend.execute(fixture.ref(), a));
  }

  public void awaitNoActions() {
    await().atMost(Duration.ofSeconds(20)).until(() -> plan().actions().isEmpty());
  }

  /** Plans and executes until the plan is empty, then lets the controllers settle. */
  public void converge() {
    execute(plan());
    awaitNoActions();
    controllers.settle(10);
    int pods = controllers.pods(p -> true).size();
    await().until(() -> backend.observe(fixture.ref()).tasks().size() == pods);
  }

  @Override
  public void close() {
    backend.close();
    admin.close();
    mock.close();
  }
}
