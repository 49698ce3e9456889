package io.paasta.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TCP ports on 127.0.0.1 for tests: never a fixed port, so that tests can run side by side.
 *
 * <p>A port handed out is remembered for the life of the JVM and never handed out again: the OS may
 * offer a released port anew before the test that picked it first has bound it (a stats port picked
 * in a fixture, bound only when HAProxy starts, came back as a frontend's port).
 */
public final class FreePorts {
  private static final int ATTEMPTS = 200;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  /** A port free on 127.0.0.1 now and not handed out before by this JVM. */
  public static int pick() {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = osChoice();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException(
        "no port on 127.0.0.1 that this JVM has not handed out already, after "
            + ATTEMPTS
            + " tries ("
            + HANDED_OUT.size()
            + " handed out)");
  }

  /**
   * A socket held on a port of 127.0.0.1 that this JVM has not handed out (nor will): a squatter
   * that never takes a port another part of the same test picked but has not bound yet.
   */
  public static ServerSocket squat() throws IOException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      if (HANDED_OUT.add(socket.getLocalPort())) {
        return socket;
      }
      socket.close();
    }
    throw new IllegalStateException(
        "no port on 127.0.0.1 to squat that this JVM has not handed out, after "
            + ATTEMPTS
            + " tries");
  }

  private static int osChoice() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
