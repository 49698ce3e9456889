package io.paasta.discovery.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.discovery.Endpoint;
import io.paasta.discovery.location.Location;
import io.paasta.model.ServiceInstance;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EndpointJsonTest {
  @Test
  void roundTrips() {
    Endpoint endpoint = new Endpoint("10.0.0.5", 31000, "10.0.0.5_31000", 7);
    assertThat(EndpointJson.decode(EndpointJson.encode(endpoint))).isEqualTo(endpoint);
  }

  @Test
  void readsNerveNodesLeniently() {
    assertThat(
            decode(
                "{\"host\":\"10.0.0.5\",\"port\":31000,\"name\":\"host1\",\"weight\":1,\"labels\":{}}"))
        .isEqualTo(new Endpoint("10.0.0.5", 31000, "host1", 1));
    assertThat(decode("{\"host\":\"10.0.0.5\",\"port\":\"31000\"}"))
        .isEqualTo(new Endpoint("10.0.0.5", 31000, "10.0.0.5_31000", 10));
  }

  static Stream<Arguments> garbage() {
    return Stream.of(
        Arguments.of("", "holds no data"),
        Arguments.of("hello", "not JSON"),
        Arguments.of("[1,2]", "not a JSON object"),
        Arguments.of("{\"port\":31000}", "no \"host\""),
        Arguments.of("{\"host\":\"h\"}", "no \"port\""),
        Arguments.of("{\"host\":\"h\",\"port\":0}", "not a port"),
        Arguments.of("{\"host\":\"h\",\"port\":70000}", "not a port"),
        Arguments.of("{\"host\":\"h\",\"port\":\"x\"}", "\"port\" is not an integer"),
        Arguments.of("{\"host\":\"h\",\"port\":1.5}", "\"port\" is not an integer"),
        Arguments.of("{\"host\":\"h\",\"port\":1,\"weight\":-1}", "\"weight\" is not 0-256"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbageIsRejectedWithAReason(String data, String reason) {
    assertThatThrownBy(() -> decode(data))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void nervePaths() {
    Location region = new Location("region", "uswest1-prod");
    ServiceInstance namespace = new ServiceInstance("svc", "main");
    assertThat(NervePaths.namespacePath(region, namespace))
        .isEqualTo("/nerve/region:uswest1-prod/svc.main");
    assertThat(NervePaths.nodePath(region, namespace, "127.0.0.1", 31000))
        .isEqualTo("/nerve/region:uswest1-prod/svc.main/127.0.0.1_31000");
    assertThatThrownBy(() -> NervePaths.nodeName("a/b", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Endpoint decode(String data) {
    return EndpointJson.decode(data.getBytes(StandardCharsets.UTF_8));
  }
}
