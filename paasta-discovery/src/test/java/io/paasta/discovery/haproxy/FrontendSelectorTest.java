package io.paasta.discovery.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.ProxyMode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrontendSelectorTest {
  private static final int STATS = 3212;

  @Test
  void everyValidNamespaceWithAFreePortIsAcceptedSortedByName() {
    FrontendSelection selection =
        FrontendSelector.select(
            List.of(spec("web.main", 20001), spec("api.main", 20002)), STATS, Set.of(), p -> true);
    assertThat(selection.accepted())
        .extracting(FrontendSpec::name)
        .containsExactly("api.main", "web.main");
    assertThat(selection.problems()).isEmpty();
  }

  @Test
  void twoNamespacesOnOnePortTheFirstByNameKeepsItAndBothAreNamed() {
    FrontendSelection selection =
        FrontendSelector.select(
            List.of(spec("web.main", 20001), spec("api.main", 20001), spec("db.main", 20003)),
            STATS,
            Set.of(),
            p -> true);
    assertThat(selection.accepted())
        .extracting(FrontendSpec::name)
        .containsExactly("api.main", "db.main");
    assertThat(selection.problems())
        .containsExactly(
            "proxy_port 20001 is claimed by api.main, web.main: api.main keeps it (first by name),"
                + " web.main is not routed (give each namespace its own proxy_port in smartstack.yaml)");
  }

  @Test
  void aPortTakenByAnotherProcessLeavesOnlyThatNamespaceOut() {
    FrontendSelection selection =
        FrontendSelector.select(
            List.of(spec("web.main", 20001), spec("api.main", 20002)),
            STATS,
            Set.of(),
            p -> p != 20002);
    assertThat(selection.accepted()).extracting(FrontendSpec::name).containsExactly("web.main");
    assertThat(selection.problems())
        .singleElement()
        .asString()
        .contains("api.main is not routed", "proxy_port 20002", "already in use");
  }

  @Test
  void portsOurHaproxyHoldsAreNotProbed() {
    FrontendSelection selection =
        FrontendSelector.select(List.of(spec("web.main", 20001)), STATS, Set.of(20001), p -> false);
    assertThat(selection.accepted()).hasSize(1);
    assertThat(selection.problems()).isEmpty();
  }

  @Test
  void badNamesPortsAndPathsAreProblemsOfTheirNamespaceOnly() {
    FrontendSpec badUri =
        new FrontendSpec(
            "p.main", 20009, ProxyMode.HTTP, 200, 1000, 1000, 1, Optional.of("/a b"), 1000);
    FrontendSelection selection =
        FrontendSelector.select(
            List.of(
                spec("web main", 20001),
                spec("stats", 20002),
                spec("big.main", 70000),
                spec("st.main", STATS),
                badUri,
                spec("ok.main", 20005),
                spec("ok.main", 20006)),
            STATS,
            Set.of(),
            p -> true);
    assertThat(selection.accepted()).containsExactly(spec("ok.main", 20005));
    assertThat(selection.problems())
        .containsExactlyInAnyOrder(
            "namespace \"web main\" is not routed: HAProxy names may only hold letters, digits and . _ : -",
            "namespace \"stats\" is not routed: HAProxy names may only hold letters, digits and . _ : -",
            "big.main is not routed: proxy_port 70000 is not in 1..65535",
            "st.main is not routed: proxy_port 3212 is the port of HAProxy's stats page",
            "p.main is not routed: healthcheck_uri \"/a b\" must be a path starting with / without spaces",
            "ok.main is given twice; the first one is routed");
  }

  private static FrontendSpec spec(String name, int port) {
    return FrontendSpec.withDefaults(name, port);
  }
}
