package io.paasta.backend.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.planning.app.Labels;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskLabelsTest {
  @Test
  void portsComeFromThePortsLabelElseFromPort0() {
    assertThat(TaskLabels.ports(Map.of(TaskLabels.PORTS, "31000,31001", Labels.PORT0, "31000")))
        .containsExactly(31000, 31001);
    assertThat(TaskLabels.ports(Map.of(Labels.PORT0, "31005"))).containsExactly(31005);
    assertThat(TaskLabels.ports(Map.of(TaskLabels.PORTS, "", Labels.PORT0, "31005")))
        .containsExactly(31005);
  }

  @Test
  void valuesThatAreNotPortsHoldNone() {
    assertThat(TaskLabels.ports(Map.of(TaskLabels.PORTS, "x, 0, 70000, 31002 ")))
        .containsExactly(31002);
    assertThat(TaskLabels.ports(Map.of(TaskLabels.PORTS, "x", Labels.PORT0, "31007")))
        .containsExactly(31007);
    assertThat(TaskLabels.ports(Map.of())).isEmpty();
    assertThat(TaskLabels.ports(null)).isEmpty();
  }
}
