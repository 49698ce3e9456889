package io.paasta.monitoring.send;

import io.paasta.monitoring.alert.Event;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * POSTs each event as JSON ({@link EventJson}) to a URL. 2xx is delivered; 408, 429 and 5xx are
 * retried, as are connection failures and timeouts; any other status is a rejection. Connecting and
 * waiting for the answer each have the timeout.
 */
public final class WebhookSender implements EventSender {
  private final URI url;
  private final Map<String, String> headers;
  private final Duration timeout;
  private final HttpClient client;

  public WebhookSender(URI url, Map<String, String> headers, Duration timeout) {
    this.url = url;
    this.headers = Map.copyOf(headers);
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public void send(Event event) throws SendException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(EventJson.toJson(event)));
    headers.forEach(request::header);
    HttpResponse<Void> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (HttpTimeoutException e) {
      throw SendException.retryable(
          "webhook " + url + ": no answer within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw SendException.retryable("webhook " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SendException.retryable("webhook " + url + ": interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String message = "webhook " + url + " answered HTTP " + status;
    if (status == 408 || status == 429 || status >= 500) {
      throw SendException.retryable(message, null);
    }
    throw SendException.rejected(message);
  }
}
