package io.paasta.discovery.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paasta.discovery.Endpoint;
import io.paasta.discovery.ZkTesting;
import io.paasta.discovery.location.Location;
import io.paasta.discovery.registration.EndpointJson;
import io.paasta.model.ServiceInstance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscoveryWatcherIT {
  private static final Location REGION = new Location("region", "local");
  private static final NamespaceDiscovery MAIN =
      new NamespaceDiscovery(new ServiceInstance("svc", "main"), REGION);
  private static final NamespaceDiscovery CANARY =
      new NamespaceDiscovery(new ServiceInstance("svc", "canary"), REGION);

  private final List<Map<String, List<Endpoint>>> snapshots = new CopyOnWriteArrayList<>();
  private final List<String> garbage = new CopyOnWriteArrayList<>();
  private TestingServer server;
  private CuratorFramework writer;
  private CuratorFramework client;
  private DiscoveryWatcher watcher;

  @BeforeEach
  void start() throws Exception {
    server = ZkTesting.server();
    writer = ZkTesting.connectedClient(server);
    client = ZkTesting.connectedClient(server);
    watcher =
        new DiscoveryWatcher(
            client,
            new DiscoveryListener() {
              @Override
              public void snapshot(Map<String, List<Endpoint>> endpoints) {
                snapshots.add(endpoints);
              }

              @Override
              public void garbage(String path, String problem) {
                garbage.add(path + ": " + problem);
              }
            });
  }

  @AfterEach
  void stop() throws Exception {
    watcher.close();
    client.close();
    writer.close();
    server.close();
  }

  @Test
  void seesRegistrationsComeAndGo() throws Exception {
    register(MAIN, 31000);
    watcher.watch(Set.of(MAIN));
    awaitPorts("svc.main", 31000);

    register(MAIN, 31001);
    awaitPorts("svc.main", 31000, 31001);
    writer.delete().forPath(MAIN.path() + "/127.0.0.1_31000");
    awaitPorts("svc.main", 31001);
    assertThat(last().get("svc.main"))
        .containsExactly(new Endpoint("127.0.0.1", 31001, "127.0.0.1_31001", 10));
  }

  @Test
  void aNamespaceWithNoRegistrationsIsAnEmptyList() {
    watcher.watch(Set.of(MAIN));
    await().atMost(Duration.ofSeconds(10)).until(() -> !snapshots.isEmpty());
    assertThat(last()).isEqualTo(Map.of("svc.main", List.of()));
  }

  @Test
  void garbageNodesAreIgnoredWithAWarningNamingThePath() throws Exception {
    register(MAIN, 31000);
    writer
        .create()
        .creatingParentsIfNeeded()
        .forPath(MAIN.path() + "/junk", "junk".getBytes(StandardCharsets.UTF_8));
    writer
        .create()
        .forPath(
            MAIN.path() + "/noport", "{\"host\":\"127.0.0.1\"}".getBytes(StandardCharsets.UTF_8));
    watcher.watch(Set.of(MAIN));
    awaitPorts("svc.main", 31000);
    await().atMost(Duration.ofSeconds(10)).until(() -> garbage.size() == 2);
    assertThat(garbage)
        .anySatisfy(line -> assertThat(line).startsWith(MAIN.path() + "/junk: not JSON"))
        .anySatisfy(line -> assertThat(line).startsWith(MAIN.path() + "/noport: no \"port\""));

    register(MAIN, 31001); // a later change does not warn again about the same nodes
    awaitPorts("svc.main", 31000, 31001);
    assertThat(garbage).hasSize(2);
  }

  @Test
  void namespacesCanChangeAtRuntime() throws Exception {
    register(MAIN, 31000);
    register(CANARY, 31005);
    watcher.watch(Set.of(MAIN));
    awaitPorts("svc.main", 31000);
    assertThat(last()).doesNotContainKey("svc.canary");

    watcher.watch(Set.of(MAIN, CANARY));
    awaitPorts("svc.canary", 31005);
    assertThat(last().get("svc.main")).extracting(Endpoint::port).containsExactly(31000);

    watcher.watch(Set.of(CANARY));
    await().atMost(Duration.ofSeconds(10)).until(() -> !last().containsKey("svc.main"));
    assertThat(watcher.watched()).containsExactly(CANARY);

    NamespaceDiscovery elsewhere =
        new NamespaceDiscovery(CANARY.namespace(), new Location("region", "other"));
    watcher.watch(Set.of(elsewhere));
    await().atMost(Duration.ofSeconds(10)).until(() -> List.of().equals(last().get("svc.canary")));
  }

  @Test
  void withZooKeeperDownTheLastSnapshotStaysAndChangesArriveAfterARestart() throws Exception {
    register(MAIN, 31000);
    watcher.watch(Set.of(MAIN));
    awaitPorts("svc.main", 31000);
    // a registration whose owner dies while ZooKeeper is down: its session expires after the
    // restart
    CuratorFramework doomed = ZkTesting.connectedClient(server);
    doomed
        .create()
        .withMode(CreateMode.EPHEMERAL)
        .forPath(MAIN.path() + "/127.0.0.1_31001", json(31001));
    awaitPorts("svc.main", 31000, 31001);
    int published = snapshots.size();

    server.stop();
    await().atMost(Duration.ofSeconds(10)).until(() -> !client.getZookeeperClient().isConnected());
    doomed.close();
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> snapshots.size() == published);
    assertThat(ports(last().get("svc.main"))).containsExactly(31000, 31001);

    server.restart();
    register(MAIN, 31002);
    awaitPorts("svc.main", 31000, 31002);
    assertThat(snapshots.subList(published, snapshots.size()))
        .allSatisfy(snapshot -> assertThat(snapshot.get("svc.main")).isNotEmpty());
  }

  private void register(NamespaceDiscovery namespace, int port) throws Exception {
    writer
        .create()
        .creatingParentsIfNeeded()
        .forPath(namespace.path() + "/127.0.0.1_" + port, json(port));
  }

  private static byte[] json(int port) {
    return EndpointJson.encode(new Endpoint("127.0.0.1", port, "127.0.0.1_" + port, 10));
  }

  private Map<String, List<Endpoint>> last() {
    return snapshots.isEmpty() ? Map.of() : snapshots.get(snapshots.size() - 1);
  }

  private void awaitPorts(String namespace, Integer... ports) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ports(last().get(namespace)).equals(List.of(ports)));
  }

  private static List<Integer> ports(List<Endpoint> endpoints) {
    return endpoints == null ? List.of() : endpoints.stream().map(Endpoint::port).toList();
  }
}
