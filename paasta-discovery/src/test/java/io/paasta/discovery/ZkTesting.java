package io.paasta.discovery;

import io.paasta.discovery.zk.ZkClientSettings;
import io.paasta.discovery.zk.ZkClients;
import io.paasta.discovery.zk.ZooKeeperAddress;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/** A real in-process ZooKeeper server with short ticks, and clients of it, for the *IT tests. */
public final class ZkTesting {
  /** Short sessions so that an expired session's nodes go away within a few seconds. */
  public static final ZkClientSettings FAST =
      new ZkClientSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(1),
          Duration.ofMillis(50),
          Duration.ofMillis(500));

  private ZkTesting() {}

  /** A started server on a free port; sessions may be 0.4-4 s long (200 ms ticks). */
  public static TestingServer server() throws Exception {
    return new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, 200, -1), true);
  }

  /** A started client, not yet necessarily connected. */
  public static CuratorFramework client(TestingServer server) {
    return ZkClients.start(ZooKeeperAddress.parse("zk://" + server.getConnectString()), FAST);
  }

  /** A started client, connected. */
  public static CuratorFramework connectedClient(TestingServer server) throws InterruptedException {
    CuratorFramework client = client(server);
    if (!client.blockUntilConnected(10, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException("no connection to " + server.getConnectString());
    }
    return client;
  }
}
