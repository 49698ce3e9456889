package io.paasta.backend.docker.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.planning.backend.BackendException;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {
  private final ManualClock clock = new ManualClock();
  private final Set<Integer> busy = new HashSet<>();
  private final PortAllocator allocator =
      new PortAllocator(
          new PortRange(31000, 31002), port -> !busy.contains(port), clock, Duration.ofMinutes(2));

  @Test
  void handsOutPortsRoundTheRangeAndNeverTwiceWhileReserved() {
    assertThat(allocator.allocate(1, Set.of())).containsExactly(31000);
    assertThat(allocator.allocate(1, Set.of())).containsExactly(31001);
    assertThat(allocator.allocate(1, Set.of())).containsExactly(31002);
    assertThatThrownBy(() -> allocator.allocate(1, Set.of()))
        .isInstanceOf(BackendException.class)
        .hasMessageContaining("no free port in 31000-31002");
  }

  @Test
  void aPortIsFreeAgainOnceItsTaskIsGone() {
    List<Integer> first = allocator.allocate(3, Set.of());
    // the tasks' containers now carry the ports: the labels hold them, not the reservation
    assertThatThrownBy(() -> allocator.allocate(1, Set.copyOf(first)))
        .hasMessageContaining("3 held by tasks");

    assertThat(allocator.allocate(1, Set.of(31000, 31002))).containsExactly(31001);
  }

  @Test
  void reservationsExpire() {
    allocator.allocate(3, Set.of());
    clock.advance(Duration.ofMinutes(3));

    assertThat(allocator.allocate(1, Set.of())).containsExactly(31000);
  }

  @Test
  void releasedPortsAreFreeAtOnce() {
    List<Integer> ports = allocator.allocate(3, Set.of());
    allocator.release(ports.subList(1, 2));

    assertThat(allocator.allocate(1, Set.of())).containsExactly(31001);
  }

  @Test
  void portsOtherProgramsListenOnAreSkippedAndCounted() {
    busy.addAll(Set.of(31000, 31001, 31002));

    assertThatThrownBy(() -> allocator.allocate(1, Set.of()))
        .hasMessage(
            "no free port in 31000-31002 (0 held by tasks, 3 in use by other programs; 1 needed)"
                + " - stop tasks you no longer need or widen the port range");
  }

  @Test
  void aTaskWithSeveralPortsGetsThemAllOrNone() {
    busy.add(31001);

    assertThatThrownBy(() -> allocator.allocate(3, Set.of())).hasMessageContaining("3 needed");
    assertThat(allocator.allocate(2, Set.of())).containsExactly(31000, 31002);
  }

  @Test
  void theLoopbackProbeSeesAListeningSocket() throws Exception {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertThat(new LoopbackPortProbe().test(socket.getLocalPort())).isFalse();
    }
  }
}
