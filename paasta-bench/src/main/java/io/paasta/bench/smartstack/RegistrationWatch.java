package io.paasta.bench.smartstack;

import io.paasta.discovery.Endpoint;
import io.paasta.discovery.location.Location;
import io.paasta.discovery.watch.DiscoveryListener;
import io.paasta.discovery.watch.DiscoveryWatcher;
import io.paasta.discovery.watch.NamespaceDiscovery;
import io.paasta.discovery.zk.ZkClientSettings;
import io.paasta.discovery.zk.ZkClients;
import io.paasta.discovery.zk.ZooKeeperAddress;
import io.paasta.model.ServiceInstance;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;

/**
 * The benchmark namespace's registrations in the daemon's ZooKeeper, watched on a session of our
 * own (as another host's discovery would): when each port was first seen registered. Splits the
 * propagation latency into the daemon's registration and the way from ZooKeeper to HAProxy; the
 * watch's own delay (a notification and a read, about a millisecond on loopback) counts in the
 * first part.
 */
final class RegistrationWatch implements DiscoveryListener, AutoCloseable {
  private final CuratorFramework client;
  private final DiscoveryWatcher watcher;
  private final Map<Integer, Long> firstSeen = new ConcurrentHashMap<>();

  RegistrationWatch(int zookeeperPort, ServiceInstance namespace, Location location)
      throws InterruptedException {
    client = ZkClients.start(ZooKeeperAddress.loopback(zookeeperPort), ZkClientSettings.DEFAULTS);
    if (!client.blockUntilConnected(30, TimeUnit.SECONDS)) {
      client.close();
      throw new IllegalStateException("no ZooKeeper on 127.0.0.1:" + zookeeperPort);
    }
    watcher = new DiscoveryWatcher(client, this);
    watcher.watch(Set.of(new NamespaceDiscovery(namespace, location)));
  }

  @Override
  public void snapshot(Map<String, List<Endpoint>> endpoints) {
    long now = System.nanoTime();
    endpoints.values().forEach(list -> list.forEach(e -> firstSeen.putIfAbsent(e.port(), now)));
  }

  /** Forgets an earlier registration of the port (a new task may use it again). */
  void forget(int port) {
    firstSeen.remove(port);
  }

  /** When the port was first seen registered since it was last forgotten ({@code nanoTime}). */
  OptionalLong firstSeen(int port) {
    Long at = firstSeen.get(port);
    return at == null ? OptionalLong.empty() : OptionalLong.of(at);
  }

  @Override
  public void close() {
    watcher.close();
    client.close();
  }
}
