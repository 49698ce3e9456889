package io.paasta.backend.docker.port;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.IntPredicate;

/** Whether a port is free on 127.0.0.1: whether a server socket can bind it there right now. */
public final class LoopbackPortProbe implements IntPredicate {
  @Override
  public boolean test(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
