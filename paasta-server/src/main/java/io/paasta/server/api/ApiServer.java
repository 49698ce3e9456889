package io.paasta.server.api;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The daemon's HTTP server (Jetty, core handlers): one loopback connector, a bounded thread pool, a
 * request size limit and an idle timeout.
 */
public final class ApiServer implements AutoCloseable {
  private final ApiSettings settings;
  private final Server server;
  private final ServerConnector connector;

  public ApiServer(ApiSettings settings, Handler handler) {
    this.settings = settings;
    QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), 2);
    threads.setName("paasta-api");
    threads.setDaemon(true);
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(settings.listen().host().getHostAddress());
    connector.setPort(settings.listen().port());
    connector.setIdleTimeout(settings.idleTimeout().toMillis());
    server.addConnector(connector);
    server.setErrorHandler(new ProblemErrorHandler());
    SizeLimitHandler limit = new SizeLimitHandler(settings.maxRequestBytes(), -1);
    limit.setHandler(handler);
    server.setHandler(limit);
    server.setStopTimeout(2000);
  }

  /**
   * Opens the port and starts serving.
   *
   * @throws IOException saying which address could not be used and what to do
   */
  public void start() throws IOException {
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly();
      if (!causedBy(e, BindException.class)) {
        throw new IOException("the API cannot start on " + settings.listen() + ": " + e, e);
      }
      throw new IOException(
          "the API cannot listen on "
              + settings.listen()
              + " ("
              + settings.listen().origin()
              + "): the port is in use (another paasta server?); stop what holds it or choose"
              + " another port with `paasta server --api-listen 127.0.0.1:PORT`",
          e);
    }
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The port it listens on (the one chosen when configured with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** {@code http://host:port}, for clients. */
  public URI baseUri() {
    String host = settings.listen().host().getHostAddress();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (Exception e) {
      // it did not start
    }
  }

  @Override
  public void close() {
    stopQuietly();
  }
}
