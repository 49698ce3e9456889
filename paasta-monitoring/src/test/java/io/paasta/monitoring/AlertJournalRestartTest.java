package io.paasta.monitoring;

import static io.paasta.monitoring.testing.Fixtures.WEB_MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paasta.model.MonitoringConfig;
import io.paasta.monitoring.alert.Event;
import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.check.CheckSettings;
import io.paasta.monitoring.check.CheckStatus;
import io.paasta.monitoring.check.InstanceChecks;
import io.paasta.monitoring.check.InstanceSnapshot;
import io.paasta.monitoring.send.MonitoringLog;
import io.paasta.monitoring.testing.Fixtures;
import io.paasta.monitoring.testing.MemoryAlertJournal;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The alert state outlives a daemon restart: a runner started on the journal of the previous one
 * goes on where it stopped (each test compares with a restart that forgets, {@link
 * AlertJournal#NONE}, to show what the journal changes).
 */
class AlertJournalRestartTest {
  private static final String REPLICATION = "check_marathon_services_replication.web.main";

  /** alert_after 2m, realert_every 100 (no re-alert in these tests), check_every 1m. */
  private static final MonitoringConfig WEB = Fixtures.monitoring("web", "2m", "100", "1m");

  private final ManualClock clock = new ManualClock(Fixtures.NOW);
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final MemoryAlertJournal journal = new MemoryAlertJournal();

  @Test
  void anAlertSentBeforeARestartIsResolvedAfterItWhenTheCheckIsOk() {
    MonitoringRunner before = runner(journal);
    List<String> alerts = failForMinutes(before, 3);
    assertThat(alerts).containsExactly("", "", "ALERT CRITICAL " + REPLICATION);

    clock.advance(Duration.ofMinutes(1));
    assertThat(names(runner(journal).evaluate(List.of(healthy()))))
        .isEqualTo("RESOLVE OK " + REPLICATION);
    assertThat(names(runner(AlertJournal.NONE).evaluate(List.of(healthy())))).isEmpty();
    assertThat(journal.load()).doesNotContainKey(WEB_MAIN); // resolved: nothing left to keep
  }

  @Test
  void aCheckFailingThroughARestartDoesNotAlertAgainAndKeepsItsFailingSince() {
    failForMinutes(runner(journal), 3); // alerted at minute 2
    MonitoringRunner after = runner(journal);
    MonitoringRunner forgetful = runner(AlertJournal.NONE);

    List<String> afterRestart = failForMinutes(after, 4);
    clock.set(Fixtures.NOW.plusSeconds(180));
    List<String> forgetfulRestart = failForMinutes(forgetful, 4);

    assertThat(afterRestart).containsOnly("");
    assertThat(forgetfulRestart).contains("ALERT CRITICAL " + REPLICATION);
    CheckState replication = replication(after);
    assertThat(replication.since()).isEqualTo(Fixtures.NOW);
    assertThat(replication.alerted()).isTrue();
  }

  @Test
  void aFailureNotYetAlertedIsAlertedOnTimeAfterARestart() {
    failForMinutes(runner(journal), 1); // failing since NOW, alert due at NOW + 2m
    clock.set(Fixtures.NOW.plusSeconds(60));
    MonitoringRunner after = runner(journal);
    assertThat(after.evaluate(List.of(underReplicated()))).isEmpty();
    assertThat(after.nextEvaluation(WEB_MAIN)).contains(Fixtures.NOW.plusSeconds(120));
    clock.set(Fixtures.NOW.plusSeconds(120));
    assertThat(names(after.evaluate(List.of(underReplicated()))))
        .isEqualTo("ALERT CRITICAL " + REPLICATION);
  }

  @Test
  void theJournalIsWrittenOnTransitionsNotOnEveryEvaluation() {
    MonitoringRunner runner = runner(journal);
    failForMinutes(runner, 10); // a failure starts, then its alert at minute 2
    assertThat(journal.writes()).isEqualTo(2);
    for (int i = 0; i < 5; i++) {
      runner.evaluate(List.of(healthy())); // the resolve, then quiet OKs
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(journal.writes()).isEqualTo(3);
    assertThat(journal.load()).doesNotContainKey(WEB_MAIN);
  }

  @Test
  void forgettingAnInstanceForgetsItInTheJournalAndWarnsOfAnAlertLeftUnresolved() {
    failForMinutes(runner(journal), 3);
    MonitoringRunner after = runner(journal);
    assertThat(after.retainOnly(List.of())).isEmpty(); // its monitoring config is not known yet
    assertThat(journal.load()).doesNotContainKey(WEB_MAIN);
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains(WEB_MAIN.toString(), "replication", "not resolved");
    assertThat(runner(journal).currentStates(WEB_MAIN)).isEmpty();
  }

  @Test
  void anInstanceEvaluatedAfterTheRestartIsResolvedWhenForgotten() {
    failForMinutes(runner(journal), 3);
    clock.advance(Duration.ofSeconds(10));
    MonitoringRunner after = runner(journal);
    after.evaluate(List.of(underReplicated()));
    assertThat(names(after.forget(WEB_MAIN))).isEqualTo("RESOLVE OK " + REPLICATION);
    assertThat(journal.load()).doesNotContainKey(WEB_MAIN);
  }

  /** Evaluates a failing replication once a minute; returns what each evaluation sent. */
  private List<String> failForMinutes(MonitoringRunner runner, int minutes) {
    List<String> sent = new java.util.ArrayList<>();
    for (int minute = 0; minute < minutes; minute++) {
      sent.add(names(runner.evaluate(List.of(underReplicated()))));
      clock.advance(Duration.ofMinutes(1));
    }
    return sent;
  }

  private MonitoringRunner runner(AlertJournal journal) {
    return new MonitoringRunner(
        "local",
        new InstanceChecks(CheckSettings.DEFAULTS),
        event -> {},
        new SimpleMeterRegistry(),
        log(),
        clock,
        journal);
  }

  private static CheckState replication(MonitoringRunner runner) {
    return runner.currentStates(WEB_MAIN).stream()
        .filter(s -> s.kind() == CheckKind.REPLICATION)
        .findFirst()
        .orElseThrow();
  }

  private static InstanceSnapshot underReplicated() {
    return Fixtures.snapshot(WEB, 3, Fixtures.healthyTasks(1));
  }

  private static InstanceSnapshot healthy() {
    return Fixtures.snapshot(WEB, 3, Fixtures.healthyTasks(3));
  }

  private static String names(List<Event> events) {
    return String.join(
        ", ",
        events.stream()
            .filter(e -> e.status() == CheckStatus.OK || e.status().failing())
            .map(e -> e.transition() + " " + e.status() + " " + e.name())
            .toList());
  }

  private MonitoringLog log() {
    return Fixtures.warningsTo(warnings);
  }
}
