package io.paasta.server.autoscaling;

import io.paasta.planning.autoscaling.AutoscalingParams.MetricsProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Asks one task for its utilization (the http and uwsgi providers): GET {@code
 * http://127.0.0.1:<port>/<endpoint>} within the timeout (PaaSTA: 2 s). A timeout counts as fully
 * loaded (1.0); a refused connection or an error status skips the task; garbage or a value outside
 * 0..1 skips it with a warning.
 */
public final class TaskMetricsClient {
  public static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final int MAX_BODY = 64 * 1024;

  private final HttpClient http;
  private final Duration timeout;

  public TaskMetricsClient(Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public TaskReading read(MetricsProvider provider, int port, String endpoint) {
    URI uri = URI.create("http://127.0.0.1:" + port + "/" + endpoint);
    HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(timeout).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      return new TaskReading.Value(1.0);
    } catch (IOException e) {
      return new TaskReading.Skipped(uri + " failed: " + e, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new TaskReading.Skipped("interrupted", false);
    }
    if (response.statusCode() / 100 != 2) {
      return new TaskReading.Skipped(uri + " answered HTTP " + response.statusCode(), false);
    }
    String body = response.body();
    if (body.length() > MAX_BODY) {
      body = body.substring(0, MAX_BODY);
    }
    TaskReading reading =
        provider == MetricsProvider.UWSGI
            ? UtilizationDocuments.uwsgi(body)
            : UtilizationDocuments.http(body);
    if (reading instanceof TaskReading.Skipped skipped) {
      return new TaskReading.Skipped(uri + " " + skipped.why(), skipped.warn());
    }
    return reading;
  }
}
