package io.paasta.monitoring.check;

import static io.paasta.monitoring.testing.Fixtures.NOW;
import static io.paasta.monitoring.testing.Fixtures.WEB_MAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.monitoring.testing.Fixtures;
import io.paasta.planning.observed.HealthState;
import io.paasta.planning.observed.ObservedTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The replication rule of SPEC section 8, pinned by tables. */
class ReplicationCheckTest {
  @ParameterizedTest(name = "{1} of {0} available, threshold {2}% -> {3}")
  @CsvSource({
    // expected, available, threshold, status, output tail
    "3, 3, 50,  OK,       3 out of 3 expected instances available (threshold: 50%)",
    "3, 2, 50,  OK,       2 out of 3 expected instances available (threshold: 50%)",
    "3, 1, 50,  CRITICAL, 1 out of 3 expected instances available (threshold: 50%)",
    "4, 2, 50,  OK,       2 out of 4 expected instances available (threshold: 50%)",
    "3, 0, 50,  CRITICAL, 0 out of 3 expected instances available (threshold: 50%)",
    "0, 0, 50,  OK,       0 out of 0 expected instances available (threshold: 50%)",
    "3, 2, 100, CRITICAL, 2 out of 3 expected instances available (threshold: 100%)",
    "3, 3, 100, OK,       3 out of 3 expected instances available (threshold: 100%)",
    "3, 1, 33.5, CRITICAL, 1 out of 3 expected instances available (threshold: 33.5%)",
    "3, 1, 33,  OK,       1 out of 3 expected instances available (threshold: 33%)",
    "2, 5, 50,  OK,       5 out of 2 expected instances available (threshold: 50%)",
  })
  void taskForm(int expected, int available, double threshold, CheckStatus status, String tail) {
    InstanceSnapshot snapshot =
        withThreshold(
            Fixtures.snapshot(Fixtures.team("web"), expected, Fixtures.healthyTasks(available)),
            threshold);
    CheckResult result = ReplicationCheck.evaluate(snapshot, NOW, CheckSettings.DEFAULTS);
    assertThat(result.name()).isEqualTo("check_marathon_services_replication.web.main");
    assertThat(result.status()).isEqualTo(status);
    assertThat(result.output()).isEqualTo("Service web.main has " + tail);
  }

