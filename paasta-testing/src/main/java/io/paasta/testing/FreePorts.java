package io.paasta.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** TCP ports on 127.0.0.1 for tests: never a fixed port, so that tests can run side by side. */
public final class FreePorts {
  private FreePorts() {}

  /** A port free on 127.0.0.1 now (bound for a moment by the OS's choice, then released). */
  public static int pick() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
