package io.paasta.discovery.haproxy;

import io.paasta.discovery.Endpoint;
import io.paasta.testing.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared set-up of the HAProxy integration tests: a state directory, a free stats port, the real
 * binary; after each test HAProxy is stopped by its pid and the test backends are closed.
 */
abstract class ProxyFixture {
  @TempDir Path dir;
  Path binary;
  ProxySettings settings;
  final List<TestBackend> backends = new ArrayList<>();
  private final List<LocalProxy> proxies = new ArrayList<>();

  @BeforeEach
  void setUpHaproxy() {
    binary = HaproxyBinary.require();
    settings =
        ProxySettings.defaults(dir.resolve("haproxy"))
            .withStatsPort(FreePorts.pick())
            .withServicesFile(dir.resolve("services.json"));
  }

  @AfterEach
  void stopHaproxy() {
    if (!proxies.isEmpty()) {
      proxies.get(0).stop(); // by the pid in the state directory
    }
    backends.forEach(TestBackend::close);
  }

  LocalProxy proxy() {
    return proxy(settings, LoopbackPorts::isFree);
  }

  LocalProxy proxy(ProxySettings withSettings, IntPredicate portFree) {
    LocalProxy proxy = new LocalProxy(withSettings, binary, Duration.ofSeconds(30), portFree);
    proxies.add(proxy);
    return proxy;
  }

  TestBackend backend(String id) throws Exception {
    TestBackend backend = new TestBackend(id);
    backends.add(backend);
    return backend;
  }

  static List<Endpoint> endpoints(TestBackend... backends) {
    return Arrays.stream(backends).map(TestBackend::endpoint).toList();
  }

  static Map<String, List<Endpoint>> routes(String namespace, TestBackend... backends) {
    return Map.of(namespace, endpoints(backends));
  }

  MasterStatus master(LocalProxy proxy) {
    return proxy.process().status().orElseThrow(() -> new AssertionError("HAProxy is not running"));
  }
}
