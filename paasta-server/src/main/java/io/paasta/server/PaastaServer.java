package io.paasta.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paasta.server.api.ApiServer;
import io.paasta.server.api.ApiSettings;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * {@code paasta server} as it runs: the reconcile loop ({@link PaastaDaemon}) and the HTTP API with
 * {@code /metrics}. The API's port is opened first, so that a port in use stops the start before
 * any pass runs.
 */
public final class PaastaServer implements AutoCloseable {
  private final PaastaDaemon daemon;
  private final ApiServer api;
  private final ApiSettings apiSettings;
  private final PrometheusMeterRegistry metrics;
  private final List<AutoCloseable> resources;
  private final DaemonLog log;

  /**
   * @param resources closed last (meter binders)
   */
  public PaastaServer(
      PaastaDaemon daemon,
      ApiServer api,
      ApiSettings apiSettings,
      PrometheusMeterRegistry metrics,
      List<AutoCloseable> resources,
      DaemonLog log) {
    this.daemon = daemon;
    this.api = api;
    this.apiSettings = apiSettings;
    this.metrics = metrics;
    this.resources = List.copyOf(resources);
    this.log = log;
  }

  /**
   * Opens the API, then starts the loop; returns at once.
   *
   * @throws IOException when the API's port cannot be opened (the message says why and what to do)
   */
  public void start() throws IOException {
    api.start();
    log.info(
        "api",
        "listening on "
            + api.baseUri()
            + " (address from "
            + apiSettings.listen().origin()
            + "); "
            + apiSettings
                .token()
                .map(t -> "changes need the token of " + t.source())
                .orElse("no API token configured: changes are refused"));
    daemon.start();
  }

  public PaastaDaemon daemon() {
    return daemon;
  }

  /** {@code http://127.0.0.1:<port>}, the port chosen when configured with 0. */
  public URI apiBaseUri() {
    return api.baseUri();
  }

  /** The registry {@code /metrics} serves: other parts may bind their meters to it. */
  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  @Override
  public void close() throws IOException {
    api.close();
    daemon.close();
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        // closing anyway
      }
    }
  }
}
