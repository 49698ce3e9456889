package io.paasta.discovery.haproxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Sends one command to an HAProxy CLI socket (admin or master) and reads the whole reply: connect,
 * write the line, half-close (the master CLI answers only then), read until HAProxy closes, within
 * a deadline.
 */
final class UnixSocketCli {
  private final Path socket;
  private final Duration timeout;

  UnixSocketCli(Path socket, Duration timeout) {
    this.socket = socket;
    this.timeout = timeout;
  }

  Path socket() {
    return socket;
  }

  String send(String command) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer request = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
      while (request.hasRemaining()) {
        channel.write(request);
      }
      channel.shutdownOutput();
      channel.configureBlocking(false);
      return readAll(channel, deadline, command);
    }
  }

  private String readAll(SocketChannel channel, long deadline, String command) throws IOException {
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    try (Selector selector = Selector.open()) {
      channel.register(selector, SelectionKey.OP_READ);
      while (true) {
        int read = channel.read(buffer);
        if (read < 0) {
          return reply.toString(StandardCharsets.UTF_8);
        }
        if (read > 0) {
          reply.write(buffer.array(), 0, buffer.position());
          buffer.clear();
          continue;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IOException(
              "no complete reply to '" + command + "' from " + socket + " within " + timeout);
        }
        selector.select(Math.max(1, left / 1_000_000));
        selector.selectedKeys().clear();
      }
    }
  }
}
