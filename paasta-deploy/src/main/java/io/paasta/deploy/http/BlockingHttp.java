package io.paasta.deploy.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Short HTTP/1.1 exchanges for command-line paths, on the JDK's blocking {@link HttpURLConnection}.
 *
 * <p>Not {@code java.net.http.HttpClient}: on Java 17 that client keeps a selector thread in {@code
 * epoll_wait} (native code) for as long as it lives and cannot be closed, and the JVM's exit waits
 * up to ~300 ms for threads in native code, so every command that built one took that much longer
 * to end. Here a request blocks the calling thread only; idle keep-alive connections are reused by
 * later requests and need no thread in native code. Long-running daemons may keep using HttpClient.
 */
public final class BlockingHttp {
  /** Whether 3xx answers are followed (same protocol only) or returned as they are. */
  public enum Redirects {
    FOLLOW,
    NEVER
  }

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Redirects redirects;

  /**
   * @param connectTimeout how long to wait for the TCP (and TLS) connection
   * @param readTimeout how long to wait for the answer, and then for each part of its body
   */
  public BlockingHttp(Duration connectTimeout, Duration readTimeout, Redirects redirects) {
    this.connectTimeout = positive(connectTimeout, "connectTimeout");
    this.readTimeout = positive(readTimeout, "readTimeout");
    this.redirects = redirects;
  }

  /**
   * Readies the JDK's plain-http machinery without sending anything: the {@code http} protocol
   * handler's lookup (the JDK asks every jar of the class path for a provider first), {@link
   * HttpURLConnection}'s static state, sockets and loopback addresses. A command that will send
   * requests later can have a spare thread do this while it reads its configs: on a fresh JVM that
   * is some tens of milliseconds the first request no longer spends. Failures are ignored: the
   * first request meets them, as without.
   */
  public static void prepare() {
    try {
      URI.create("http://127.0.0.1/").toURL().openConnection();
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0).getHostString();
      new Socket().close();
    } catch (IOException | RuntimeException e) {
      // only a head start
    }
  }

  /** An http(s) URI, or an {@link IllegalArgumentException} saying why {@code text} is not one. */
  public static URI httpUri(String text) {
    URI uri = URI.create(text);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http or https URL: " + text);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("no host in " + text);
    }
    return uri;
  }

  /**
   * Sends a request without a body and reads the whole answer, whatever its status.
   *
   * @param method GET, HEAD, DELETE...
   * @param headers request headers, e.g. {@code Accept}
   * @throws HttpFailure when there is no answer: refused, timed out, unknown host, broken
   * @throws IllegalArgumentException when {@code uri} is not an http(s) URL
   */
  public HttpResponse send(String method, URI uri, Map<String, String> headers) throws HttpFailure {
    return send(method, uri, headers, null);
  }

  /**
   * Sends a request with a body (when {@code body} is not null) and reads the whole answer,
   * whatever its status.
   *
   * @param method POST, PUT...
   * @param headers request headers, e.g. {@code Content-Type}
   * @throws HttpFailure when there is no answer: refused, timed out, unknown host, broken
   * @throws IllegalArgumentException when {@code uri} is not an http(s) URL
   */
  public HttpResponse send(String method, URI uri, Map<String, String> headers, byte[] body)
      throws HttpFailure {
    String request = method + " " + uri;
    HttpURLConnection connection = open(httpUri(uri.toString()));
    try {
      connection.setRequestMethod(method);
      headers.forEach(connection::setRequestProperty);
      if (body != null) {
        // buffered, not streamed: a streamed request's 401/403 answer loses its body
        connection.setDoOutput(true);
      }
      connect(connection, request);
      if (body != null) {
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body);
        }
      }
      return answer(connection, request);
    } catch (HttpFailure e) {
      connection.disconnect();
      throw e;
    } catch (IOException e) {
      connection.disconnect();
      throw failure(request, e);
    }
  }

  private HttpURLConnection open(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout(millis(connectTimeout));
      connection.setReadTimeout(millis(readTimeout));
      connection.setInstanceFollowRedirects(redirects == Redirects.FOLLOW);
      connection.setUseCaches(false);
      return connection;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot open a connection to " + uri + ": " + e, e);
    }
  }

  private void connect(HttpURLConnection connection, String request) throws HttpFailure {
    try {
      connection.connect();
    } catch (SocketTimeoutException e) {
      throw new HttpFailure(
          HttpFailure.Kind.CONNECT_TIMEOUT,
          request,
          "no connection within " + text(connectTimeout),
          e);
    } catch (IOException e) {
      throw failure(request, e);
    }
  }

  private HttpResponse answer(HttpURLConnection connection, String request) throws IOException {
    int status = connection.getResponseCode();
    // the body, or the error body; closing it hands the connection back for keep-alive
    try (InputStream body =
        status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
      String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
      return new HttpResponse(status, connection.getHeaderFields(), text);
    }
  }

  private HttpFailure failure(String request, IOException e) {
    if (e instanceof SocketTimeoutException) {
      return new HttpFailure(
          HttpFailure.Kind.ANSWER_TIMEOUT, request, "no answer within " + text(readTimeout), e);
    }
    if (e instanceof ConnectException && String.valueOf(e.getMessage()).contains("refused")) {
      return new HttpFailure(HttpFailure.Kind.REFUSED, request, "connection refused", e);
    }
    if (e instanceof UnknownHostException) {
      return new HttpFailure(
          HttpFailure.Kind.UNKNOWN_HOST, request, "unknown host " + e.getMessage(), e);
    }
    return new HttpFailure(HttpFailure.Kind.OTHER, request, rootMessage(e), e);
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }

  /** "3s", or "300ms" when not a whole number of seconds. */
  static String text(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  private static int millis(Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
  }

  private static Duration positive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + duration);
    }
    return duration;
  }
}
