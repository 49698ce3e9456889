package io.paasta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {
  @Test
  void aPortIsNeverHandedOutTwiceEvenWhenTheOsOffersItAgain() throws Exception {
    Set<Integer> picked = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      assertThat(picked.add(FreePorts.pick())).as("pick %d repeats a port", i).isTrue();
    }
  }

  @Test
  void aPickedPortIsFreeOnLoopback() throws Exception {
    int port = FreePorts.pick();
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(socket.getLocalPort()).isEqualTo(port);
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
}
