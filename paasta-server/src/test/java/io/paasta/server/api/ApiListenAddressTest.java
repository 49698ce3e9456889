package io.paasta.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.model.SystemConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiListenAddressTest {
  private static SystemConfig system(Map<String, String> endpoints) {
    return new SystemConfig(
        "local",
        "127.0.0.1:5000",
        Optional.empty(),
        List.of(),
        endpoints,
        Map.of(),
        "localhost",
        3030,
        "localhost",
        3212,
        Optional.empty(),
        Map.of());
  }

  @Test
  void thePortComesFromTheClustersApiEndpointOnLoopback() {
    ApiListenAddress address =
        ApiListenAddress.resolve(
            Optional.empty(),
            system(Map.of("local", "http://paasta-api.example:5999", "other", "http://x:1")));
    assertThat(address.toString()).isEqualTo("127.0.0.1:5999");
    assertThat(address.origin()).contains("api_endpoints.local");
  }

  @Test
  void withoutAnEntryTheDefaultPortIsUsedAndSaid() {
    ApiListenAddress address = ApiListenAddress.resolve(Optional.empty(), system(Map.of()));
    assertThat(address.port()).isEqualTo(5054);
    assertThat(address.origin()).contains("no entry for cluster 'local'");
  }

  @Test
  void theFlagWins() {
    assertThat(
            ApiListenAddress.resolve(
                    Optional.of("127.0.0.2:0"), system(Map.of("local", "http://127.0.0.1:5054")))
                .toString())
        .isEqualTo("127.0.0.2:0");
    assertThat(ApiListenAddress.parse("[::1]:6000").toString()).isEqualTo("[0:0:0:0:0:0:0:1]:6000");
    assertThat(ApiListenAddress.parse("localhost:6000").toString()).isEqualTo("127.0.0.1:6000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0:5054", "10.1.2.3:5054", "example.com:5054", "[::]:5054"})
  void aNonLoopbackHostIsRefused(String flag) {
    assertThatThrownBy(() -> ApiListenAddress.parse(flag))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback only");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5054", "127.0.0.1:", "127.0.0.1:http", "127.0.0.1:70000"})
  void aMalformedFlagIsRefused(String flag) {
    assertThatThrownBy(() -> ApiListenAddress.parse(flag))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--api-listen");
  }
}
