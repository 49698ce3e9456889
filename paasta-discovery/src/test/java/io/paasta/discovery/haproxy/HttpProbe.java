package io.paasta.discovery.haproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.0 GET on a fresh connection (no pooling, so that each request tests that HAProxy
 * accepts a connection): the status code and body, or an exception.
 */
final class HttpProbe {
  record Response(int status, String body) {}

  private HttpProbe() {}

  static Response get(int port, String path) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!response.startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP response: '" + response + "'");
      }
      int status = Integer.parseInt(response.substring(9, 12));
      int bodyStart = response.indexOf("\r\n\r\n");
      return new Response(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
    }
  }

  /** The body of a 200 response, else an exception naming what came back. */
  static String body(int port) throws IOException {
    Response response = get(port, "/");
    if (response.status() != 200) {
      throw new IOException("status " + response.status() + ": " + response.body().strip());
    }
    return response.body();
  }
}
