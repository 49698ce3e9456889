package io.paasta.discovery.registration;

import static io.paasta.discovery.DiscoveryFixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.paasta.discovery.Endpoint;
import io.paasta.discovery.ZkTesting;
import io.paasta.model.InstanceRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NerveRegistrarIT {
  private static final InstanceRef MAIN = ref("svc", "main");
  private static final InstanceRef CANARY = ref("svc", "canary");

  private TestingServer server;
  private CuratorFramework client;
  private CuratorFramework checker;
  private NerveRegistrar registrar;

  @BeforeEach
  void start() throws Exception {
    server = ZkTesting.server();
    client = ZkTesting.connectedClient(server);
    checker = ZkTesting.connectedClient(server);
    registrar = new NerveRegistrar(client, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() throws Exception {
    registrar.close();
    client.close();
    checker.close();
    server.close();
  }

  @Test
  void aHealthyTaskGetsAnEphemeralNodeWithItsJson() throws Exception {
    Registration registration = registration("svc.main", 31000, 10);
    registrar.sync(MAIN, Set.of(registration));

    awaitNode(registration.path());
    assertThat(json(registration.path()))
        .isEqualTo(
            "{\"host\":\"127.0.0.1\",\"port\":31000,\"name\":\"127.0.0.1_31000\",\"weight\":10}");
    Stat stat = checker.checkExists().forPath(registration.path());
    assertThat(stat.getEphemeralOwner()).isEqualTo(sessionId(client));
    assertThat(registrar.registrations(MAIN)).containsExactly(registration);
  }

  @Test
  void syncRemovesWhatIsNoLongerWantedAndRewritesWhatChanged() throws Exception {
    Registration first = registration("svc.main", 31000, 10);
    Registration second = registration("svc.main", 31001, 10);
    registrar.sync(MAIN, Set.of(first, second));
    awaitNode(first.path());
    awaitNode(second.path());

    Registration heavier = registration("svc.main", 31001, 20);
    registrar.sync(MAIN, Set.of(heavier));
    awaitNoNode(first.path());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> json(second.path()).contains("\"weight\":20"));

    registrar.sync(MAIN, Set.of());
    awaitNoNode(second.path());
    assertThat(registrar.registrations(MAIN)).isEmpty();
  }

  @Test
  void syncingTheSameSetAgainKeepsTheSameNode() throws Exception {
    Registration registration = registration("svc.main", 31000, 10);
    registrar.sync(MAIN, Set.of(registration));
    awaitNode(registration.path());
    long created = checker.checkExists().forPath(registration.path()).getCzxid();

    registrar.sync(MAIN, Set.of(registration(("svc.main"), 31000, 10)));
    registrar.sync(CANARY, Set.of(registration("svc.canary", 31005, 10)));
    awaitNode("/nerve/region:local/svc.canary/127.0.0.1_31005");
    assertThat(checker.checkExists().forPath(registration.path()).getCzxid()).isEqualTo(created);
  }

  @Test
  void deregisterRemovesOneTaskOnly() throws Exception {
    Registration draining = registration("svc.main", 31000, 10);
    Registration staying = registration("svc.main", 31001, 10);
    Registration canary = registration("svc.canary", 31000, 10);
    registrar.sync(MAIN, Set.of(draining, staying));
    registrar.sync(CANARY, Set.of(canary));
    awaitNode(canary.path());
    awaitNode(staying.path());

    assertThat(registrar.deregister("127.0.0.1", 31000)).isEqualTo(2);
    awaitNoNode(draining.path());
    awaitNoNode(canary.path());
    assertThat(checker.checkExists().forPath(staying.path())).isNotNull();
  }

  @Test
  void anExpiredSessionIsFollowedByANewRegistration() throws Exception {
    Registration registration = registration("svc.main", 31000, 10);
    registrar.sync(MAIN, Set.of(registration));
    awaitNode(registration.path());
    long oldSession = sessionId(client);

    client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              Stat stat = checker.checkExists().forPath(registration.path());
              long now = sessionId(client);
              return stat != null && now != oldSession && stat.getEphemeralOwner() == now;
            });
    assertThat(json(registration.path())).contains("\"port\":31000");
  }

  @Test
  void withZooKeeperDownSyncReturnsAtOnceAndCatchesUpAfterwards() throws Exception {
    Registration before = registration("svc.main", 31000, 10);
    registrar.sync(MAIN, Set.of(before));
    awaitNode(before.path());

    server.stop();
    Registration during = registration("svc.main", 31001, 10);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          registrar.sync(MAIN, Set.of(during));
          registrar.deregister("127.0.0.1", 31001);
          registrar.sync(MAIN, Set.of(during));
        });
    server.restart();

    awaitNode(during.path());
    awaitNoNode(before.path());
  }

  @Test
  void closeRemovesTheNodes() throws Exception {
    Registration registration = registration("svc.main", 31000, 10);
    registrar.sync(MAIN, Set.of(registration));
    awaitNode(registration.path());
    registrar.close();
    assertThat(checker.checkExists().forPath(registration.path())).isNull();
    assertThatCode(() -> registrar.sync(MAIN, Set.of(registration))).doesNotThrowAnyException();
  }

  private static Registration registration(String namespace, int port, int weight) {
    String name = "127.0.0.1_" + port;
    return new Registration(
        "/nerve/region:local/" + namespace + "/" + name,
        new Endpoint("127.0.0.1", port, name, weight));
  }

  private void awaitNode(String path) {
    await().atMost(Duration.ofSeconds(20)).until(() -> checker.checkExists().forPath(path) != null);
  }

  private void awaitNoNode(String path) {
    await().atMost(Duration.ofSeconds(20)).until(() -> checker.checkExists().forPath(path) == null);
  }

  private String json(String path) throws Exception {
    return new String(checker.getData().forPath(path), StandardCharsets.UTF_8);
  }

  private static long sessionId(CuratorFramework client) throws Exception {
    return client.getZookeeperClient().getZooKeeper().getSessionId();
  }
}
