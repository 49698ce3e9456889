package io.paasta.monitoring.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.SystemConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SenderSettingsTest {
  @Test
  void byDefaultOnlyTheLog() {
    SenderSettings.Parsed parsed = SenderSettings.from(system(Map.of()));
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.settings().senders()).containsExactly("log");
    assertThat(parsed.settings().queueSize()).isEqualTo(1000);
    assertThat(parsed.settings().timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(parsed.settings().attempts()).isEqualTo(5);
  }

  @Test
  void sensuWhenItsHostIsConfiguredAndWebhookWhenItsUrlIs() {
    SenderSettings.Parsed parsed =
        SenderSettings.from(
            system(
                Map.of(
                    "sensu_host",
                    "127.0.0.1",
                    "event_webhook_url",
                    "http://127.0.0.1:9000/events")));
    assertThat(parsed.settings().senders()).containsExactly("log", "sensu", "webhook");
    assertThat(parsed.settings().webhookUrl()).contains(URI.create("http://127.0.0.1:9000/events"));
  }

  @Test
  void anExplicitListWins() {
    SenderSettings.Parsed parsed =
        SenderSettings.from(
            system(
                Map.of(
                    "monitoring_senders",
                    List.of("sensu", "webhook"),
                    "event_webhook_url",
                    "https://127.0.0.1/hook",
                    "event_webhook_headers",
                    Map.of("Authorization", "Bearer x"),
                    "event_queue_size",
                    10,
                    "event_send_timeout_ms",
                    500,
                    "event_send_attempts",
                    2)));
    SenderSettings settings = parsed.settings();
    assertThat(parsed.problems()).isEmpty();
    assertThat(settings.senders()).containsExactly("sensu", "webhook");
    assertThat(settings.webhookHeaders()).containsEntry("Authorization", "Bearer x");
    assertThat(settings.queueSize()).isEqualTo(10);
    assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.attempts()).isEqualTo(2);
  }

  @Test
  void badValuesAreReportedAndDefaulted() {
    SenderSettings.Parsed parsed =
        SenderSettings.from(
            system(
                Map.of(
                    "monitoring_senders",
                    List.of("log", "pager", "webhook"),
                    "event_webhook_url",
                    "ftp://example/x",
                    "event_queue_size",
                    0,
                    "event_send_timeout_ms",
                    "fast")));
    assertThat(parsed.settings().senders()).containsExactly("log");
    assertThat(parsed.settings().queueSize()).isEqualTo(1000);
    assertThat(parsed.problems())
        .containsExactly(
            "event_webhook_url: 'ftp://example/x' is not an http(s) URL such as http://127.0.0.1:9000/events",
            "monitoring_senders: unknown sender 'pager' (expected one of log, sensu, webhook)",
            "monitoring_senders: 'webhook' needs event_webhook_url; the webhook sender is off",
            "event_queue_size: 0 is not an integer from 1 to 100000; using 1000",
            "event_send_timeout_ms: fast is not an integer from 1 to 60000; using 2000");
  }

  @Test
  void theFactoryBuildsTheNamedSenders() {
    SenderSettings settings =
        SenderSettings.from(
                system(
                    Map.of(
                        "monitoring_senders", List.of("log", "sensu", "webhook"),
                        "event_webhook_url", "http://127.0.0.1:9/x",
                        "event_webhook_headers", Map.of("Host", "x", "X-Team", "web"))))
            .settings();
    List<String> warnings = new java.util.ArrayList<>();
    List<EventSender> senders =
        Senders.create(
            settings,
            new MonitoringLog() {
              @Override
              public void info(String message) {}

              @Override
              public void warn(String message) {
                warnings.add(message);
              }
            });
    assertThat(senders).extracting(EventSender::name).containsExactly("log", "sensu", "webhook");
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("event_webhook_headers: header 'Host' cannot be set");
    senders.forEach(EventSender::close);
  }

  @Test
  void retriesBackOffExponentiallyUpToTheCap() {
    RetryPolicy retry = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(5));
    assertThat(List.of(1, 2, 3, 4, 5).stream().map(retry::backoff).map(Duration::getSeconds))
        .containsExactly(1L, 2L, 4L, 5L, 5L);
  }

  private static SystemConfig system(Map<String, Object> raw) {
    Map<String, Object> all = new java.util.LinkedHashMap<>(raw);
    all.put("cluster", "local");
    String host = raw.getOrDefault("sensu_host", SystemConfig.DEFAULT_SENSU_HOST).toString();
    return new SystemConfig(
        "local",
        "127.0.0.1:5000",
        Optional.empty(),
        List.of(),
        Map.of(),
        Map.of(),
        host,
        SystemConfig.DEFAULT_SENSU_PORT,
        "localhost",
        3212,
        Optional.empty(),
        all);
  }
}
