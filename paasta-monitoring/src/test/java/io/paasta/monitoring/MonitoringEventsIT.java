package io.paasta.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.MonitoringConfig;
import io.paasta.monitoring.alert.Event;
import io.paasta.monitoring.check.AutoscalerSnapshot;
import io.paasta.monitoring.check.CheckKind;
import io.paasta.monitoring.check.CheckSettings;
import io.paasta.monitoring.check.DeployProgress;
import io.paasta.monitoring.check.InstanceChecks;
import io.paasta.monitoring.check.InstanceSnapshot;
import io.paasta.monitoring.check.JobSnapshot;
import io.paasta.monitoring.send.EventDispatcher;
import io.paasta.monitoring.send.EventSender;
import io.paasta.monitoring.send.LogSender;
import io.paasta.monitoring.send.MonitoringLog;
import io.paasta.monitoring.send.RetryPolicy;
import io.paasta.monitoring.send.SensuSocketSender;
import io.paasta.monitoring.send.WebhookSender;
import io.paasta.monitoring.testing.Fixtures;
import io.paasta.monitoring.testing.SensuListener;
import io.paasta.monitoring.testing.WebhookListener;
import io.paasta.planning.jobs.JobRun;
import io.paasta.planning.jobs.JobStatus;
import io.paasta.planning.jobs.RunState;
import io.paasta.planning.jobs.RunTrigger;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import io.paasta.planning.observed.TaskState;
import io.paasta.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every check, end to end: the runner evaluates a failing instance minute by minute, and the events
 * reach a real TCP listener speaking the Sensu client protocol, a real HTTP listener for the
 * webhook, and the log. With alert_after 2m and realert_every 2, the first alert comes at minute 2,
 * re-alerts at minutes 4 and 6, and the first OK (minute 7) resolves.
 */
class MonitoringEventsIT {
  private static final MonitoringConfig WEB = Fixtures.monitoring("web", "2m", "2", "1m");
  private static final InstanceRef JOB =
      new InstanceRef("web", "local", "nightly", InstanceKind.CHRONOS);

  private final ManualClock clock = new ManualClock(Fixtures.NOW);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private SensuListener sensu;
  private WebhookListener webhook;
  private EventDispatcher dispatcher;
  private MonitoringRunner runner;

