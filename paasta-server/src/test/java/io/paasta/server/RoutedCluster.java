package io.paasta.server;

import io.paasta.discovery.haproxy.LocalProxy;
import io.paasta.discovery.haproxy.LoopbackPorts;
import io.paasta.discovery.haproxy.ProxySettings;
import io.paasta.model.SystemConfig;
import io.paasta.server.smartstack.SmartStackSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link LocalClusterFixture}'s daemon with SmartStack, as {@code paasta server} runs it: its
 * embedded ZooKeeper, the real HAProxy (state in {@code stateDir}) and its API; and requests
 * through HAProxy to the namespace {@code main} of the fixture's service on {@link #proxyPort}.
 */
final class RoutedCluster {
  final int proxyPort = LoopbackPorts.freePort();
  private final LocalClusterFixture cluster;
  private final Path stateDir;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  RoutedCluster(LocalClusterFixture cluster, Path stateDir) {
    this.cluster = cluster;
    this.stateDir = stateDir;
  }

  /** Starts the daemon (events to the log and a closed Sensu port); returns its API's base URI. */
  URI start(Optional<String> token) throws IOException {
    return start(
        token,
        system(
            "localhost",
            LoopbackPorts.freePort(),
            Map.of(
                "location",
                Map.of(
                    "habitat", "it1", "region", "it", "superregion", "it", "ecosystem", "test"))));
  }

  /** Starts the daemon with {@code system} (see {@link #system}); returns its API's base URI. */
  URI start(Optional<String> token, SystemConfig system) throws IOException {
    return cluster.startServer(
        stateDir,
        token,
        system,
        Optional.of(
            new SmartStackSettings(
                stateDir, 0, system.synapsePort(), SmartStackSettings.DEFAULT_SETTLE)));
  }

  /**
   * The fixture's system config with a Sensu client at {@code sensuHost:sensuPort}, HAProxy's stats
   * on a free port, and {@code raw} as its other keys (location, monitoring senders).
   */
  SystemConfig system(String sensuHost, int sensuPort, Map<String, Object> raw) {
    SystemConfig base = cluster.system();
    return new SystemConfig(
        base.cluster(),
        base.dockerRegistry(),
        Optional.empty(),
        List.of(),
        Map.of(),
        Map.of(),
        sensuHost,
        sensuPort,
        "localhost",
        LoopbackPorts.freePort(),
        Optional.empty(),
        raw);
  }

  /** The status code of {@code GET /status} through HAProxy; -1 when it does not answer. */
  int getThroughProxy() {
    String outcome = outcomeThroughProxy();
    return outcome.matches("\\d+") ? Integer.parseInt(outcome) : -1;
  }

  /**
   * What {@code GET /status} through HAProxy gave: its status code, or the exception's class and
   * message when it did not answer (to tell a refused connection from a reset or a time-out).
   */
  String outcomeThroughProxy() {
    try {
      return String.valueOf(
          http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxyPort + "/status"))
                      .timeout(Duration.ofSeconds(3))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode());
    } catch (IOException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** Addresses of the namespace's servers UP in HAProxy (none while it does not answer). */
  List<String> upInHaproxy() {
    try {
      return new LocalProxy(ProxySettings.defaults(stateDir.resolve("haproxy")))
          .stats()
          .backend(cluster.service + ".main")
          .map(b -> b.servers().stream().filter(s -> s.available()).map(s -> s.address()).toList())
          .orElse(List.of());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /** Stops HAProxy (the fixture stops the daemon and its tasks). */
  void stopProxy() {
    new LocalProxy(ProxySettings.defaults(stateDir.resolve("haproxy"))).stop();
  }
}
