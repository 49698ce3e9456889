package io.paasta.monitoring.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paasta.monitoring.alert.AlertPolicy;
import io.paasta.monitoring.alert.Event;
import io.paasta.monitoring.alert.EventFactory;
import io.paasta.monitoring.alert.Transition;
import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.check.CheckResult;
import io.paasta.monitoring.check.CheckStatus;
import io.paasta.monitoring.testing.Fixtures;
import io.paasta.monitoring.testing.SensuListener;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Sensu client socket protocol against real TCP listeners. */
class SensuSocketSenderIT {
  private static final Event EVENT =
      new EventFactory("local")
          .build(
              Fixtures.WEB_MAIN,
              Fixtures.team("web"),
              AlertPolicy.defaults(CheckKind.REPLICATION),
              new CheckResult(
                  "check_marathon_services_replication.web.main",
                  CheckKind.REPLICATION,
                  CheckStatus.CRITICAL,
                  "Service web.main has 1 out of 3 expected instances available (threshold: 50%)"),
              Transition.ALERT,
              Fixtures.NOW)
          .orElseThrow();

  @Test
  void sendsOneJsonObjectPerConnection() throws Exception {
    try (SensuListener sensu = new SensuListener(SensuListener.Mode.ANSWER_OK);
        SensuSocketSender sender =
            new SensuSocketSender("127.0.0.1", sensu.port(), Duration.ofSeconds(5))) {
      sender.send(EVENT);
      sender.send(EVENT);
      assertThat(sensu.accepted()).isEqualTo(2);
      assertThat(sensu.received()).hasSize(2);
      assertThat(sensu.received().get(0))
          .containsEntry("name", "check_marathon_services_replication.web.main")
          .containsEntry("status", 2)
          .containsEntry("team", "web")
          .containsEntry("source", "paasta-local");
    }
  }

  @Test
  void anInvalidAnswerIsARejectionNotRetried() throws Exception {
    try (SensuListener sensu = new SensuListener(SensuListener.Mode.ANSWER_INVALID);
        SensuSocketSender sender =
            new SensuSocketSender("127.0.0.1", sensu.port(), Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> sender.send(EVENT))
          .isInstanceOfSatisfying(SendException.class, e -> assertThat(e.isRetryable()).isFalse())
          .hasMessage("Sensu client socket 127.0.0.1:" + sensu.port() + " answered 'invalid'");
    }
  }

  @Test
  void aClientThatIsDownIsRetriedUntilItComesUp() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<String> log = new CopyOnWriteArrayList<>();
    MonitoringLog lines =
        new MonitoringLog() {
          @Override
          public void info(String message) {
            log.add("INFO " + message);
          }

          @Override
          public void warn(String message) {
            log.add("WARN " + message);
          }
        };
    RetryPolicy retry = new RetryPolicy(1000, Duration.ofMillis(20), Duration.ofMillis(50));
    try (EventDispatcher dispatcher =
        new EventDispatcher(
                List.of(new SensuSocketSender("127.0.0.1", port, Duration.ofSeconds(2))),
                10,
                retry,
                registry,
                lines)
            .start()) {
      dispatcher.offer(EVENT);
      await().until(() -> registry.get("paasta.monitoring.events.retried").counter().count() >= 2);
      try (SensuListener sensu = new SensuListener(SensuListener.Mode.ANSWER_OK, port)) {
        await().until(() -> sensu.received().size() == 1);
        await().until(() -> registry.get("paasta.monitoring.events.sent").counter().count() == 1);
      }
    }
    assertThat(log.get(0))
        .startsWith("WARN sensu: cannot send events (Sensu client socket 127.0.0.1:" + port + ": ");
    assertThat(log).filteredOn(l -> l.startsWith("WARN")).hasSize(1);
    assertThat(log)
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "INFO sensu: sending events again after \\d+ failed attempts \\(0 events given up\\)"));
  }
}
