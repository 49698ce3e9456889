package io.paasta.discovery.zk;

import io.paasta.model.SystemConfig;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;

/**
 * Builds started Curator clients for the configured ensemble or the embedded server. Starting does
 * not wait for a connection: the daemon starts while ZooKeeper is down, and every operation retries
 * until it is back ({@link ForeverBackoffRetry}).
 */
public final class ZkClients {
  private ZkClients() {}

  /**
   * The ensemble of the system config's {@code zookeeper} key; empty when the key is not set (the
   * daemon then runs the embedded server).
   *
   * @throws IllegalArgumentException when the value is not a ZooKeeper address
   */
  public static Optional<ZooKeeperAddress> configured(SystemConfig config) {
    return config.zookeeper().filter(value -> !value.isBlank()).map(ZooKeeperAddress::parse);
  }

  /** A started client of the ensemble, its chroot as the client's namespace. */
  public static CuratorFramework start(ZooKeeperAddress address, ZkClientSettings settings) {
    CuratorFrameworkFactory.Builder builder =
        CuratorFrameworkFactory.builder()
            .connectString(address.connectString())
            .sessionTimeoutMs(Math.toIntExact(settings.sessionTimeout().toMillis()))
            .connectionTimeoutMs(Math.toIntExact(settings.connectionTimeout().toMillis()))
            .retryPolicy(new ForeverBackoffRetry(settings.retryBase(), settings.retryMax()));
    address.curatorNamespace().ifPresent(builder::namespace);
    CuratorFramework client = builder.build();
    client.start();
    return client;
  }

  /** A started client of the embedded server. */
  public static CuratorFramework start(EmbeddedZooKeeper server, ZkClientSettings settings) {
    return start(server.address(), settings);
  }
}
