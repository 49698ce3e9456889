package io.paasta.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paasta.monitoring.alert.Event;
import io.paasta.monitoring.check.CheckSettings;
import io.paasta.monitoring.check.InstanceChecks;
import io.paasta.monitoring.send.EventDispatcher;
import io.paasta.monitoring.send.LogSender;
import io.paasta.monitoring.send.MonitoringLog;
import io.paasta.monitoring.send.RetryPolicy;
import io.paasta.monitoring.testing.Fixtures;
import io.paasta.testing.ManualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The meters as the daemon's /metrics (Prometheus text format) shows them. */
class MetricNamesTest {
  @Test
  void metersBoundToARegistryShowUnderPaastaMonitoringNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (EventDispatcher dispatcher =
        new EventDispatcher(
            List.of(new LogSender(MonitoringLog.discard())),
            10,
            RetryPolicy.DEFAULT,
            registry,
            MonitoringLog.discard())) {
      MonitoringRunner runner =
          new MonitoringRunner(
              "local",
              new InstanceChecks(CheckSettings.DEFAULTS),
              dispatcher::offer,
              registry,
              MonitoringLog.discard(),
              new ManualClock(Fixtures.NOW));
      List<Event> events =
          runner.evaluate(
              List.of(
                  Fixtures.snapshot(
                      Fixtures.monitoring("web", "0s", null, null), 3, Fixtures.healthyTasks(1))));
      assertThat(events).hasSize(1);
      String text = registry.scrape();
      assertThat(text)
          .contains("paasta_monitoring_checks{check=\"replication\",status=\"critical\"} 1.0")
          .contains("paasta_monitoring_checks{check=\"deploy\",status=\"ok\"} 1.0")
          .contains("paasta_monitoring_checks_alerting{check=\"replication\"} 1.0")
          .contains(
              "paasta_monitoring_alerts_total{check=\"replication\",transition=\"alert\"} 1.0")
          .contains("paasta_monitoring_alerts_unrouted_total{check=\"replication\"} 0.0")
          .contains("paasta_monitoring_events_queued{sender=\"log\"} 1.0")
          .contains("paasta_monitoring_events_sent_total{sender=\"log\"} 0.0")
          .contains("paasta_monitoring_events_failed_total{sender=\"log\"} 0.0")
          .contains("paasta_monitoring_events_dropped_total{sender=\"log\"} 0.0")
          .contains("paasta_monitoring_events_retried_total{sender=\"log\"} 0.0")
          .contains("paasta_monitoring_evaluation_seconds_count 1");
    }
  }
}
