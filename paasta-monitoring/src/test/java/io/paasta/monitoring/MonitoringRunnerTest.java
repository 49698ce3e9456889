package io.paasta.monitoring;

import static io.paasta.monitoring.testing.Fixtures.WEB_MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paasta.model.MonitoringConfig;
import io.paasta.monitoring.alert.Event;
import io.paasta.monitoring.alert.Transition;
import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.check.CheckSettings;
import io.paasta.monitoring.check.CheckStatus;
import io.paasta.monitoring.check.InstanceChecks;
import io.paasta.monitoring.check.InstanceSnapshot;
import io.paasta.monitoring.send.MonitoringLog;
import io.paasta.monitoring.testing.Fixtures;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The runner: evaluation cadence, routing, resolution, forgetting, states and meters. */
class MonitoringRunnerTest {
  private final ManualClock clock = new ManualClock(Fixtures.NOW);
  private final List<Event> sent = new CopyOnWriteArrayList<>();
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MonitoringRunner runner =
      new MonitoringRunner(
          "local", new InstanceChecks(CheckSettings.DEFAULTS), sent::add, registry, log(), clock);

  @Test
  void underReplicationIsAlertedAfterTwoMinutesThenResolved() {
    MonitoringConfig web = Fixtures.team("web");
    List<String> timeline = new ArrayList<>();
    for (int minute = 0; minute < 4; minute++) {
      timeline.add(names(runner.evaluate(List.of(underReplicated(web)))));
      clock.advance(Duration.ofMinutes(1));
    }
    timeline.add(names(runner.evaluate(List.of(healthy(web)))));
    clock.advance(Duration.ofMinutes(1));
    timeline.add(names(runner.evaluate(List.of(healthy(web)))));
    assertThat(timeline)
        .containsExactly(
            "",
            "",
            "ALERT CRITICAL check_marathon_services_replication.web.main",
            "ALERT CRITICAL check_marathon_services_replication.web.main",
            "RESOLVE OK check_marathon_services_replication.web.main",
            "");
    assertThat(sent).hasSize(3);
    assertThat(sent.get(2).output())
        .isEqualTo("Service web.main has 3 out of 3 expected instances available (threshold: 50%)");
  }

  @Test
  void checksAlertAtMostEveryCheckEvery() {
    MonitoringConfig web = Fixtures.monitoring("web", "0s", "1", "5m");
    assertThat(runner.evaluate(List.of(underReplicated(web)))).hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(runner.evaluate(List.of(underReplicated(web)))).isEmpty();
    clock.advance(Duration.ofMinutes(4));
    assertThat(runner.evaluate(List.of(underReplicated(web)))).hasSize(1);
  }

  @Test
  void aFailingCheckSaysWhenToLookAgainForItsAlertToComeOnTime() {
    // check_every 10m, alert_after 30s: the alert is due 30 s after the first failing evaluation
    MonitoringConfig web = Fixtures.monitoring("web", "30s", "1", "10m");
    runner.evaluate(List.of(healthy(web)));
    assertThat(runner.nextEvaluation(WEB_MAIN)).isEmpty();
    clock.advance(Duration.ofSeconds(7));
    assertThat(runner.evaluate(List.of(underReplicated(web)))).isEmpty();
    assertThat(runner.nextEvaluation(WEB_MAIN)).contains(Fixtures.NOW.plusSeconds(37));
    clock.advance(Duration.ofSeconds(30));
    assertThat(names(runner.evaluate(List.of(underReplicated(web)))))
        .isEqualTo("ALERT CRITICAL check_marathon_services_replication.web.main");
  }

  @Test
  void statusShowsTheLatestResultWhileAlertsWaitForCheckEvery() {
    MonitoringConfig web = Fixtures.monitoring("web", "0s", "1", "5m");
    assertThat(runner.evaluate(List.of(underReplicated(web)))).hasSize(1); // alerted
    clock.advance(Duration.ofSeconds(10));

    // healthy again before check_every: no resolve yet, but status says OK, as of now
    assertThat(runner.evaluate(List.of(healthy(web)))).isEmpty();

    CheckState replication = runner.currentStates(WEB_MAIN).get(0);
    assertThat(replication.status()).isEqualTo(CheckStatus.OK);
    assertThat(replication.output()).contains("has 3 out of 3 expected instances");
    assertThat(replication.since()).isEqualTo(Fixtures.NOW.plusSeconds(10));
    assertThat(replication.lastEvaluated()).isEqualTo(Fixtures.NOW.plusSeconds(10));
    assertThat(replication.alerted()).isTrue(); // resolved when the check is next due
    clock.advance(Duration.ofMinutes(5));
    assertThat(names(runner.evaluate(List.of(healthy(web)))))
        .isEqualTo("RESOLVE OK check_marathon_services_replication.web.main");
    assertThat(runner.currentStates(WEB_MAIN).get(0).alerted()).isFalse();
  }

