package io.paasta.discovery.haproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.NamespaceConfig;
import io.paasta.model.ProxyMode;
import io.paasta.model.ServiceInstance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FrontendSpecTest {
  @Test
  void aNamespaceWithAProxyPortBecomesAFrontendWithItsTimeoutsAndCheck() {
    FrontendSpec spec =
        FrontendSpec.of(namespace(OptionalInt.of(20001), ProxyMode.HTTP, Optional.empty()))
            .orElseThrow();
    assertThat(spec)
        .isEqualTo(
            new FrontendSpec(
                "web.main",
                20001,
                ProxyMode.HTTP,
                300,
                4000,
                5000,
                2,
                Optional.of("/health"),
                1500));
  }

  @Test
  void tcpModeOrATcpHealthcheckModeMeansAConnectCheck() {
    assertThat(
            FrontendSpec.of(namespace(OptionalInt.of(20001), ProxyMode.TCP, Optional.empty()))
                .orElseThrow()
                .healthcheckUri())
        .isEmpty();
    assertThat(
            FrontendSpec.of(namespace(OptionalInt.of(20001), ProxyMode.HTTP, Optional.of("tcp")))
                .orElseThrow()
                .healthcheckUri())
        .isEmpty();
  }

  @Test
  void aDiscoveryOnlyNamespaceHasNoFrontend() {
    assertThat(FrontendSpec.of(namespace(OptionalInt.empty(), ProxyMode.HTTP, Optional.empty())))
        .isEmpty();
  }

  @Test
  void defaultsAreSmartStacks() {
    assertThat(FrontendSpec.withDefaults("web.main", 20001))
        .isEqualTo(
            new FrontendSpec(
                "web.main",
                20001,
                ProxyMode.HTTP,
                200,
                1000,
                1000,
                1,
                Optional.of("/status"),
                1000));
  }

  private static NamespaceConfig namespace(
      OptionalInt port, ProxyMode mode, Optional<String> healthcheckMode) {
    return new NamespaceConfig(
        new ServiceInstance("web", "main"),
        port,
        mode,
        healthcheckMode,
        "/health",
        OptionalInt.empty(),
        1.5,
        Optional.empty(),
        300,
        5000,
        4000,
        2,
        "region",
        List.of("region"),
        Map.of(),
        List.of(),
        Map.of());
  }
}
