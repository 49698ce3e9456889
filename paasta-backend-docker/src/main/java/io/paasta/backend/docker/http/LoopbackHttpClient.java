package io.paasta.backend.docker.http;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * HTTP(S) requests to tasks on this machine: health checks and drain calls. Only loopback addresses
 * are spoken to (tasks listen on 127.0.0.1; nothing leaves the machine); https is spoken without
 * checking certificates or host names, as health checks of self-signed tasks need; redirects are
 * answers, not followed.
 */
public final class LoopbackHttpClient {
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("^127(\\.\\d{1,3}){3}$");

  private final HttpClient http;

  public LoopbackHttpClient() {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(trustingEverything())
            .build();
  }

  /**
   * Sends a request without a body and returns the response's status code.
   *
   * @throws IOException when the task does not answer within {@code timeout}
   * @throws IllegalArgumentException when {@code uri} is not http(s) on a loopback address
   */
  public int send(String method, URI uri, Duration timeout) throws IOException {
    requireLoopback(uri);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .method(method.toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.noBody())
            .timeout(timeout)
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Whether a host is a loopback address, judged without resolving any name. */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost")
        || h.equals("[::1]")
        || h.equals("::1")
        || IPV4_LOOPBACK.matcher(h).matches();
  }

  static void requireLoopback(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(uri + " is not an http or https URL");
    }
    if (!isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(
          uri + " is not on a loopback address - tasks are only reached on 127.0.0.1");
    }
  }

  private static SSLContext trustingEverything() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustingEverything()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
  }

  /**
   * Accepts every certificate for every host name: an extended trust manager, so that the JDK does
   * not add its own host name check either.
   */
  private static final class TrustingEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
