package io.paasta.discovery.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paasta.discovery.Endpoint;
import io.paasta.testing.FreePorts;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** LocalProxy against the real HAProxy 2.6: routing, runtime-only backend changes, bad input. */
class LocalProxyIT extends ProxyFixture {
  private static final String WEB = "web.main";

  @Test
  void anEndpointIsRoutableAsSoonAsApplyReturnsAndBackendChangesNeedNoReload() throws Exception {
    TestBackend a = backend("a");
    TestBackend b = backend("b");
    int port = FreePorts.pick();
    List<FrontendSpec> frontends = List.of(FrontendSpec.withDefaults(WEB, port));
    LocalProxy proxy = proxy();

    ApplyResult first = proxy.apply(frontends, routes(WEB, a));
    assertThat(first.problems()).isEmpty();
    assertThat(first.started()).isTrue();
    assertThat(proxy.isUp(WEB, "127.0.0.1", a.port())).as("UP at once, before any check").isTrue();
    assertThat(HttpProbe.body(port)).isEqualTo("a");
    MasterStatus before = master(proxy);

    ApplyResult both = proxy.apply(frontends, routes(WEB, a, b));
    assertThat(both.reloaded()).isFalse();
    assertThat(bodies(port, 20)).containsExactlyInAnyOrder("a", "b");

    ApplyResult onlyB = proxy.apply(frontends, routes(WEB, b));
    assertThat(onlyB.problems()).isEmpty();
    assertThat(bodies(port, 10)).containsExactly("b");
    assertThat(proxy.isUp(WEB, "127.0.0.1", a.port())).isFalse();

    ApplyResult none = proxy.apply(frontends, Map.of());
    assertThat(HttpProbe.get(port, "/").status()).as("no endpoint left").isEqualTo(503);
    assertThat(none.routed()).containsEntry(WEB, port);

    assertThat(proxy.reloads()).isZero();
    assertThat(master(proxy)).isEqualTo(before); // same master, same worker, no reload
  }

  @Test
  void aRestartedApplyReadsTheSlotsBackAndChangesNothing() throws Exception {
    TestBackend a = backend("a");
    List<FrontendSpec> frontends = List.of(FrontendSpec.withDefaults(WEB, FreePorts.pick()));
    LocalProxy proxy = proxy();
    assertThat(proxy.apply(frontends, routes(WEB, a)).runtimeCommands()).isEqualTo(3);
    ApplyResult again = proxy.apply(frontends, routes(WEB, a));
    assertThat(again.runtimeCommands()).isZero();
    assertThat(again.reloaded()).isFalse();
  }

  @Test
  void moreEndpointsThanSlotsGrowTheBackendByOneReloadKeepingEveryEndpoint() throws Exception {
    ProxySettings fourSlots =
        new ProxySettings(settings.stateDir(), settings.statsPort(), 4, settings.servicesFile());
    LocalProxy proxy = proxy(fourSlots, LoopbackPorts::isFree);
    int port = FreePorts.pick();
    List<FrontendSpec> frontends = List.of(FrontendSpec.withDefaults(WEB, port));
    TestBackend[] six = new TestBackend[6];
    for (int i = 0; i < six.length; i++) {
      six[i] = backend("t" + i);
    }
    proxy.apply(frontends, routes(WEB, six[0], six[1], six[2]));
    ApplyResult grown = proxy.apply(frontends, routes(WEB, six));
    assertThat(grown.problems()).isEmpty();
    assertThat(grown.reloaded()).isTrue();
    assertThat(proxy.stats().backend(WEB).orElseThrow().servers()).hasSize(8);
    for (TestBackend backend : six) {
      assertThat(proxy.isUp(WEB, "127.0.0.1", backend.port()))
          .as(backend.endpoint().name())
          .isTrue();
    }
    assertThat(bodies(port, 30)).containsExactlyInAnyOrder("t0", "t1", "t2", "t3", "t4", "t5");
  }

