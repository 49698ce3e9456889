package io.paasta.config.soa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The precedence table of SPEC section 1, one row per combination of sources that set "team". */
class MonitoringResolverTest {
  @ParameterizedTest(
      name = "instance={0} monitoring.yaml={1} service.monitoring={2} service={3} -> {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "inst, file, svcmon, svc, inst",
        "-,    file, svcmon, svc, file",
        "-,    -,    svcmon, svc, svcmon",
        "-,    -,    -,      svc, svc",
        "-,    -,    -,      -,   -",
        "inst, -,    -,      svc, inst",
        "-,    file, -,      svc, file"
      })
  void teamComesFromTheHighestSourceThatSetsIt(
      String instance, String file, String serviceMonitoring, String service, String expected) {
    Map<String, Object> resolved =
        MonitoringResolver.resolve(
            team(instance), team(file), team(serviceMonitoring), team(service));
    assertThat(resolved.get("team")).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void keysMergeAcrossSources() {
    Map<String, Object> resolved =
        MonitoringResolver.resolve(
            Map.of("page", true),
            Map.of("team", "web", "page", false),
            Map.of("runbook", "r"),
            Map.of());
    assertThat(resolved)
        .containsEntry("page", true)
        .containsEntry("team", "web")
        .containsEntry("runbook", "r");
  }

  @org.junit.jupiter.api.Test
  void serviceTopLevelKeysCountOnlyForMonitoringKeys() {
    Map<String, Object> resolved =
        MonitoringResolver.resolve(Map.of(), Map.of(), Map.of(), Map.of("cpus", 1, "team", "x"));
    assertThat(resolved).containsOnlyKeys("team");
  }

  private static Map<String, Object> team(String value) {
    return value == null ? Map.of() : Map.of("team", value);
  }
}