  @BeforeEach
  void start() throws Exception {
    sensu = new SensuListener(SensuListener.Mode.ANSWER_OK);
    webhook = new WebhookListener(1);
    MonitoringLog log =
        new MonitoringLog() {
          @Override
          public void info(String message) {
            logLines.add("INFO " + message);
          }

          @Override
          public void warn(String message) {
            logLines.add("WARN " + message);
          }
        };
    List<EventSender> senders =
        List.of(
            new LogSender(log),
            new SensuSocketSender("127.0.0.1", sensu.port(), Duration.ofSeconds(5)),
            new WebhookSender(
                webhook.url(), Map.of("Authorization", "Bearer t0ken"), Duration.ofSeconds(5)));
    RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50));
    dispatcher = new EventDispatcher(senders, 100, retry, registry, log).start();
    runner =
        new MonitoringRunner(
            "local",
            new InstanceChecks(CheckSettings.DEFAULTS),
            dispatcher::offer,
            registry,
            log,
            clock);
  }

  @AfterEach
  void stop() throws Exception {
    dispatcher.close();
    sensu.close();
    webhook.close();
  }

  @ParameterizedTest
  @EnumSource(CheckKind.class)
  void eachCheckFiresRealertsAndResolves(CheckKind kind) {
    List<Integer> alertMinutes = new ArrayList<>();
    for (int minute = 0; minute <= 8; minute++) {
      boolean failing = minute <= 6;
      List<Event> events = evaluate(kind, failing);
      assertThat(events).allSatisfy(e -> assertThat(e.kind()).isEqualTo(kind));
      if (!events.isEmpty()) {
        alertMinutes.add(minute);
      }
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(alertMinutes).containsExactly(2, 4, 6, 7);

    await().until(() -> sent("sensu") == 4 && sent("webhook") == 4 && sent("log") == 4);
    boolean job = kind == CheckKind.JOB || kind == CheckKind.JOB_SETUP;
    String name = kind.checkName(job ? JOB : Fixtures.WEB_MAIN);
    int failing = kind == CheckKind.HEALTHCHECK || kind == CheckKind.AUTOSCALER_MAX ? 1 : 2;
    for (List<Map<String, Object>> received : List.of(sensu.received(), webhook.received())) {
      assertThat(received).extracting(e -> e.get("name")).containsOnly(name);
      assertThat(received)
          .extracting(e -> e.get("status"))
          .containsExactly(failing, failing, failing, 0);
      assertThat(received)
          .allSatisfy(
              e -> {
                assertThat(e.get("team")).isEqualTo("web");
                assertThat(e.get("source")).isEqualTo("paasta-local");
                assertThat(e.get("alert_after")).isEqualTo(120);
                assertThat(e.get("realert_every")).isEqualTo(2);
                assertThat(e.get("check_every")).isEqualTo(60);
              });
    }
    assertThat(webhook.authorizations()).containsOnly("Bearer t0ken");
    assertThat(
            registry
                .get("paasta.monitoring.events.retried")
                .tag("sender", "webhook")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(logLines).filteredOn(l -> l.contains(name)).hasSize(4);
    assertThat(logLines)
        .filteredOn(l -> l.contains(name))
        .last()
        .asString()
        .startsWith("INFO RESOLVE OK " + name);
  }

  private double sent(String sender) {
    return registry.get("paasta.monitoring.events.sent").tag("sender", sender).counter().count();
  }

  private List<Event> evaluate(CheckKind kind, boolean failing) {
    Instant now = clock.instant();
    if (kind == CheckKind.JOB || kind == CheckKind.JOB_SETUP) {
      return runner.evaluateJobs(List.of(job(kind, failing, now))).stream()
          .filter(e -> e.kind() == kind)
          .toList();
    }
    List<ObservedTask> tasks = new ArrayList<>();
    int healthy = failing && kind == CheckKind.REPLICATION ? 1 : 3;
    for (int i = 0; i < healthy; i++) {
      tasks.add(task("t" + i, now, TaskState.RUNNING, HealthState.HEALTHY));
    }
    if (failing && kind == CheckKind.HEALTHCHECK) {
      tasks.add(task("sick", now, TaskState.RUNNING, HealthState.UNHEALTHY));
    }
    if (failing && kind == CheckKind.CRASH_LOOP) {
      for (int i = 0; i < 3; i++) {
        tasks.add(
            task("crashed" + i, now.minusSeconds(60L * i), TaskState.EXITED, HealthState.UNKNOWN));
      }
    }
    DeployProgress deploy =
        failing && kind == CheckKind.DEPLOY
            ? new DeployProgress(
                Optional.of(now.minus(Duration.ofMinutes(30))),
                Optional.empty(),
                "bouncing crossover: 0/3 new happy")
            : DeployProgress.steady("running 3/3");
    List<Instant> ooms =
        failing && kind == CheckKind.OOM ? List.of(now.minusSeconds(20)) : List.of();
    // autoscaled at max_instances: over the setpoint while failing
    Optional<AutoscalerSnapshot> autoscaler =
        kind == CheckKind.AUTOSCALER_MAX
            ? Optional.of(new AutoscalerSnapshot(3, 3, OptionalDouble.of(failing ? 0.9 : 0.5), 0.8))
            : Optional.empty();
    return runner.evaluate(
        List.of(
            new InstanceSnapshot(
                Fixtures.WEB_MAIN, WEB, 3, 50, tasks, Optional.empty(), deploy, ooms, autoscaler)));
  }

  /** The job failing (its last run failed, or it is not deployed) or fine, run an hour ago. */
  private static JobSnapshot job(CheckKind kind, boolean failing, Instant now) {
    boolean runFailed = failing && kind == CheckKind.JOB;
    JobRun run =
        new JobRun(
            7,
            JOB,
            now.minusSeconds(40),
            RunTrigger.SCHEDULE,
            runFailed ? RunState.FAILED : RunState.SUCCEEDED,
            Optional.of(now.minusSeconds(30)),
            Optional.of(now.minusSeconds(10)),
            OptionalInt.of(runFailed ? 1 : 0),
            3,
            3,
            "abc",
            "h",
            Optional.of("task"),
            runFailed ? "exited 1" : "");
    JobStatus status =
        new JobStatus(
            JOB,
            true,
            Optional.of("R/2026-01-01T00:00:00Z/PT5M"),
            "UTC",
            Duration.ofSeconds(60),
            List.of(),
            Optional.of(now.plusSeconds(60)),
            "echo hi",
            3,
            !(failing && kind == CheckKind.JOB_SETUP),
            Optional.empty(),
            Optional.empty(),
            List.of(run));
    return JobSnapshot.of(WEB, status, Optional.of(Duration.ofMinutes(5)));
  }

  private static ObservedTask task(String id, Instant now, TaskState state, HealthState health) {
    boolean exited = state == TaskState.EXITED;
    return new ObservedTask(
        id,
        "web.main.git01234567.config89abcdef",
        state,
        Optional.of(exited ? now.minusSeconds(5) : now.minus(Duration.ofHours(1))),
        exited ? Optional.of(now) : Optional.empty(),
        exited ? OptionalInt.of(1) : OptionalInt.empty(),
        OptionalInt.of(31000),
        health,
        io.paasta.planning.observed.DrainState.NOT_DRAINING,
        false);
  }
}
