package io.paasta.config.soa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMergeTest {
  @Test
  void instanceWinsAndDictsMergeRecursively() {
    Map<String, Object> service =
        Map.of("cpus", 1, "env", Map.of("A", "service", "B", "service"), "mem", 512);
    Map<String, Object> instance =
        Map.of("cpus", 0.5, "env", Map.of("B", "instance", "C", "instance"));

    Map<String, Object> merged = ConfigMerge.deepMerge(service, instance);

    assertThat(merged)
        .containsEntry("cpus", 0.5)
        .containsEntry("mem", 512)
        .containsEntry("env", Map.of("A", "service", "B", "instance", "C", "instance"));
  }

  @Test
  void listsReplaceWholesale() {
    Map<String, Object> merged =
        ConfigMerge.deepMerge(
            Map.of("cap_add", List.of("NET_ADMIN", "SYS_TIME")),
            Map.of("cap_add", List.of("IPC_LOCK")));

    assertThat(merged).containsEntry("cap_add", List.of("IPC_LOCK"));
  }

  @Test
  void aDictReplacesAScalarAndTheOtherWayRound() {
    assertThat(ConfigMerge.deepMerge(Map.of("x", 1), Map.of("x", Map.of("y", 2))))
        .containsEntry("x", Map.of("y", 2));
    assertThat(ConfigMerge.deepMerge(Map.of("x", Map.of("y", 2)), Map.of("x", 1)))
        .containsEntry("x", 1);
  }

  @Test
  void inputsAreNotChanged() {
    Map<String, Object> service = new java.util.HashMap<>(Map.of("env", Map.of("A", "1")));
    ConfigMerge.deepMerge(service, Map.of("env", Map.of("B", "2")));
    assertThat(service).isEqualTo(Map.of("env", Map.of("A", "1")));
  }
}
