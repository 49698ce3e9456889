package io.paasta.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.monitoring.alert.AlertState;
import io.paasta.monitoring.check.CheckStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert journal's file: a round trip through a new journal (a restart), and bad files. */
class FileAlertJournalTest {
  private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
  private static final InstanceRef WEB = ref("web", "main");
  private static final InstanceRef API = ref("api", "canary");
  private static final String REPLICATION = "check_marathon_services_replication.web.main";
  private static final String DEPLOY = "setup_marathon_job.web.main";

  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  @Test
  void whatIsSavedIsLoadedByTheNextJournal() {
    FileAlertJournal journal = journal();
    journal.save(WEB, REPLICATION, alerted());
    journal.save(WEB, DEPLOY, failing());
    journal.save(API, "check_marathon_services_replication.api.canary", failing());
    journal.clear(WEB, DEPLOY);
    journal.forget(API);

    assertThat(journal().load()).isEqualTo(Map.of(WEB, Map.of(REPLICATION, alerted())));
    assertThat(journal.file()).isEqualTo(dir.resolve("alerts.json"));
    assertThat(warnings).isEmpty();
  }

  @Test
  void optionalTimesAndEmptyOutputsSurviveTheRoundTrip() {
    AlertState failing = failing();
    journal().save(WEB, DEPLOY, failing);
    assertThat(journal().load().get(WEB).get(DEPLOY)).isEqualTo(failing);
  }

  @Test
  void clearingTheLastCheckOfAnInstanceLeavesNoEntry() {
    FileAlertJournal journal = journal();
    journal.save(WEB, REPLICATION, alerted());
    journal.clear(WEB, REPLICATION);
    assertThat(journal().load()).isEmpty();
  }

  @Test
  void noFileIsAnEmptyJournal() {
    assertThat(journal().load()).isEmpty();
    assertThat(warnings).isEmpty();
    assertThat(dir.resolve("alerts.json")).doesNotExist();
  }

  @Test
  void aGarbledFileIsToldOnceAndTakenAsEmptyThenReplaced() throws IOException {
    Files.writeString(dir.resolve("alerts.json"), "{\"checks\": [ garbled");
    FileAlertJournal journal = journal();
    assertThat(journal.load()).isEmpty();
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains(dir.resolve("alerts.json").toString(), "cannot be read", "replaced");

    journal.save(WEB, REPLICATION, alerted());
    assertThat(journal().load()).isEqualTo(Map.of(WEB, Map.of(REPLICATION, alerted())));
    assertThat(warnings).hasSize(1);
  }

  @Test
  void anEntryWithABadFieldIsToldWithTheFieldAndTheFileTakenAsEmpty() throws IOException {
    Files.writeString(
        dir.resolve("alerts.json"),
        "{\"checks\": [{\"service\": \"web\", \"cluster\": \"norcal\", \"instance\": \"main\","
            + " \"kind\": \"MARATHON\", \"check\": \"c\", \"status\": 2}]}");
    assertThat(journal().load()).isEmpty();
    assertThat(warnings).singleElement().asString().contains("checks[0].status", "2");
  }

  @Test
  void aStateDirThatCannotBeWrittenIsToldOnceAndTheJournalGoesOn() throws IOException {
    Path state = Files.createDirectory(dir.resolve("state"));
    FileAlertJournal journal = new FileAlertJournal(state, warnings::add);
    Files.delete(state);
    Files.writeString(state, "a file where the state directory was");
    journal.save(WEB, REPLICATION, alerted());
    journal.save(WEB, DEPLOY, failing());
    assertThat(journal.load().get(WEB)).containsOnlyKeys(REPLICATION, DEPLOY);
    assertThat(warnings).singleElement().asString().contains("cannot write", "--state-dir");
  }

  private FileAlertJournal journal() {
    return new FileAlertJournal(dir, warnings::add);
  }

  private static InstanceRef ref(String service, String instance) {
    return new InstanceRef(service, "norcal", instance, InstanceKind.MARATHON);
  }

  private static AlertState alerted() {
    return new AlertState(
        CheckStatus.CRITICAL,
        "Service web.main has 1 out of 3 expected instances available",
        T0,
        T0.plusSeconds(180),
        Optional.of(T0),
        3,
        true,
        T0.plusSeconds(120),
        CheckStatus.CRITICAL,
        Optional.of(T0.plusSeconds(120)));
  }

  private static AlertState failing() {
    return new AlertState(
        CheckStatus.WARNING,
        "",
        T0,
        T0.plusSeconds(30),
        Optional.of(T0),
        0,
        false,
        T0,
        CheckStatus.WARNING,
        Optional.empty());
  }
}
