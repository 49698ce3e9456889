package io.paasta.planning.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.Deployments;
import io.paasta.model.DesiredState;
import io.paasta.model.DrainMethod;
import io.paasta.model.Ulimit;
import io.paasta.model.Volume;
import io.paasta.planning.testing.ConfigFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DesiredInstanceFactoryTest {
  private final ConfigFixture f = new ConfigFixture();

  @Test
  void notDeployedWithoutDeploymentsOrWithoutTheDeployGroup() {
    assertThat(
            DesiredInstanceFactory.create(
                f.config(), Optional.empty(), f.system(), f.serviceConfig(), OptionalInt.empty()))
        .isEmpty();
    assertThat(
            DesiredInstanceFactory.create(
                f.config(),
                Optional.of(Deployments.empty()),
                f.system(),
                f.serviceConfig(),
                OptionalInt.empty()))
        .isEmpty();
  }

  @Test
  void identityAndImage() {
    DesiredInstance desired = f.desired();
    assertThat(desired.ref()).isEqualTo(f.ref());
    assertThat(desired.gitSha()).isEqualTo(ConfigFixture.SHA);
    assertThat(desired.appId())
        .isEqualTo("svc.main.git01234567.config" + desired.configHash().substring(0, 8));
    assertThat(desired.run().image()).isEqualTo("registry.local:5000/" + ConfigFixture.IMAGE);
    f.serviceRegistry = Optional.of("mine:5000");
    assertThat(f.desired().run().image()).isEqualTo("mine:5000/" + ConfigFixture.IMAGE);
  }

  @Test
  void environmentHasThePlatformVariablesAndTheUsersWin() {
    f.env.put("PAASTA_CLUSTER", "mine");
    f.env.put("EXTRA", "1");
    DesiredInstance desired = f.desired();
    assertThat(desired.run().env())
        .containsEntry("PAASTA_SERVICE", "svc")
        .containsEntry("PAASTA_INSTANCE", "main")
        .containsEntry("PAASTA_CLUSTER", "mine")
        .containsEntry("PAASTA_DEPLOY_GROUP", "local.main")
        .containsEntry("PAASTA_DOCKER_IMAGE", ConfigFixture.IMAGE)
        .containsEntry("MARATHON_APP_ID", "/" + desired.appId())
        .containsEntry("MARATHON_APP_VERSION", desired.configHash())
        .containsEntry("MARATHON_APP_RESOURCE_CPUS", "0.25")
        .containsEntry("MARATHON_APP_RESOURCE_MEM", "1024")
        .containsEntry("MARATHON_APP_RESOURCE_DISK", "1024")
        .containsEntry("EXTRA", "1")
        .doesNotContainKeys("PORT0", "PORT", "MARATHON_PORT");
    f.env.put("MARATHON_APP_ID", "/custom");
    assertThat(f.desired().run().env()).containsEntry("MARATHON_APP_ID", "/custom");
  }

  @Test
  void dockerRunParameters() {
    f.cpus = 0.5;
    f.mem = 512.5;
    f.cpuBurstPct = 100;
    f.cfsPeriodUs = 50_000;
    f.ulimit = Map.of("nofile", new Ulimit(1024, 2048));
    f.capAdd = List.of("NET_ADMIN");
    f.extraDockerArgs = Map.of("shm-size", "64m");
    RunSpec run = f.desired().run();
    assertThat(run.cpuPeriodUs()).isEqualTo(50_000);
    assertThat(run.cpuQuotaUs()).isEqualTo(50_000); // 0.5 * 50000 * 200 / 100
    assertThat(run.memMb()).isEqualTo(512.5);
    assertThat(run.memSwapMb()).isEqualTo(577);
    assertThat(run.ulimits()).containsEntry("nofile", new Ulimit(1024, 2048));
    assertThat(run.capAdd()).containsExactly("NET_ADMIN");
    assertThat(run.extraDockerArgs()).containsEntry("shm-size", "64m");
    assertThat(run.portCount()).isEqualTo(1);
    assertThat(run.cmd()).isEqualTo(f.cmd);
    assertThat(run.healthcheck()).isEqualTo(f.healthcheck);
  }

  @Test
  void defaultCpuQuotaIsTenTimesTheShare() {
    assertThat(f.desired().run().cpuQuotaUs()).isEqualTo(250_000); // 0.25 * 100000 * 1000 / 100
  }

  @Test
  void systemVolumesComeFirstAndExtraVolumesReplaceSamePaths() {
    f.systemVolumes =
        List.of(
            new Volume("/etc/a", "/etc/a", Volume.Mode.RO), new Volume("/x", "/x", Volume.Mode.RO));
    f.extraVolumes.add(new Volume("/data", "/srv/data", Volume.Mode.RW));
    f.extraVolumes.add(new Volume("/x", "/y", Volume.Mode.RW));
    assertThat(f.desired().run().volumes())
        .containsExactly(
            new Volume("/etc/a", "/etc/a", Volume.Mode.RO),
            new Volume("/x", "/y", Volume.Mode.RW),
            new Volume("/data", "/srv/data", Volume.Mode.RW));
  }

  @Test
  void labelsIdentifyTheTask() {
    f.drainMethod = DrainMethod.HTTP;
    f.drainParams = Map.of("drain", Map.of("url_format", "http://{host}:{port}/drain"));
    DesiredInstance desired = f.desired();
    assertThat(desired.run().labels())
        .containsEntry(Labels.MANAGED, "true")
        .containsEntry(Labels.SERVICE, "svc")
        .containsEntry(Labels.INSTANCE, "main")
        .containsEntry(Labels.CLUSTER, "local")
        .containsEntry(Labels.KIND, "marathon")
        .containsEntry(Labels.APP_ID, desired.appId())
        .containsEntry(Labels.GIT_SHA, ConfigFixture.SHA)
        .containsEntry(Labels.CONFIG_HASH, desired.configHash())
        .containsEntry(Labels.DEPLOY_GROUP, "local.main")
        .containsEntry(Labels.DRAIN_METHOD, "http")
        .containsEntry(
            Labels.DRAIN_PARAMS, "{\"drain\":{\"url_format\":\"http://{host}:{port}/drain\"}}")
        .doesNotContainKey(Labels.PORT0);
    assertThat(HealthcheckLabel.parse(desired.run().labels().get(Labels.HEALTHCHECK)))
        .isEqualTo(f.healthcheck);
  }

  @Test
  void bounceAndBackoffSettingsPassThrough() {
    f.minTaskUptime = Optional.of(Duration.ofSeconds(30));
    f.checkHaproxy = true;
    f.maxLaunchDelaySeconds = 12.5;
    f.drainParams = new java.util.HashMap<>(java.util.Collections.singletonMap("delay", null));
    DesiredInstance desired = f.desired();
    assertThat(desired.minTaskUptime()).contains(Duration.ofSeconds(30));
    assertThat(desired.checkHaproxy()).isTrue();
    assertThat(desired.maxLaunchDelay()).isEqualTo(Duration.ofMillis(12_500));
    assertThat(desired.backoffFactor()).isEqualTo(2);
    assertThat(desired.drainMethodParams()).containsEntry("delay", null);
    assertThat(desired.run().labels()).containsEntry(Labels.DRAIN_PARAMS, "{\"delay\":null}");
  }

  @ParameterizedTest(name = "{0} instances={1} min={2} max={3} stored={4} -> {5}")
  @CsvSource(
      nullValues = "-",
      value = {
        "START, 3, -, -, -, 3",
        "START, 3, -, -, 7, 3", // not autoscaled: the stored count is ignored
        "STOP, 3, -, -, -, 0",
        "STOP, 3, 1, 5, 4, 0",
        "START, 3, 2, 6, -, 6", // autoscaled, nothing stored: max
        "START, 3, 2, 6, 4, 4",
        "START, 3, 2, 6, 1, 2", // clamped up to min
        "START, 3, 2, 6, 9, 6", // clamped down to max
        "START, 3, -, 5, 0, 1", // min defaults to 1
        "START, 3, 4, -, -, 4", // only min: max is max(instances, min)
        "START, 5, 4, -, 9, 5",
      })
  void desiredCount(
      DesiredState state, int instances, Integer min, Integer max, Integer stored, int expected) {
    f.instances = instances;
    f.minInstances = min == null ? OptionalInt.empty() : OptionalInt.of(min);
    f.maxInstances = max == null ? OptionalInt.empty() : OptionalInt.of(max);
    OptionalInt storedCount = stored == null ? OptionalInt.empty() : OptionalInt.of(stored);
    assertThat(DesiredInstanceFactory.desiredCount(f.config(), state, storedCount))
        .isEqualTo(expected);
    f.desiredState = state;
    assertThat(
            DesiredInstanceFactory.create(
                    f.config(),
                    Optional.of(f.deployments()),
                    f.system(),
                    f.serviceConfig(),
                    storedCount)
                .orElseThrow()
                .instances())
        .isEqualTo(expected);
  }
}
