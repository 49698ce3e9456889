package io.paasta.backend.docker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoopbackHttpClientTest {
  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, true",
    "127.1.2.3, true",
    "localhost, true",
    "[::1], true",
    "10.0.0.1, false",
    "example.com, false",
    "127.0.0.1.example.com, false"
  })
  void onlyLoopbackAddressesAreLoopback(String host, boolean loopback) {
    assertThat(LoopbackHttpClient.isLoopback(host)).isEqualTo(loopback);
  }

  @Test
  void requestsElsewhereAreRefusedBeforeAnyTraffic() {
    LoopbackHttpClient client = new LoopbackHttpClient();

    assertThatThrownBy(
            () -> client.send("GET", URI.create("http://192.0.2.1/drain"), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not on a loopback address");
    assertThatThrownBy(
            () -> client.send("GET", URI.create("ftp://127.0.0.1/x"), Duration.ofSeconds(1)))
        .hasMessageContaining("is not an http or https URL");
  }
}
