package io.paasta.monitoring.send;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the senders and the dispatcher the settings ask for. */
public final class Senders {
  private Senders() {}

  /** The senders, in the configured order; problems (a header the JDK refuses) are logged. */
  public static List<EventSender> create(SenderSettings settings, MonitoringLog log) {
    List<EventSender> senders = new ArrayList<>();
    for (String name : settings.senders()) {
      switch (name) {
        case "log" -> senders.add(new LogSender(log));
        case "sensu" ->
            senders.add(
                new SensuSocketSender(
                    settings.sensuHost(), settings.sensuPort(), settings.timeout()));
        case "webhook" ->
            settings
                .webhookUrl()
                .ifPresent(
                    url ->
                        senders.add(
                            new WebhookSender(
                                url,
                                usableHeaders(url, settings.webhookHeaders(), log),
                                settings.timeout())));
        default -> log.warn("unknown event sender '" + name + "' ignored");
      }
    }
    return senders;
  }

  /** A started dispatcher for the settings, retrying with {@link RetryPolicy#DEFAULT}'s backoff. */
  public static EventDispatcher dispatcher(
      SenderSettings settings, MeterRegistry registry, MonitoringLog log) {
    RetryPolicy retry =
        new RetryPolicy(settings.attempts(), Duration.ofSeconds(1), Duration.ofSeconds(30));
    return new EventDispatcher(create(settings, log), settings.queueSize(), retry, registry, log)
        .start();
  }

  private static Map<String, String> usableHeaders(
      URI url, Map<String, String> headers, MonitoringLog log) {
    Map<String, String> usable = new LinkedHashMap<>();
    headers.forEach(
        (name, value) -> {
          try {
            HttpRequest.newBuilder(url).header(name, value);
            usable.put(name, value);
          } catch (IllegalArgumentException e) {
            log.warn(
                "event_webhook_headers: header '"
                    + name
                    + "' cannot be set ("
                    + e.getMessage()
                    + "); left out");
          }
        });
    return usable;
  }
}
