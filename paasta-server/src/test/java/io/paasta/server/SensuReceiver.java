package io.paasta.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real TCP listener on 127.0.0.1 standing in for the Sensu client socket: it reads one JSON
 * object per connection (a line) and answers {@code ok}, as the Sensu client does.
 */
final class SensuReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerSocket server;
  private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();

  SensuReceiver() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(this::acceptLoop, "test-sensu-receiver");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** The events received, in order. */
  List<Map<String, Object>> received() {
    return List.copyOf(received);
  }

  /** The events received for one check name. */
  List<Map<String, Object>> named(String name) {
    return received.stream().filter(e -> name.equals(e.get("name"))).toList();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line != null) {
          received.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
        }
        socket.getOutputStream().write("ok".getBytes(StandardCharsets.US_ASCII));
      } catch (IOException e) {
        // closed, or a connection that broke: the sender retries
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
