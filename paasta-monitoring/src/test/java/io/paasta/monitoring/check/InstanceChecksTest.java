package io.paasta.monitoring.check;

import static io.paasta.monitoring.testing.Fixtures.NOW;
import static io.paasta.monitoring.testing.Fixtures.WEB_MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.MonitoringConfig;
import io.paasta.monitoring.testing.Fixtures;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Deploy, crash-loop, OOM and health-check checks. */
class InstanceChecksTest {
  private final InstanceChecks checks = new InstanceChecks(CheckSettings.DEFAULTS);

  @Test
  void everyCheckOfAHealthyInstanceIsOkAndNamedInPaastasStyle() {
    List<CheckResult> results =
        checks.evaluate(Fixtures.snapshot(Fixtures.team("web"), 3, Fixtures.healthyTasks(3)), NOW);
    assertThat(results)
        .extracting(CheckResult::name)
        .containsExactly(
            "check_marathon_services_replication.web.main",
            "setup_marathon_job.web.main",
            "check_crash_loop.web.main",
            "oom-killer.web.main",
            "check_task_healthchecks.web.main");
    assertThat(results).extracting(CheckResult::status).containsOnly(CheckStatus.OK);
  }

  @Test
  void aBounceWithinTheLimitIsOkAndBeyondItIsStuck() {
    DeployProgress young =
        new DeployProgress(
            Optional.of(NOW.minusSeconds(9 * 60)),
            Optional.empty(),
            "bouncing crossover: 1/3 new happy");
    DeployProgress old =
        new DeployProgress(
            Optional.of(NOW.minusSeconds(14 * 60)),
            Optional.empty(),
            "bouncing crossover: 1/3 new happy");
    CheckResult inProgress = DeployCheck.evaluate(deploy(young), NOW, CheckSettings.DEFAULTS);
    CheckResult stuck = DeployCheck.evaluate(deploy(old), NOW, CheckSettings.DEFAULTS);
    assertThat(inProgress.status()).isEqualTo(CheckStatus.OK);
    assertThat(inProgress.output())
        .isEqualTo(
            "Bounce of web.main in progress for 9m (limit 10m): bouncing crossover: 1/3 new happy");
    assertThat(stuck.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(stuck.output())
        .isEqualTo(
            "Bounce of web.main has not converged after 14m (limit 10m): bouncing crossover: 1/3 new happy");
  }

  @Test
  void aDeployErrorIsCritical() {
    DeployProgress failed =
        new DeployProgress(
            Optional.empty(),
            Optional.of("image 127.0.0.1:5000/services-web:paasta-abc not found"),
            "");
    CheckResult result = DeployCheck.evaluate(deploy(failed), NOW, CheckSettings.DEFAULTS);
    assertThat(result.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(result.output())
        .isEqualTo(
            "Deploy of web.main failed: image 127.0.0.1:5000/services-web:paasta-abc not found");
  }

  @Test
  void steadyDeployIsOk() {
    CheckResult result =
        DeployCheck.evaluate(
            deploy(DeployProgress.steady("running 3/3")), NOW, CheckSettings.DEFAULTS);
    assertThat(result.status()).isEqualTo(CheckStatus.OK);
    assertThat(result.output()).isEqualTo("web.main is deployed: running 3/3");
  }

  @Test
  void crashLoopCountsExitsWithinTheWindow() {
    List<ObservedTask> two =
        List.of(
            Fixtures.exited("a", Duration.ofMinutes(1)),
            Fixtures.exited("b", Duration.ofMinutes(2)),
            Fixtures.exited("old", Duration.ofMinutes(11)));
    List<ObservedTask> three =
        List.of(
            Fixtures.exited("a", Duration.ofMinutes(1)),
            Fixtures.exited("b", Duration.ofMinutes(2)),
            Fixtures.exited("c", Duration.ofMinutes(9)));
    CheckResult ok =
        CrashLoopCheck.evaluate(
            Fixtures.snapshot(Fixtures.team("web"), 1, two), NOW, CheckSettings.DEFAULTS);
    CheckResult looping =
        CrashLoopCheck.evaluate(
            Fixtures.snapshot(Fixtures.team("web"), 1, three), NOW, CheckSettings.DEFAULTS);
    assertThat(ok.status()).isEqualTo(CheckStatus.OK);
    assertThat(ok.output())
        .isEqualTo("web.main: 2 tasks exited in the last 10m (crash loop at 3); last exit code 1");
    assertThat(looping.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(looping.output()).startsWith("web.main: 3 tasks exited in the last 10m");
  }

  @Test
  void oomKillsWithinTheWindowAreCritical() {
    CheckResult recent =
        OomCheck.evaluate(
            withOom(NOW.minusSeconds(30), NOW.minusSeconds(90)), NOW, CheckSettings.DEFAULTS);
    CheckResult old =
        OomCheck.evaluate(withOom(NOW.minusSeconds(11 * 60)), NOW, CheckSettings.DEFAULTS);
    assertThat(recent.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(recent.output())
        .isEqualTo(
            "The Out Of Memory killer killed 2 tasks of web.main in the last 10m in cluster local:"
                + " raise its mem limit or lower its memory use");
    assertThat(old.status()).isEqualTo(CheckStatus.OK);
    assertThat(old.output()).isEqualTo("No OOM kills of web.main in the last 10m");
  }

  @Test
  void theOomCheckCanBeTurnedOffAsInPaasta() {
    MonitoringConfig m = Fixtures.team("web");
    MonitoringConfig off =
        new MonitoringConfig(
            m.team(),
            m.notificationEmail(),
            m.page(),
            m.runbook(),
            m.tip(),
            m.ticket(),
            m.project(),
            m.ircChannels(),
            m.slackChannels(),
            m.alertAfter(),
            m.realertEvery(),
            m.checkEvery(),
            m.priority(),
            m.tags(),
            Map.of("check_oom_events", false));
    InstanceSnapshot s = withOom(NOW.minusSeconds(30));
    InstanceSnapshot disabled =
        new InstanceSnapshot(
            s.ref(), off, s.expected(), 50, s.tasks(), s.smartstack(), s.deploy(), s.oomKills());
    assertThat(OomCheck.evaluate(disabled, NOW, CheckSettings.DEFAULTS).status())
        .isEqualTo(CheckStatus.OK);
  }

  @Test
  void healthCheckFailuresAreWarningForSomeAndCriticalForAll() {
    ObservedTask good = Fixtures.running("a", Duration.ofHours(1), HealthState.HEALTHY);
    ObservedTask bad = Fixtures.running("b", Duration.ofHours(1), HealthState.UNHEALTHY);
    ObservedTask failed = Fixtures.running("c", Duration.ofHours(1), HealthState.FAILED);
    ObservedTask grace = Fixtures.running("d", Duration.ofSeconds(5), HealthState.UNKNOWN);
    assertThat(health(good, grace).status()).isEqualTo(CheckStatus.OK);
    CheckResult some = health(good, bad);
    assertThat(some.status()).isEqualTo(CheckStatus.WARNING);
    assertThat(some.output()).isEqualTo("1 of 2 running tasks of web.main fail their health check");
    assertThat(health(bad, failed).status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(health(Fixtures.draining("e", Duration.ofHours(1))).status())
        .isEqualTo(CheckStatus.OK);
  }

  private static CheckResult health(ObservedTask... tasks) {
    return HealthcheckCheck.evaluate(
        Fixtures.snapshot(Fixtures.team("web"), tasks.length, List.of(tasks)));
  }

  private static InstanceSnapshot deploy(DeployProgress progress) {
    return new InstanceSnapshot(
        WEB_MAIN,
        Fixtures.team("web"),
        3,
        50,
        Fixtures.healthyTasks(3),
        Optional.empty(),
        progress,
        List.of());
  }

  private static InstanceSnapshot withOom(Instant... kills) {
    return new InstanceSnapshot(
        WEB_MAIN,
        Fixtures.team("web"),
        3,
        50,
        Fixtures.healthyTasks(3),
        Optional.empty(),
        DeployProgress.steady("running 3/3"),
        List.of(kills));
  }
}
