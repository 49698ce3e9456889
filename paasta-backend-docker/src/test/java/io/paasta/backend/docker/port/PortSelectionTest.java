package io.paasta.backend.docker.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PortSelectionTest {
  private static final PortRange RANGE = new PortRange(31000, 31004);

  @Test
  void takesTheFirstPortsFromTheStartThatNoTaskHoldsAndThatAreFree() {
    PortSelection selection =
        PortSelection.choose(RANGE, 31001, 2, Set.of(31001), port -> port != 31002);

    assertThat(selection.ports()).containsExactly(31003, 31004);
    assertThat(selection.heldByTasks()).isEqualTo(1);
    assertThat(selection.busy()).isEqualTo(1);
  }

  @Test
  void goesRoundToTheBottomOfTheRange() {
    PortSelection selection = PortSelection.choose(RANGE, 31004, 2, Set.of(), port -> true);

    assertThat(selection.ports()).containsExactly(31004, 31000);
  }

  @Test
  void aStartOutsideTheRangeStartsAtTheBottom() {
    assertThat(PortSelection.choose(RANGE, 80, 1, Set.of(), port -> true).ports())
        .containsExactly(31000);
  }

  @Test
  void anExhaustedRangeGivesFewerPortsAndCountsWhy() {
    PortSelection selection =
        PortSelection.choose(RANGE, 31000, 1, Set.of(31000, 31001, 31002), port -> false);

    assertThat(selection.ports()).isEmpty();
    assertThat(selection.heldByTasks()).isEqualTo(3);
    assertThat(selection.busy()).isEqualTo(2);
  }

  @Test
  void rangesParseAndCheckTheirBounds() {
    assertThat(PortRange.parse("31000-32767")).isEqualTo(PortRange.DEFAULT);
    assertThat(PortRange.parse("4000").size()).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PortRange.parse("2-1"))
        .hasMessageContaining("first <= last");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PortRange.parse("a-b"))
        .hasMessageContaining("31000-32767");
  }
}
