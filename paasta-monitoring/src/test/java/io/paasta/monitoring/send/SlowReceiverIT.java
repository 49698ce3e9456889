package io.paasta.monitoring.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.MonitoringConfig;
import io.paasta.monitoring.MonitoringRunner;
import io.paasta.monitoring.alert.Event;
import io.paasta.monitoring.check.CheckSettings;
import io.paasta.monitoring.check.DeployProgress;
import io.paasta.monitoring.check.InstanceChecks;
import io.paasta.monitoring.check.InstanceSnapshot;
import io.paasta.monitoring.testing.Fixtures;
import io.paasta.monitoring.testing.SensuListener;
import io.paasta.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Receivers that accept connections and never read them (one for the Sensu socket, one for the
 * webhook): the daemon's passes go on, each sender's queue stays within its bound, what does not
 * fit is dropped and counted, and each sender holds one connection at a time.
 */
class SlowReceiverIT {
  private static final int CAPACITY = 50;
  private static final int INSTANCES = 1000;
  private static final int PASSES = 5;

  @Test
  void aReceiverThatNeverReadsNeitherBlocksPassesNorGrowsQueues() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (SensuListener sensuHole = new SensuListener(SensuListener.Mode.NEVER_READ);
        SensuListener webhookHole = new SensuListener(SensuListener.Mode.NEVER_READ)) {
      List<EventSender> senders =
          List.of(
              new SensuSocketSender("127.0.0.1", sensuHole.port(), Duration.ofMillis(200)),
              new WebhookSender(
                  URI.create("http://127.0.0.1:" + webhookHole.port() + "/events"),
                  Map.of(),
                  Duration.ofMillis(200)));
      RetryPolicy retry = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10));
      ManualClock clock = new ManualClock(Fixtures.NOW);
      try (EventDispatcher dispatcher =
          new EventDispatcher(senders, CAPACITY, retry, registry, MonitoringLog.discard())
              .start()) {
        MonitoringRunner runner =
            new MonitoringRunner(
                "local",
                new InstanceChecks(CheckSettings.DEFAULTS),
                dispatcher::offer,
                registry,
                MonitoringLog.discard(),
                clock);
        List<InstanceSnapshot> failing = failingInstances();
        int offered =
            assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> {
                  int events = 0;
                  for (int pass = 0; pass < PASSES; pass++) {
                    List<Event> sent = runner.evaluate(failing);
                    events += sent.size();
                    assertThat(dispatcher.queued().values()).allMatch(size -> size <= CAPACITY);
                    clock.advance(Duration.ofMinutes(1));
                  }
                  return events;
                },
                "evaluate() blocked on a receiver that never reads");
        // five failing passes: exponential backoff alerts each instance on attempts 1, 2 and 4
        assertThat(offered).isEqualTo(INSTANCES * 3);
        for (String sender : List.of("sensu", "webhook")) {
          await().until(() -> count(registry, "paasta.monitoring.events.failed", sender) >= 1);
          assertThat(count(registry, "paasta.monitoring.events.dropped", sender))
              .as(sender + " dropped")
              .isGreaterThan(offered / 2.0);
          assertThat(count(registry, "paasta.monitoring.events.sent", sender)).isZero();
        }
        // one connection per attempt, not per offered event
        assertThat(sensuHole.accepted()).isLessThan(offered / 10);
        assertThat(webhookHole.accepted()).isLessThan(offered / 10);
      }
      // closed: every event offered was given up or dropped (what was still queued included)
      for (String sender : List.of("sensu", "webhook")) {
        assertThat(
                count(registry, "paasta.monitoring.events.failed", sender)
                    + count(registry, "paasta.monitoring.events.dropped", sender))
            .as(sender + " failed + dropped")
            .isEqualTo(INSTANCES * 3);
      }
    }
  }

  @Test
  void offerReturnsAtOnceWhateverTheQueue() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    EventSender stuck =
        new EventSender() {
          @Override
          public String name() {
            return "stuck";
          }

          @Override
          public void send(Event event) throws SendException {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw SendException.retryable("interrupted", e);
            }
          }
        };
    try (EventDispatcher dispatcher =
        new EventDispatcher(
                List.of(stuck), 10, RetryPolicy.DEFAULT, registry, MonitoringLog.discard())
            .start()) {
      Event event = anEvent();
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () -> {
            for (int i = 0; i < 100_000; i++) {
              dispatcher.offer(event);
            }
          });
      assertThat(dispatcher.queued().get("stuck")).isLessThanOrEqualTo(10);
      assertThat(count(registry, "paasta.monitoring.events.dropped", "stuck"))
          .isGreaterThanOrEqualTo(100_000 - 11);
    }
  }

  private static double count(SimpleMeterRegistry registry, String name, String sender) {
    return registry.get(name).tag("sender", sender).counter().count();
  }

  private static List<InstanceSnapshot> failingInstances() {
    MonitoringConfig monitoring = Fixtures.monitoring("web", "0s", null, null);
    List<InstanceSnapshot> snapshots = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      InstanceRef ref = new InstanceRef("svc" + i, "local", "main", InstanceKind.MARATHON);
      snapshots.add(
          new InstanceSnapshot(
              ref,
              monitoring,
              3,
              50,
              Fixtures.healthyTasks(1),
              Optional.empty(),
              DeployProgress.steady("running 1/3"),
              List.of()));
    }
    return snapshots;
  }

  private static Event anEvent() {
    return new io.paasta.monitoring.alert.EventFactory("local")
        .build(
            Fixtures.WEB_MAIN,
            Fixtures.team("web"),
            io.paasta.monitoring.alert.AlertPolicy.defaults(
                io.paasta.monitoring.check.CheckKind.REPLICATION),
            new io.paasta.monitoring.check.CheckResult(
                "x.web.main",
                io.paasta.monitoring.check.CheckKind.REPLICATION,
                io.paasta.monitoring.check.CheckStatus.CRITICAL,
                "down"),
            io.paasta.monitoring.alert.Transition.ALERT,
            Fixtures.NOW)
        .orElseThrow();
  }
}
