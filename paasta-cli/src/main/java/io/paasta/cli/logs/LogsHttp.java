package io.paasta.cli.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One blocking request of {@code paasta logs} and the CLI's log lines: {@code HttpURLConnection},
 * which leaves no selector thread for the JVM to wait on when the command exits (the JDK's {@code
 * HttpClient} costs up to 300 ms there on Java 17; its stream is used for {@code -f} only).
 */
final class LogsHttp {
  record Answer(int status, String body) {}

  private LogsHttp() {}

  static Answer send(
      String method, URI uri, byte[] body, Map<String, String> headers, Duration timeout)
      throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    try {
      connection.setRequestMethod(method);
      connection.setConnectTimeout((int) timeout.toMillis());
      connection.setReadTimeout((int) timeout.toMillis());
      headers.forEach(connection::setRequestProperty);
      if (body != null) {
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body);
        }
      }
      int status = connection.getResponseCode();
      InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Answer(status, text);
    } finally {
      connection.disconnect();
    }
  }
}
