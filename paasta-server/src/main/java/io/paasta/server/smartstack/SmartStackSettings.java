package io.paasta.server.smartstack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the daemon runs SmartStack on its host.
 *
 * @param stateDir where the embedded ZooKeeper keeps its data ({@code zookeeper/}), HAProxy its
 *     config and sockets ({@code haproxy/}), and the services file is written ({@code
 *     smartstack/services.json})
 * @param zookeeperPort the embedded ZooKeeper's port on 127.0.0.1 (used when the system config
 *     names no {@code zookeeper} ensemble); 0 picks a free one
 * @param statsPort HAProxy's stats port on 127.0.0.1 (the system config's synapse_port)
 * @param settle after a start, how long the proxy keeps its last backends before following
 *     ZooKeeper, so that a restarted daemon re-registers its tasks before any backend is removed
 */
public record SmartStackSettings(Path stateDir, int zookeeperPort, int statsPort, Duration settle) {
  public static final int DEFAULT_ZOOKEEPER_PORT = 2181;
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(5);

  public Path zookeeperDir() {
    return stateDir.resolve("zookeeper");
  }

  public Path haproxyDir() {
    return stateDir.resolve("haproxy");
  }

  public Path servicesFile() {
    return stateDir.resolve("smartstack").resolve("services.json");
  }
}
