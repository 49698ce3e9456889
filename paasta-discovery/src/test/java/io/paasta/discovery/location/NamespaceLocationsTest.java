package io.paasta.discovery.location;

import static io.paasta.discovery.DiscoveryFixtures.namespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.model.NamespaceConfig;
import io.paasta.model.SystemConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NamespaceLocationsTest {
  private static final HostLocation HOST =
      new HostLocation(
          Map.of(
              "habitat", "local1", "region", "local", "superregion", "local", "ecosystem", "devc"));

  static Stream<Arguments> advertiseTable() {
    return Stream.of(
        Arguments.of("default: the region", List.of("region"), Map.of(), List.of("region:local")),
        Arguments.of(
            "several types, in order",
            List.of("habitat", "region", "superregion"),
            Map.of(),
            List.of("habitat:local1", "region:local", "superregion:local")),
        Arguments.of(
            "extra_advertise from this host's habitat",
            List.of("region"),
            Map.of("habitat:local1", List.of("region:uswest1-prod", "region:useast1-prod")),
            List.of("region:local", "region:uswest1-prod", "region:useast1-prod")),
        Arguments.of(
            "extra_advertise from another habitat does not apply",
            List.of("region"),
            Map.of("habitat:elsewhere", List.of("region:uswest1-prod")),
            List.of("region:local")),
        Arguments.of(
            "no duplicates",
            List.of("region"),
            Map.of("ecosystem:devc", List.of("region:local")),
            List.of("region:local")),
        Arguments.of("advertise nowhere", List.of(), Map.of(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("advertiseTable")
  void advertise(
      String why, List<String> advertise, Map<String, List<String>> extra, List<String> expected) {
    NamespaceConfig config = namespace("svc.main", advertise, extra, "region");
    assertThat(NamespaceLocations.advertise(config, HOST))
        .extracting(Location::toString)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void discoverResolvesTheTypeOfThisHost() {
    assertThat(
            NamespaceLocations.discover(
                namespace("svc.main", List.of(), Map.of(), "habitat"), HOST))
        .isEqualTo(new Location("habitat", "local1"));
    assertThat(NamespaceLocations.discover(namespace("svc.main"), HOST).toString())
        .isEqualTo("region:local");
  }

  @Test
  void aMissingAttributeNamesTheSystemConfigKey() {
    NamespaceConfig config = namespace("svc.main", List.of("pod"), Map.of(), "region");
    assertThatThrownBy(() -> NamespaceLocations.advertise(config, HOST))
        .isInstanceOf(LocationException.class)
        .hasMessageContaining("namespace svc.main (advertise)")
        .hasMessageContaining("no 'location.pod'");
    assertThatThrownBy(
            () -> NamespaceLocations.discover(namespace("svc.main"), new HostLocation(Map.of())))
        .hasMessageContaining("no 'location.region'")
        .hasMessageContaining("/etc/paasta");
  }

  @Test
  void aMalformedExtraAdvertiseIsReported() {
    NamespaceConfig badSource =
        namespace("svc.main", List.of("region"), Map.of("local1", List.of("region:b")), "region");
    assertThatThrownBy(() -> NamespaceLocations.advertise(badSource, HOST))
        .hasMessageContaining("smartstack.yaml svc.main extra_advertise")
        .hasMessageContaining("'local1' is not a location");
    NamespaceConfig badDestination =
        namespace("svc.main", List.of("region"), Map.of("habitat:local1", List.of("b")), "region");
    assertThatThrownBy(() -> NamespaceLocations.advertise(badDestination, HOST))
        .hasMessageContaining("'b' is not a location");
  }

  @Test
  void hostLocationComesFromTheSystemConfig() {
    HostLocation host =
        HostLocation.fromSystemConfig(
            system(Map.of("location", Map.of("habitat", "local1", "region", "local"))));
    assertThat(host.value("region")).contains("local");
    assertThat(host.value("superregion")).isEmpty();
    assertThat(HostLocation.fromSystemConfig(system(Map.of())).attributes()).isEmpty();
  }

  @Test
  void aMalformedLocationKeyIsReported() {
    assertThatThrownBy(() -> HostLocation.fromSystemConfig(system(Map.of("location", "local"))))
        .isInstanceOf(LocationException.class)
        .hasMessageContaining("system config key 'location' is local");
    assertThatThrownBy(
            () -> HostLocation.fromSystemConfig(system(Map.of("location", Map.of("region", 3)))))
        .hasMessageContaining("'location.region' is 3; expected a non-empty string");
  }

  @Test
  void locationsParseTypeColonValue() {
    assertThat(Location.parse("region:uswest1-prod", "test"))
        .isEqualTo(new Location("region", "uswest1-prod"));
    for (String bad : List.of("region", ":x", "x:", "a:b:c", "a/b:c", "a:b/c")) {
      assertThatThrownBy(() -> Location.parse(bad, "test"))
          .as(bad)
          .isInstanceOf(LocationException.class)
          .hasMessageStartingWith("test: '" + bad + "'");
    }
  }

  private static SystemConfig system(Map<String, Object> raw) {
    return new SystemConfig(
        "local",
        "127.0.0.1:5000",
        Optional.empty(),
        List.of(),
        Map.of(),
        Map.of(),
        "localhost",
        3030,
        "localhost",
        3212,
        Optional.empty(),
        raw);
  }
}
