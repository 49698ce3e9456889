package io.paasta.backend.docker.testing;

import io.paasta.backend.docker.DockerBackendConfig;
import io.paasta.testing.TestInfrastructure;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unix socket that forwards to the engine's: stopping it looks to a client like the engine going
 * away (connections cut, the socket file gone), starting it again like the engine coming back,
 * without restarting the real engine under other tests.
 */
public final class UnixSocketProxy implements AutoCloseable {
  private final Path socket;
  private final Path upstream;
  private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocketChannel server;

  public UnixSocketProxy(Path socket, Path upstream) {
    this.socket = socket;
    this.upstream = upstream;
  }

  /**
   * A started proxy at {@code socket} in front of the engine of this process's environment (which
   * must be on a unix socket).
   */
  public static UnixSocketProxy inFrontOfEngine(Path socket) throws IOException {
    URI engine = DockerBackendConfig.dockerHost(System.getenv());
    TestInfrastructure.requireUnixEngine(engine);
    UnixSocketProxy proxy = new UnixSocketProxy(socket, Path.of(engine.getPath()));
    proxy.start();
    return proxy;
  }

  /** The engine address of the proxy, for a client that goes through it. */
  public URI engineUri() {
    return URI.create("unix://" + socket);
  }

  public Path socket() {
    return socket;
  }

  public void start() throws IOException {
    Files.deleteIfExists(socket);
    ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    channel.bind(UnixDomainSocketAddress.of(socket));
    server = channel;
    daemon(() -> accept(channel), "proxy-accept").start();
  }

  /** Cuts every connection and removes the socket. */
  public void stop() throws IOException {
    ServerSocketChannel channel = server;
    if (channel != null) {
      channel.close();
    }
    for (SocketChannel connection : open) {
      closeQuietly(connection);
    }
    open.clear();
    Files.deleteIfExists(socket);
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private void accept(ServerSocketChannel channel) {
    while (channel.isOpen()) {
      try {
        SocketChannel client = channel.accept();
        SocketChannel engine = SocketChannel.open(UnixDomainSocketAddress.of(upstream));
        open.add(client);
        open.add(engine);
        daemon(() -> pump(client, engine), "proxy-up").start();
        daemon(() -> pump(engine, client), "proxy-down").start();
      } catch (IOException e) {
        return; // stopped
      }
    }
  }

  private void pump(SocketChannel from, SocketChannel to) {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    try {
      while (from.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          to.write(buffer);
        }
        buffer.clear();
      }
    } catch (IOException e) {
      // cut
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static Thread daemon(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closed already
    }
  }
}
