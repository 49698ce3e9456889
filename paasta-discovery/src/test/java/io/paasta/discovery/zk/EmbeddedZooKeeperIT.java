package io.paasta.discovery.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.paasta.discovery.Endpoint;
import io.paasta.discovery.ZkTesting;
import io.paasta.discovery.location.Location;
import io.paasta.discovery.registration.NerveRegistrar;
import io.paasta.discovery.registration.Registration;
import io.paasta.discovery.watch.DiscoveryWatcher;
import io.paasta.discovery.watch.NamespaceDiscovery;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.ServiceInstance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedZooKeeperIT {
  @TempDir Path dir;

  @Test
  void servesClientsAndKeepsItsDataAcrossARestart() throws Exception {
    Path data = dir.resolve("zookeeper");
    int port;
    try (EmbeddedZooKeeper server = EmbeddedZooKeeper.start(data, 0)) {
      port = server.port();
      assertThat(port).isPositive();
      assertThat(server.address().toString()).isEqualTo("zk://127.0.0.1:" + port);
      CuratorFramework client = connected(server);
      client.create().creatingParentsIfNeeded().forPath("/paasta/kept", bytes("hello"));
      client.close();
    }
    try (EmbeddedZooKeeper server = EmbeddedZooKeeper.start(data, port)) {
      CuratorFramework client = connected(server);
      assertThat(new String(client.getData().forPath("/paasta/kept"), StandardCharsets.UTF_8))
          .isEqualTo("hello");
      client.close();
    }
  }

  @Test
  void aTakenPortIsReportedClearly() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> EmbeddedZooKeeper.start(dir.resolve("zk"), port))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("127.0.0.1:" + port)
          .hasMessageContaining("the port is taken");
    }
    // nothing is left behind: the same directory serves afterwards
    try (EmbeddedZooKeeper server = EmbeddedZooKeeper.start(dir.resolve("zk"), 0)) {
      connected(server).close();
    }
  }

  @Test
  void aRegistrationReachesAWatcherThroughTheEmbeddedServer() throws Exception {
    try (EmbeddedZooKeeper server = EmbeddedZooKeeper.start(dir.resolve("zk"), 0)) {
      CuratorFramework client = connected(server);
      AtomicReference<Map<String, List<Endpoint>>> seen = new AtomicReference<>(Map.of());
      NerveRegistrar registrar = new NerveRegistrar(client, Duration.ofSeconds(5));
      DiscoveryWatcher watcher = new DiscoveryWatcher(client, seen::set);
      ServiceInstance namespace = new ServiceInstance("svc", "main");
      watcher.watch(Set.of(new NamespaceDiscovery(namespace, new Location("region", "local"))));
      Endpoint endpoint = new Endpoint("127.0.0.1", 31000, "127.0.0.1_31000", 10);
      registrar.sync(
          new InstanceRef("svc", "local", "main", InstanceKind.MARATHON),
          Set.of(new Registration("/nerve/region:local/svc.main/127.0.0.1_31000", endpoint)));

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> List.of(endpoint).equals(seen.get().get("svc.main")));
      registrar.close();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> List.of().equals(seen.get().get("svc.main")));
      watcher.close();
      client.close();
    }
  }

  @Test
  void aChrootOfTheSystemConfigIsWhereTheClientWorks() throws Exception {
    try (EmbeddedZooKeeper server = EmbeddedZooKeeper.start(dir.resolve("zk"), 0)) {
      ZooKeeperAddress chrooted =
          ZooKeeperAddress.parse("zk://127.0.0.1:" + server.port() + "/nail/paasta");
      CuratorFramework inside = ZkClients.start(chrooted, ZkTesting.FAST);
      inside.create().creatingParentsIfNeeded().forPath("/nerve/x", bytes("1"));
      CuratorFramework root = connected(server);
      assertThat(root.checkExists().forPath("/nail/paasta/nerve/x")).isNotNull();
      assertThat(root.checkExists().forPath("/nerve")).isNull();
      inside.close();
      root.close();
    }
  }

  private static CuratorFramework connected(EmbeddedZooKeeper server) throws InterruptedException {
    CuratorFramework client = ZkClients.start(server, ZkTesting.FAST);
    assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
    return client;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