  @Test
  void aProxyPortTakenByAnotherProcessLeavesOnlyThatNamespaceOut() throws Exception {
    TestBackend a = backend("a");
    int apiPort = FreePorts.pick();
    try (ServerSocket squatter = FreePorts.squat()) {
      int taken = squatter.getLocalPort();
      int shared = FreePorts.pick();
      LocalProxy proxy = proxy();
      ApplyResult result =
          proxy.apply(
              List.of(
                  FrontendSpec.withDefaults(WEB, taken),
                  FrontendSpec.withDefaults("api.main", apiPort),
                  FrontendSpec.withDefaults("db.main", shared),
                  FrontendSpec.withDefaults("cache.main", shared)),
              Map.of(
                  WEB,
                  endpoints(a),
                  "api.main",
                  endpoints(a),
                  "cache.main",
                  endpoints(a),
                  "db.main",
                  endpoints(a)));
      assertThat(result.problems())
          .anySatisfy(p -> assertThat(p).contains(WEB, Integer.toString(taken), "already in use"))
          .anySatisfy(p -> assertThat(p).contains("cache.main keeps it", "db.main is not routed"))
          .hasSize(2);
      assertThat(result.routed()).isEqualTo(Map.of("api.main", apiPort, "cache.main", shared));
      assertThat(HttpProbe.body(apiPort)).isEqualTo("a");
      assertThat(HttpProbe.body(shared)).isEqualTo("a");
      Map<?, ?> services =
          new ObjectMapper().readValue(settings.servicesFile().orElseThrow().toFile(), Map.class);
      assertThat(services)
          .isEqualTo(
              Map.of(
                  "api.main", Map.of("host", "127.0.0.1", "port", apiPort),
                  "cache.main", Map.of("host", "127.0.0.1", "port", shared)));
    }
  }

  @Test
  void anUnresolvableHostIsAProblemOfThatEndpointOnly() throws Exception {
    TestBackend a = backend("a");
    int port = FreePorts.pick();
    LocalProxy proxy = proxy();
    Endpoint ghost = new Endpoint("no-such-host.invalid", 31000, "ghost", 1);
    ApplyResult result =
        proxy.apply(
            List.of(FrontendSpec.withDefaults(WEB, port)),
            Map.of(WEB, List.of(ghost, a.endpoint())));
    assertThat(result.problems())
        .singleElement()
        .asString()
        .contains("ghost", "no-such-host.invalid");
    assertThat(HttpProbe.body(port)).isEqualTo("a");
  }

  @Test
  void aDrainedEndpointGetsNoNewRequestsAndIsNotUp() throws Exception {
    TestBackend a = backend("a");
    TestBackend b = backend("b");
    int port = FreePorts.pick();
    List<FrontendSpec> frontends = List.of(FrontendSpec.withDefaults(WEB, port));
    LocalProxy proxy = proxy();
    proxy.apply(frontends, routes(WEB, a, b));
    assertThat(proxy.drain(WEB, "127.0.0.1", a.port())).isTrue();
    assertThat(proxy.drain(WEB, "127.0.0.1", 1)).as("no such endpoint").isFalse();
    assertThat(proxy.isUp(WEB, "127.0.0.1", a.port())).isFalse();
    assertThat(bodies(port, 10)).containsExactly("b");
    ApplyResult again = proxy.apply(frontends, routes(WEB, a, b));
    assertThat(again.runtimeCommands()).as("a drained endpoint stays drained").isZero();
    assertThat(proxy.stats().backend(WEB).orElseThrow().availableCount()).isEqualTo(1);
  }

  @Test
  void theStatsPageServesCsvOnTheStatsPort() throws Exception {
    TestBackend a = backend("a");
    LocalProxy proxy = proxy();
    proxy.apply(List.of(FrontendSpec.withDefaults(WEB, FreePorts.pick())), routes(WEB, a));
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + settings.statsPort() + "/;csv;norefresh"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    ProxyStats stats = StatsCsvParser.parse(page.body());
    assertThat(stats.backend(WEB).orElseThrow().isUp("127.0.0.1:" + a.port())).isTrue();
    assertThat(stats.availableCount(WEB)).isEqualTo(1);
  }

  private static Set<String> bodies(int port, int requests) throws Exception {
    Set<String> bodies = new HashSet<>();
    for (int i = 0; i < requests; i++) {
      bodies.add(HttpProbe.body(port));
    }
    return bodies;
  }
}
