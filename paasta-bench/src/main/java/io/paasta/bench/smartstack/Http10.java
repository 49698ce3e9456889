package io.paasta.bench.smartstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.0 GET on a fresh loopback connection, without a client library: each request is
 * balanced by HAProxy on its own and costs no process start (curl's ~5 ms).
 */
public final class Http10 {
  private Http10() {}

  /**
   * What a request got: the status and body of a response, or why there was none.
   *
   * @param status the HTTP status, or 0 without a response
   * @param body the body, stripped ("" without a response)
   * @param error why there is no response (connection refused, timeout...), or ""
   */
  public record Reply(int status, String body, String error) {
    public boolean ok() {
      return status == 200;
    }

    /** A short description for failure reports. */
    String describe() {
      return status == 0 ? error : "HTTP " + status;
    }
  }

  public static Reply get(int port, String path, int connectTimeoutMs, int readTimeoutMs) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port), connectTimeoutMs);
      socket.setSoTimeout(readTimeoutMs);
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return parse(readAll(socket.getInputStream()));
    } catch (SocketTimeoutException e) {
      return new Reply(0, "", "timeout");
    } catch (IOException e) {
      return new Reply(0, "", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
  }

  static Reply parse(String response) {
    if (!response.startsWith("HTTP/1.") || response.length() < 12) {
      return new Reply(0, "", response.isEmpty() ? "empty response" : "not an HTTP response");
    }
    int status;
    try {
      status = Integer.parseInt(response.substring(9, 12));
    } catch (NumberFormatException e) {
      return new Reply(0, "", "bad status line");
    }
    int bodyStart = response.indexOf("\r\n\r\n");
    String body = bodyStart < 0 ? "" : response.substring(bodyStart + 4).strip();
    return new Reply(status, body, "");
  }
}
