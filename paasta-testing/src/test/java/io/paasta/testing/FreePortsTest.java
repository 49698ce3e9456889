package io.paasta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreePortsTest {
  @Test
  void aPortIsNeverHandedOutTwice() {
    Set<Integer> picked = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      assertThat(picked.add(FreePorts.pick())).as("pick %d repeats a port", i).isTrue();
    }
  }

  @Test
  void aPickedPortIsFreeOnLoopbackAndOutsideTheRangeThatPortZeroGets() throws Exception {
    int port = FreePorts.pick();
    assertThat(FreePorts.belowEphemeralRange(port)).as("port %d", port).isTrue();
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
    for (int i = 0; i < 200; i++) {
      try (ServerSocket anyPort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        assertThat(FreePorts.belowEphemeralRange(anyPort.getLocalPort()))
            .as("the OS gave port 0 the port %d", anyPort.getLocalPort())
            .isFalse();
      }
    }
  }

  @Test
  void squattedAndPickedPortsNeverRepeatOneAnother() throws Exception {
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      try (ServerSocket squatter = FreePorts.squat()) {
        assertThat(squatter.isBound()).isTrue();
        assertThat(seen.add(squatter.getLocalPort())).as("squat %d repeats a port", i).isTrue();
      }
      assertThat(seen.add(FreePorts.pick())).as("pick %d repeats a port", i).isTrue();
    }
  }

  @Test
  void aTakenPortIsNotPicked() throws Exception {
    try (ServerSocket squatter = FreePorts.squat()) {
      for (int i = 0; i < 500; i++) {
        assertThat(FreePorts.pick()).isNotEqualTo(squatter.getLocalPort());
      }
    }
  }

  @Test
  void theEphemeralRangeIsReadFromTheKernelsFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ip_local_port_range");
    Files.writeString(file, "40000\t60999\n");
    assertThat(FreePorts.ephemeralLow(file)).isEqualTo(40_000);
    Files.writeString(file, "1024 65535\n");
    assertThat(FreePorts.ephemeralLow(file)).as("too low to pick below").isEqualTo(11_000);
    Files.writeString(file, "garbage");
    assertThat(FreePorts.ephemeralLow(file)).isEqualTo(32_768);
    assertThat(FreePorts.ephemeralLow(dir.resolve("missing"))).isEqualTo(32_768);
  }
}
