package io.paasta.monitoring.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real TCP listener on 127.0.0.1 in place of the Sensu client socket. It either answers like the
 * Sensu client (reads one JSON object, answers {@code ok}, or {@code invalid} when told to), or
 * accepts connections and never reads them.
 */
public final class SensuListener implements AutoCloseable {
  /** How the listener treats a connection. */
  public enum Mode {
    ANSWER_OK,
    ANSWER_INVALID,
    NEVER_READ
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerSocket server;
  private final Mode mode;
  private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread thread;

  public SensuListener(Mode mode) throws IOException {
    this(mode, 0);
  }

  public SensuListener(Mode mode, int port) throws IOException {
    this.mode = mode;
    this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::acceptLoop, "test-sensu-listener");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The JSON objects received, in order. */
  public List<Map<String, Object>> received() {
    return List.copyOf(received);
  }

  public int accepted() {
    return accepted.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        accepted.incrementAndGet();
        if (mode == Mode.NEVER_READ) {
          held.add(socket);
        } else {
          answer(socket);
        }
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void answer(Socket socket) throws IOException {
    try (socket) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String line = in.readLine();
      OutputStream out = socket.getOutputStream();
      if (mode == Mode.ANSWER_INVALID || line == null) {
        out.write("invalid".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      received.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
      out.write("ok".getBytes(StandardCharsets.US_ASCII));
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : held) {
      socket.close();
    }
  }
}
