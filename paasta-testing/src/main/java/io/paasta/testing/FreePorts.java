package io.paasta.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TCP ports on 127.0.0.1 for tests: never a fixed port, so that tests can run side by side.
 *
 * <p>A port is picked below the OS's ephemeral range ({@code ip_local_port_range}), where the OS
 * never puts a socket bound to port 0 or an outgoing connection: a port picked here and bound later
 * (HAProxy's stats page, a frontend) cannot be taken meanwhile by a test backend on port 0 or a
 * client's connection. A port handed out is remembered for the life of the JVM and never handed out
 * again.
 */
public final class FreePorts {
  /** The lowest port picked: above the well-known and registered services of a test machine. */
  private static final int LOWEST = 10_000;

  private static final int ATTEMPTS = 2_000;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
  private static final int EPHEMERAL_LOW =
      ephemeralLow(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));

  private FreePorts() {}

  /** A port free on 127.0.0.1 now, below the ephemeral range and not handed out before. */
  public static int pick() {
    try {
      ServerSocket socket = bindNew();
      int port = socket.getLocalPort();
      socket.close();
      return port;
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  /**
   * A socket held on a port picked as {@link #pick} picks (and never handed out again): a squatter
   * that never takes a port another part of the same test picked but has not bound yet.
   */
  public static ServerSocket squat() throws IOException {
    return bindNew();
  }

  /** Below {@link #EPHEMERAL_LOW}: the ports {@link #pick} takes from, from {@link #LOWEST}. */
  static boolean belowEphemeralRange(int port) {
    return port >= LOWEST && port < EPHEMERAL_LOW;
  }

  private static ServerSocket bindNew() throws IOException {
    int range = EPHEMERAL_LOW - LOWEST;
    int start = ThreadLocalRandom.current().nextInt(range);
    for (int attempt = 0; attempt < Math.min(ATTEMPTS, range); attempt++) {
      int port = LOWEST + (start + attempt) % range;
      if (HANDED_OUT.contains(port)) {
        continue;
      }
      ServerSocket socket = new ServerSocket();
      try {
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      } catch (IOException taken) {
        socket.close();
        continue;
      }
      if (HANDED_OUT.add(port)) {
        return socket;
      }
      socket.close();
    }
    throw new IOException(
        "no free port on 127.0.0.1 between "
            + LOWEST
            + " and "
            + EPHEMERAL_LOW
            + " after "
            + ATTEMPTS
            + " tries ("
            + HANDED_OUT.size()
            + " handed out by this JVM)");
  }

  /**
   * The first port of the OS's ephemeral range; 32768 (Linux's default) when it cannot be read, and
   * never below {@link #LOWEST} + 1,000 (a narrower range is not worth picking from).
   */
  static int ephemeralLow(Path rangeFile) {
    int low = 32_768;
    // a reader, not Files.readString: that trusts the size procfs gives (0) and reads one byte
    try (BufferedReader reader = Files.newBufferedReader(rangeFile)) {
      String line = reader.readLine();
      low = Integer.parseInt(line.trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      // not Linux, or unreadable: the default
    }
    return Math.max(low, LOWEST + 1_000);
  }
}
