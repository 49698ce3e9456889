package io.paasta.discovery.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ZooKeeperAddressTest {
  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("zk://127.0.0.1:2181", "127.0.0.1:2181", null),
        Arguments.of("zk://host1:2181,host2:2182/", "host1:2181,host2:2182", null),
        Arguments.of("zk://zk-1.example.com:2181/paasta", "zk-1.example.com:2181", "/paasta"),
        Arguments.of("zk://a:1,b:2/nail/paasta/", "a:1,b:2", "/nail/paasta"),
        Arguments.of("zk://localhost", "localhost:2181", null),
        Arguments.of("zk://[::1]:2181/x", "[::1]:2181", "/x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parses(String value, String connectString, String chroot) {
    ZooKeeperAddress address = ZooKeeperAddress.parse(value);
    assertThat(address.connectString()).isEqualTo(connectString);
    assertThat(address.chroot()).isEqualTo(Optional.ofNullable(chroot));
  }

  static Stream<Arguments> garbage() {
    return Stream.of(
        Arguments.of("127.0.0.1:2181", "does not start with zk://"),
        Arguments.of("http://h:2181", "does not start with zk://"),
        Arguments.of("zk://", "a server is missing"),
        Arguments.of("zk://a:2181,,b:2181", "a server is missing"),
        Arguments.of("zk://a:b", "'a:b' is not host:port"),
        Arguments.of("zk://a:2181:3", "is not host:port"),
        Arguments.of("zk://a:99999", "port 99999"),
        Arguments.of("zk://a:0", "port 0"),
        Arguments.of("zk://a:2181//x", "chroot '//x' is not a ZooKeeper path"),
        Arguments.of("zk://a:2181/x/../y", "may not use '..'"),
        Arguments.of("zk://a b:2181", "is not host:port"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageIsReportedWithTheKeyAndTheExpectedForm(String value, String why) {
    assertThatThrownBy(() -> ZooKeeperAddress.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("system config key 'zookeeper' is '" + value + "'")
        .hasMessageContaining(why)
        .hasMessageContaining("expected zk://host:port");
  }

  @Test
  void chrootIsTheCuratorNamespace() {
    assertThat(ZooKeeperAddress.parse("zk://a:1/nail/paasta").curatorNamespace())
        .contains("nail/paasta");
    assertThat(ZooKeeperAddress.loopback(2181).toString()).isEqualTo("zk://127.0.0.1:2181");
    assertThat(new ZooKeeperAddress(List.of("a:1"), Optional.of("/p")).toString())
        .isEqualTo("zk://a:1/p");
  }

  @Test
  void retriesForeverWithABoundedExponentialBackoff() {
    ForeverBackoffRetry retry =
        new ForeverBackoffRetry(Duration.ofMillis(100), Duration.ofSeconds(5));
    assertThat(List.of(0, 1, 2, 5, 6, 100, Integer.MAX_VALUE).stream().map(retry::delayMs))
        .containsExactly(100L, 200L, 400L, 3200L, 5000L, 5000L, 5000L);
    assertThat(retry.allowRetry(1_000_000, Long.MAX_VALUE, (time, unit) -> {})).isTrue();
    assertThatThrownBy(() -> new ForeverBackoffRetry(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