  @ParameterizedTest(name = "expected {0}, UP per location {1}, threshold {2}% -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // expected | UP backends per location (a=.., b=..) | threshold | status | output
        "6 | a=3,b=3 | 50 | OK | 3 out of 3 expected instances in region:a (OK: 100%); 3 out of 3 expected instances in region:b (OK: 100%)",
        "6 | a=3,b=1 | 50 | CRITICAL | 1 out of 3 expected instances in region:b (CRITICAL: 33%); 3 out of 3 expected instances in region:a (OK: 100%)",
        "6 | a=2,b=2 | 50 | OK | 2 out of 3 expected instances in region:a (OK: 66%); 2 out of 3 expected instances in region:b (OK: 66%)",
        "5 | a=1,b=1 | 50 | OK | 1 out of 2 expected instances in region:a (OK: 50%); 1 out of 2 expected instances in region:b (OK: 50%)",
        "5 | a=2,b=0 | 50 | CRITICAL | 0 out of 2 expected instances in region:b (CRITICAL: 0%); 2 out of 2 expected instances in region:a (OK: 100%)",
        "1 | a=0,b=0 | 50 | OK | 0 out of 0 expected instances in region:a (OK: 100%); 0 out of 0 expected instances in region:b (OK: 100%)",
        "3 | a=1 | 50 | CRITICAL | 1 out of 3 expected instances in region:a (CRITICAL: 33%)",
        "3 | a=4 | 50 | OK | 4 out of 3 expected instances in region:a (OK: 133%)",
        "9 | a=3,b=3,c=2 | 80 | CRITICAL | 2 out of 3 expected instances in region:c (CRITICAL: 66%); 3 out of 3 expected instances in region:a (OK: 100%); 3 out of 3 expected instances in region:b (OK: 100%)",
      })
  void smartstackForm(
      int expected, String locations, double threshold, CheckStatus status, String detail) {
    Map<String, Integer> backends = new LinkedHashMap<>();
    for (String pair : locations.split(",")) {
      String[] kv = pair.split("=");
      backends.put("region:" + kv[0], Integer.parseInt(kv[1]));
    }
    InstanceSnapshot snapshot = smartstack(expected, threshold, backends);
    CheckResult result = ReplicationCheck.evaluate(snapshot, NOW, CheckSettings.DEFAULTS);
    assertThat(result.status()).isEqualTo(status);
    assertThat(result.output())
        .isEqualTo("Service web.main has " + detail + " (threshold: " + (int) threshold + "%)");
  }

  @Test
  void smartstackWithoutAnyLocationIsCritical() {
    CheckResult result =
        ReplicationCheck.evaluate(smartstack(3, 50, Map.of()), NOW, CheckSettings.DEFAULTS);
    assertThat(result.status()).isEqualTo(CheckStatus.CRITICAL);
    assertThat(result.output()).contains("no SmartStack replication info");
  }

  @Test
  void smartstackFormIgnoresTasks() {
    InstanceSnapshot snapshot = smartstack(3, 50, Map.of("region:a", 3));
    assertThat(snapshot.tasks()).isEmpty();
    assertThat(ReplicationCheck.evaluate(snapshot, NOW, CheckSettings.DEFAULTS).status())
        .isEqualTo(CheckStatus.OK);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "healthy and up an hour, true",
    "healthy and up 61 seconds, true",
    "healthy and up exactly a minute, false",
    "healthy and up 30 seconds, false",
    "unhealthy, false",
    "failed, false",
    "in its grace period, false",
    "draining, false",
    "exited, false",
  })
  void whichTasksCountAsAvailable(String task, boolean counts) {
    ObservedTask observed =
        switch (task) {
          case "healthy and up an hour" ->
              Fixtures.running("t", Duration.ofHours(1), HealthState.HEALTHY);
          case "healthy and up 61 seconds" ->
              Fixtures.running("t", Duration.ofSeconds(61), HealthState.HEALTHY);
          case "healthy and up exactly a minute" ->
              Fixtures.running("t", Duration.ofMinutes(1), HealthState.HEALTHY);
          case "healthy and up 30 seconds" ->
              Fixtures.running("t", Duration.ofSeconds(30), HealthState.HEALTHY);
          case "unhealthy" -> Fixtures.running("t", Duration.ofHours(1), HealthState.UNHEALTHY);
          case "failed" -> Fixtures.running("t", Duration.ofHours(1), HealthState.FAILED);
          case "in its grace period" ->
              Fixtures.running("t", Duration.ofHours(1), HealthState.UNKNOWN);
          case "draining" -> Fixtures.draining("t", Duration.ofHours(1));
          case "exited" -> Fixtures.exited("t", Duration.ofMinutes(1));
          default -> throw new IllegalArgumentException(task);
        };
    CheckResult result =
        ReplicationCheck.evaluate(
            Fixtures.snapshot(Fixtures.team("web"), 1, List.of(observed)),
            NOW,
            CheckSettings.DEFAULTS);
    assertThat(result.status()).isEqualTo(counts ? CheckStatus.OK : CheckStatus.CRITICAL);
  }

  @Test
  void tasksOfEveryAppCount() {
    List<ObservedTask> tasks = new ArrayList<>(Fixtures.healthyTasks(1));
    ObservedTask old = Fixtures.running("old", Duration.ofHours(2), HealthState.HEALTHY);
    tasks.add(
        new ObservedTask(
            old.id(),
            "web.main.gitaaaaaaaa.configbbbbbbbb",
            old.state(),
            old.startedAt(),
            old.finishedAt(),
            old.exitCode(),
            old.port0(),
            old.health(),
            old.drain(),
            old.inHaproxy()));
    CheckResult result =
        ReplicationCheck.evaluate(
            Fixtures.snapshot(Fixtures.team("web"), 2, tasks), NOW, CheckSettings.DEFAULTS);
    assertThat(result.output()).contains("has 2 out of 2");
  }

  @Test
  void kubernetesInstancesUsePaastasKubernetesName() {
    InstanceSnapshot marathon =
        Fixtures.snapshot(Fixtures.team("web"), 1, Fixtures.healthyTasks(1));
    InstanceSnapshot kubernetes =
        new InstanceSnapshot(
            new io.paasta.model.InstanceRef(
                "web", "local", "main", io.paasta.model.InstanceKind.KUBERNETES),
            marathon.monitoring(),
            1,
            50,
            marathon.tasks(),
            Optional.empty(),
            marathon.deploy(),
            List.of());
    assertThat(ReplicationCheck.evaluate(kubernetes, NOW, CheckSettings.DEFAULTS).name())
        .isEqualTo("check_kubernetes_services_replication.web.main");
  }

  @ParameterizedTest(name = "{1} ready of {0} (+{2} not ready, {3} terminating) -> {4}")
  @CsvSource({
    // expected, ready (started 10 s ago), not ready, terminating, status, output
    "3, 3, 0, 0, OK,       web.main has 3/3 replicas available (threshold: 50%)",
    "3, 1, 2, 0, CRITICAL, web.main has 1/3 replicas available (threshold: 50%)",
    "3, 2, 0, 1, OK,       web.main has 2/3 replicas available (threshold: 50%)",
    "2, 0, 0, 2, CRITICAL, web.main has 0/2 replicas available (threshold: 50%)",
    "0, 0, 0, 0, OK,       web.main has 0/0 replicas available (threshold: 50%)",
  })
  void kubernetesInstancesCountReadyReplicas(
      int expected, int ready, int notReady, int terminating, CheckStatus status, String output) {
    List<ObservedTask> tasks = new ArrayList<>();
    for (int i = 0; i < ready + notReady + terminating; i++) {
      ObservedTask pod = Fixtures.healthyTasks(1).get(0);
      tasks.add(
          new ObservedTask(
              "pod-" + i,
              pod.appId(),
              pod.state(),
              Optional.of(NOW.minusSeconds(10)),
              Optional.empty(),
              pod.exitCode(),
              pod.port0(),
              i < ready + notReady && i >= ready ? HealthState.UNHEALTHY : HealthState.HEALTHY,
              i >= ready + notReady
                  ? io.paasta.planning.observed.DrainState.DRAINING
                  : io.paasta.planning.observed.DrainState.NOT_DRAINING,
              false));
    }
    InstanceSnapshot snapshot =
        new InstanceSnapshot(
            new io.paasta.model.InstanceRef(
                "web", "local", "main", io.paasta.model.InstanceKind.KUBERNETES),
            Fixtures.team("web"),
            expected,
            50,
            tasks,
            Optional.empty(),
            Fixtures.snapshot(Fixtures.team("web"), 1, List.of()).deploy(),
            List.of());
    CheckResult result = ReplicationCheck.evaluate(snapshot, NOW, CheckSettings.DEFAULTS);
    assertThat(result.name()).isEqualTo("check_kubernetes_services_replication.web.main");
    assertThat(result.status()).isEqualTo(status);
    assertThat(result.output()).isEqualTo(output);
  }

  private static InstanceSnapshot smartstack(
      int expected, double threshold, Map<String, Integer> backends) {
    return new InstanceSnapshot(
        WEB_MAIN,
        Fixtures.team("web"),
        expected,
        threshold,
        List.of(),
        Optional.of(backends),
        DeployProgress.steady("running"),
        List.of());
  }

  private static InstanceSnapshot withThreshold(InstanceSnapshot s, double threshold) {
    return new InstanceSnapshot(
        s.ref(),
        s.monitoring(),
        s.expected(),
        threshold,
        s.tasks(),
        s.smartstack(),
        s.deploy(),
        s.oomKills());
  }
}