  @Test
  void withoutATeamNothingIsSentButStatesAreKeptAndCounted() {
    MonitoringConfig none = Fixtures.monitoring(null, "0s", null, null);
    assertThat(runner.evaluate(List.of(underReplicated(none)))).isEmpty();
    assertThat(sent).isEmpty();
    assertThat(runner.currentStates(WEB_MAIN))
        .filteredOn(s -> s.kind() == CheckKind.REPLICATION)
        .singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo(CheckStatus.CRITICAL));
    assertThat(
            registry
                .get("paasta.monitoring.alerts.unrouted")
                .tag("check", "replication")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void currentStatesListEveryCheckWithItsSince() {
    runner.evaluate(List.of(underReplicated(Fixtures.team("web"))));
    clock.advance(Duration.ofMinutes(1));
    runner.evaluate(List.of(underReplicated(Fixtures.team("web"))));
    List<CheckState> states = runner.currentStates(WEB_MAIN);
    assertThat(states)
        .extracting(CheckState::kind)
        .containsExactly(
            CheckKind.REPLICATION,
            CheckKind.DEPLOY,
            CheckKind.CRASH_LOOP,
            CheckKind.OOM,
            CheckKind.HEALTHCHECK);
    assertThat(states.get(0).since()).isEqualTo(Fixtures.NOW);
    assertThat(states.get(0).lastEvaluated()).isEqualTo(Fixtures.NOW.plus(Duration.ofMinutes(1)));
    assertThat(states.get(0).alerted()).isFalse();
  }

  @Test
  void forgettingAnInstanceResolvesItsAlertedFailures() {
    MonitoringConfig web = Fixtures.monitoring("web", "0s", null, null);
    runner.evaluate(List.of(underReplicated(web)));
    List<Event> resolved = runner.retainOnly(List.of());
    assertThat(resolved)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.transition()).isEqualTo(Transition.RESOLVE);
              assertThat(e.status()).isEqualTo(CheckStatus.OK);
              assertThat(e.output()).isEqualTo("web.main is no longer configured in cluster local");
            });
    assertThat(runner.currentStates(WEB_MAIN)).isEmpty();
    assertThat(gauge("replication", "critical")).isZero();
  }

  @Test
  void gaugesCountChecksPerStatus() {
    runner.evaluate(List.of(underReplicated(Fixtures.monitoring("web", "0s", null, null))));
    assertThat(gauge("replication", "critical")).isEqualTo(1);
    assertThat(gauge("deploy", "ok")).isEqualTo(1);
    assertThat(
            registry
                .get("paasta.monitoring.checks.alerting")
                .tag("check", "replication")
                .gauge()
                .value())
        .isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));
    runner.evaluate(List.of(healthy(Fixtures.team("web"))));
    assertThat(gauge("replication", "critical")).isZero();
    assertThat(gauge("replication", "ok")).isEqualTo(1);
    assertThat(
            registry
                .get("paasta.monitoring.alerts")
                .tag("check", "replication")
                .tag("transition", "resolve")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void badMonitoringValuesAreLoggedOnceAndDefaulted() {
    MonitoringConfig bad = Fixtures.monitoring("web", "soon", null, null);
    for (int i = 0; i < 3; i++) {
      runner.evaluate(List.of(underReplicated(bad)));
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(warnings)
        .containsExactly(
            "web.main in local: monitoring config: alert_after: 'soon' is not a duration such as 30s, 2m"
                + " or 1h (or a number of seconds); using the check's default");
    assertThat(sent).hasSize(1);
  }

  private double gauge(String check, String status) {
    return registry
        .get("paasta.monitoring.checks")
        .tag("check", check)
        .tag("status", status)
        .gauge()
        .value();
  }

  private static InstanceSnapshot underReplicated(MonitoringConfig monitoring) {
    return Fixtures.snapshot(monitoring, 3, Fixtures.healthyTasks(1));
  }

  private static InstanceSnapshot healthy(MonitoringConfig monitoring) {
    return Fixtures.snapshot(monitoring, 3, Fixtures.healthyTasks(3));
  }

  private static String names(List<Event> events) {
    return String.join(
        ", ",
        events.stream().map(e -> e.transition() + " " + e.status() + " " + e.name()).toList());
  }

  private MonitoringLog log() {
    return Fixtures.warningsTo(warnings);
  }
}
