package io.paasta.backend.kubernetes.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectDiffTest {
  @Test
  void onlyTheFieldsTheDesiredObjectSetsAreCompared() {
    Map<String, Object> desired =
        Map.of(
            "metadata",
            Map.of("name", "a", "labels", Map.of("x", "1")),
            "spec",
            Map.of("replicas", 3));
    Map<String, Object> observed =
        Map.of(
            "metadata",
            Map.of("name", "a", "labels", Map.of("x", "1", "added", "by-server"), "uid", "u-1"),
            "spec",
            Map.of("replicas", 3L, "progressDeadlineSeconds", 600),
            "status",
            Map.of("readyReplicas", 3));
    assertThat(ObjectDiff.fields(desired, observed)).isEmpty();
  }

  @Test
  void differingScalarsListsAndMissingMapsAreNamedByPath() {
    Map<String, Object> desired =
        Map.of(
            "spec",
            Map.of(
                "replicas",
                5,
                "template",
                Map.of("containers", List.of(Map.of("image", "b"), Map.of("image", "c"))),
                "selector",
                Map.of("k", "v")));
    Map<String, Object> observed =
        Map.of(
            "spec",
            Map.of(
                "replicas",
                3,
                "template",
                Map.of("containers", List.of(Map.of("image", "a"), Map.of("image", "c")))));
    assertThat(ObjectDiff.fields(desired, observed))
        .containsExactlyInAnyOrder(
            "spec.replicas", "spec.template.containers[0].image", "spec.selector");
    assertThat(ObjectDiff.fields(Map.of("env", List.of("a", "b")), Map.of("env", List.of("a"))))
        .containsExactly("env");
  }

  @Test
  void theStatusOfTheDesiredObjectIsIgnored() {
    assertThat(ObjectDiff.fields(Map.of("status", Map.of("phase", "x")), Map.of())).isEmpty();
  }
}
