package io.paasta.server.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.config.logs.LogFileReader;
import io.paasta.config.logs.LogFilter;
import io.paasta.config.logs.LogLine;
import io.paasta.config.logs.LogWriterSettings;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.planning.backend.TaskLogSink;
import io.paasta.server.DaemonLog;
import io.paasta.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines the daemon writes to the services' logs, and the collector's positions. */
class ServiceLogsTest {
  private static final InstanceRef WEB_MAIN =
      new InstanceRef("web", "local", "main", InstanceKind.MARATHON);

  @TempDir Path state;
  private final ManualClock clock = new ManualClock();
  private final ByteArrayOutputStream daemonOut = new ByteArrayOutputStream();
  private final DaemonLog warnings =
      new DaemonLog(new PrintStream(daemonOut, true, StandardCharsets.UTF_8), clock);

  private ServiceLogs open() {
    return ServiceLogs.open(LogWriterSettings.defaults(state), "local", state, warnings, clock);
  }

  private List<LogLine> stored(String service) throws Exception {
    return new LogFileReader(LogWriterSettings.defaults(state).pathFormat().get())
        .tail(service, LogFilter.all(), 100).entries().stream().map(e -> e.line()).toList();
  }

  @Test
  void theDaemonsLinesAboutAnInstanceAreDeployLinesOfItsService() throws Exception {
    try (ServiceLogs logs = open()) {
      DaemonLog log = new DaemonLog(new PrintStream(daemonOut, true), clock, logs.deployLines());
      log.info("web.main", "bounce: start 3 tasks of web.main.git1.config2");
      log.warn("web.main", "pass failed 2 time(s) in a row; next try in 4 s");
      log.info("smartstack", "not about an instance");
      logs.oom(WEB_MAIN, "task abc of web.main was killed by the OOM killer (limit 512 MB)");
    }

    assertThat(stored("web"))
        .extracting(LogLine::component, LogLine::instance, LogLine::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "deploy", "main", "bounce: start 3 tasks of web.main.git1.config2"),
            org.assertj.core.groups.Tuple.tuple(
                "deploy", "main", "WARN pass failed 2 time(s) in a row; next try in 4 s"),
            org.assertj.core.groups.Tuple.tuple(
                "oom", "main", "task abc of web.main was killed by the OOM killer (limit 512 MB)"));
    assertThat(Files.exists(state.resolve("logs/smartstack.log"))).isFalse();
  }

  @Test
  void outputAndLifecycleWithPositionsThatOutliveTheDaemon() throws Exception {
    Instant t1 = Instant.parse("2026-01-01T00:00:01.123456789Z");
    try (ServiceLogs logs = open()) {
      assertThat(logs.storedUpTo("task1")).isEmpty();
      logs.lifecycle(WEB_MAIN, "task1", t1, "task task1 started");
      logs.output(WEB_MAIN, "task1", "stdout", t1, "hello");
      logs.lifecycle(WEB_MAIN, "task1", t1, "task task1 started"); // a replayed event
    }
    try (ServiceLogs again = open()) { // the daemon restarted
      assertThat(again.storedUpTo("task1")).contains(t1);
      again.lifecycle(WEB_MAIN, "task1", t1, "task task1 started");
      again.lifecycle(WEB_MAIN, "task1", t1.plusSeconds(1), "task task1 exited with code 0");
    }

    assertThat(stored("web"))
        .extracting(LogLine::component, LogLine::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("task_lifecycle", "task task1 started"),
            org.assertj.core.groups.Tuple.tuple("stdout", "hello"),
            org.assertj.core.groups.Tuple.tuple("task_lifecycle", "task task1 exited with code 0"));
    assertThat(stored("web").get(1).taskId()).contains("task1");
  }

  @Test
  void tasksNotHeardOfForAWeekAreForgotten() {
    try (ServiceLogs logs = open()) {
      logs.output(WEB_MAIN, "old", "stdout", clock.instant(), "x");
      clock.advance(ServiceLogs.FORGET_TASKS_AFTER.plus(Duration.ofMinutes(1)));
      logs.output(WEB_MAIN, "new", "stdout", clock.instant(), "y");
    }
    try (ServiceLogs again = open()) {
      assertThat(again.storedUpTo("old")).isEmpty();
      assertThat(again.storedUpTo("new")).isPresent();
    }
  }

  @Test
  void aLogWriterThatCannotWriteIsToldOnceAndStopsNothing() throws Exception {
    Files.writeString(state.resolve("logs"), "a file where the directory should be");
    try (ServiceLogs logs = open()) {
      logs.oom(WEB_MAIN, "one");
      logs.oom(WEB_MAIN, "two");
    }

    assertThat(daemonOut.toString(StandardCharsets.UTF_8).lines())
        .filteredOn(l -> l.contains("cannot write the log line of web"))
        .hasSize(1);
  }

  @Test
  void outputsHandedTogetherAreStoredInOrderAndAreTheTasksLastOutput() throws Exception {
    Instant t0 = Instant.parse("2026-12-06T00:00:00Z");
    try (ServiceLogs logs = open()) {
      assertThat(logs.lastOutput(WEB_MAIN, "task1", 10)).isEmpty(); // nothing stored yet
      logs.outputs(
          List.of(
              new TaskLogSink.Output(WEB_MAIN, "task1", "stdout", t0, "one"),
              new TaskLogSink.Output(WEB_MAIN, "task2", "stdout", t0.plusSeconds(1), "other"),
              new TaskLogSink.Output(WEB_MAIN, "task1", "stderr", t0.plusSeconds(2), "two"),
              new TaskLogSink.Output(WEB_MAIN, "task1", "stdout", t0.plusSeconds(3), "three")));

      assertThat(logs.storedUpTo("task1")).contains(t0.plusSeconds(3));
      assertThat(logs.storedUpTo("task2")).contains(t0.plusSeconds(1));
      assertThat(logs.lastOutput(WEB_MAIN, "task1", 2)).contains(List.of("two", "three"));
      assertThat(logs.lastOutput(WEB_MAIN, "task3", 2)).isEmpty();
    }
    assertThat(stored("web"))
        .extracting(LogLine::message)
        .containsExactly("one", "other", "two", "three");
  }

  @Test
  void aDaemonKilledWithoutClosingResumesAfterTheLastBatchItStored() throws Exception {
    Instant t0 = Instant.parse("2026-12-06T00:00:00.000000001Z");
    ServiceLogs killed = open(); // never closed before the next opens: the daemon was killed
    killed.outputs(List.of(new TaskLogSink.Output(WEB_MAIN, "task1", "stdout", t0, "saved")));
    clock.advance(Duration.ofMillis(100)); // less than a save's interval: in the journal only
    killed.outputs(
        List.of(
            new TaskLogSink.Output(WEB_MAIN, "task1", "stdout", t0.plusSeconds(1), "one"),
            new TaskLogSink.Output(WEB_MAIN, "task2", "stdout", t0.plusSeconds(2), "two")));
    Path journal = state.resolve("logs").resolve("positions.json.journal");
    Files.writeString(journal, "task1 2026-12-06T00:", java.nio.file.StandardOpenOption.APPEND);

    try (ServiceLogs again = open()) {
      assertThat(again.storedUpTo("task1")).contains(t0.plusSeconds(1));
      assertThat(again.storedUpTo("task2")).contains(t0.plusSeconds(2));
      clock.advance(Duration.ofSeconds(2)); // a save is due: the journal is folded into the file
      again.outputs(
          List.of(new TaskLogSink.Output(WEB_MAIN, "task1", "stdout", t0.plusSeconds(3), "3")));
      assertThat(journal).doesNotExist();
    }
    try (ServiceLogs third = open()) {
      assertThat(third.storedUpTo("task1")).contains(t0.plusSeconds(3));
      assertThat(third.storedUpTo("task2")).contains(t0.plusSeconds(2));
    } finally {
      killed.close();
    }
  }
}
