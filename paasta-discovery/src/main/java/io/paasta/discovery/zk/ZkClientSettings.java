package io.paasta.discovery.zk;

import java.time.Duration;

/**
 * How a ZooKeeper client behaves.
 *
 * @param sessionTimeout how long ZooKeeper keeps this host's ephemeral registrations after losing
 *     touch with it
 * @param connectionTimeout how long one operation waits for a connection before it is retried
 * @param retryBase first wait between retries
 * @param retryMax longest wait between retries
 */
public record ZkClientSettings(
    Duration sessionTimeout, Duration connectionTimeout, Duration retryBase, Duration retryMax) {
  public static final ZkClientSettings DEFAULTS =
      new ZkClientSettings(
          Duration.ofSeconds(15),
          Duration.ofSeconds(2),
          Duration.ofMillis(100),
          Duration.ofSeconds(5));
}
