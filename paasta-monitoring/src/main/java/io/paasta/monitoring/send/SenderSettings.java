package io.paasta.monitoring.send;

import io.paasta.model.SystemConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where events go, from the system config:
 *
 * <ul>
 *   <li>{@code monitoring_senders}: a list of {@code log}, {@code sensu}, {@code webhook}. Default:
 *       {@code log}, plus {@code sensu} when {@code sensu_host} or {@code sensu_port} is set, plus
 *       {@code webhook} when {@code event_webhook_url} is set.
 *   <li>{@code sensu_host}, {@code sensu_port}: the Sensu client socket (localhost:3030).
 *   <li>{@code event_webhook_url}: where the webhook sender POSTs (http or https); {@code
 *       event_webhook_headers}: extra request headers, e.g. an authorization.
 *   <li>{@code event_queue_size} (1000 per sender, at most 100000), {@code event_send_timeout_ms}
 *       (2000: connect, and wait for the answer; at most 60000), {@code event_send_attempts} (5
 *       tries per event, at most 100).
 * </ul>
 *
 * A value that cannot be used is reported in {@link Parsed#problems} and replaced by its default.
 */
public record SenderSettings(
    List<String> senders,
    String sensuHost,
    int sensuPort,
    Optional<URI> webhookUrl,
    Map<String, String> webhookHeaders,
    int queueSize,
    Duration timeout,
    int attempts) {

  public static final List<String> KNOWN = List.of("log", "sensu", "webhook");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(2000);

  public SenderSettings {
    senders = List.copyOf(senders);
    webhookHeaders = Map.copyOf(webhookHeaders);
  }

  /** The settings, and what was wrong in the system config. */
  public record Parsed(SenderSettings settings, List<String> problems) {}

  public static Parsed from(SystemConfig config) {
    Map<String, Object> raw = config.raw();
    List<String> problems = new ArrayList<>();
    Optional<URI> webhook = webhookUrl(raw.get("event_webhook_url"), problems);
    List<String> senders = senders(raw, webhook.isPresent(), problems);
    SenderSettings settings =
        new SenderSettings(
            senders,
            config.sensuHost(),
            config.sensuPort(),
            webhook,
            headers(raw.get("event_webhook_headers"), problems),
            bounded(
                raw, "event_queue_size", EventDispatcher.DEFAULT_QUEUE_CAPACITY, 100_000, problems),
            Duration.ofMillis(
                bounded(
                    raw,
                    "event_send_timeout_ms",
                    (int) DEFAULT_TIMEOUT.toMillis(),
                    60_000,
                    problems)),
            bounded(raw, "event_send_attempts", RetryPolicy.DEFAULT.attempts(), 100, problems));
    return new Parsed(settings, List.copyOf(problems));
  }

  private static List<String> senders(
      Map<String, Object> raw, boolean hasWebhook, List<String> problems) {
    Object value = raw.get("monitoring_senders");
    if (value == null) {
      List<String> defaults = new ArrayList<>(List.of("log"));
      if (raw.containsKey("sensu_host") || raw.containsKey("sensu_port")) {
        defaults.add("sensu");
      }
      if (hasWebhook) {
        defaults.add("webhook");
      }
      return defaults;
    }
    List<String> senders = new ArrayList<>();
    if (!(value instanceof List<?> list)) {
      problems.add(
          "monitoring_senders: "
              + value
              + " is not a list such as [\"log\", \"sensu\"]; using [\"log\"]");
      return List.of("log");
    }
    for (Object item : list) {
      String name = String.valueOf(item);
      if (!KNOWN.contains(name)) {
        problems.add(
            "monitoring_senders: unknown sender '"
                + name
                + "' (expected one of "
                + String.join(", ", KNOWN)
                + ")");
      } else if (name.equals("webhook") && !hasWebhook) {
        problems.add(
            "monitoring_senders: 'webhook' needs event_webhook_url; the webhook sender is off");
      } else if (!senders.contains(name)) {
        senders.add(name);
      }
    }
    return senders;
  }

  private static Optional<URI> webhookUrl(Object value, List<String> problems) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(String.valueOf(value));
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    problems.add(
        "event_webhook_url: '"
            + value
            + "' is not an http(s) URL such as http://127.0.0.1:9000/events");
    return Optional.empty();
  }

  private static Map<String, String> headers(Object value, List<String> problems) {
    if (value == null) {
      return Map.of();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> headers.put(String.valueOf(k), String.valueOf(v)));
    } else {
      problems.add("event_webhook_headers: " + value + " is not a map of header names to values");
    }
    return headers;
  }

  /** An integer in 1..max (a queue is allocated whole: its size must stay reasonable). */
  private static int bounded(
      Map<String, Object> raw, String key, int fallback, int max, List<String> problems) {
    Object value = raw.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Integer n && n > 0 && n <= max) {
      return n;
    }
    problems.add(
        key + ": " + value + " is not an integer from 1 to " + max + "; using " + fallback);
    return fallback;
  }
}
