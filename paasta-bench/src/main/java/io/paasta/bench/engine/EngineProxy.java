package io.paasta.bench.engine;

import io.paasta.backend.docker.testing.UnixSocketProxy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The engine-failure benchmark's stand-in for an engine restart: a unix socket in front of the
 * engine's (the ITs' {@link UnixSocketProxy}) that the daemon is pointed at with {@code
 * DOCKER_HOST}. Commands on stdin, one a line: {@code cut} (connections cut, the socket gone: the
 * engine away) and {@code restore} (the socket back: the engine answers again); each is answered on
 * stdout with the epoch nanoseconds at which it took effect ({@code cut <ns>}, {@code restored
 * <ns>}). Stops at the end of stdin.
 *
 * <pre>
 *   EngineProxy SOCKET ENGINE_SOCKET
 * </pre>
 */
public final class EngineProxy {
  private EngineProxy() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: EngineProxy SOCKET ENGINE_SOCKET");
    }
    try (UnixSocketProxy proxy = new UnixSocketProxy(Path.of(args[0]), Path.of(args[1]))) {
      proxy.start();
      System.out.println("ready");
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        switch (line.trim()) {
          case "cut" -> {
            proxy.stop();
            System.out.println("cut " + nowNanos());
          }
          case "restore" -> {
            proxy.start();
            System.out.println("restored " + nowNanos());
          }
          default -> System.out.println("unknown command: " + line);
        }
      }
    }
  }

  private static long nowNanos() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
