package io.paasta.config.soa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.config.ConfigException;
import io.paasta.config.TestTree;
import io.paasta.model.BounceMethod;
import io.paasta.model.ContainerConfig;
import io.paasta.model.DrainMethod;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.JobConfig;
import io.paasta.model.LongRunningConfig;
import io.paasta.model.NetworkMode;
import io.paasta.model.ServiceInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoaConfigsLoaderTest {
  @TempDir Path root;

  private LoadedService load(String service) {
    return SoaConfigsLoader.open(root).load(service);
  }

  @Test
  void longRunningDefaultsAreCompleteWithoutSmartStack() {
    new TestTree(root).file("web/marathon-dev.yaml", "main: {}");
    LongRunningConfig main = (LongRunningConfig) load("web").service().instances().get(0);

    assertThat(main.instances()).isEqualTo(1);
    assertThat(main.container().cpus()).isEqualTo(0.25);
    assertThat(main.container().mem()).isEqualTo(1024);
    assertThat(main.container().disk()).isEqualTo(1024);
    assertThat(main.container().net()).isEqualTo(NetworkMode.BRIDGE);
    assertThat(main.container().containerPort()).isEqualTo(8888);
    assertThat(main.container().cfsPeriodUs()).isEqualTo(ContainerConfig.DEFAULT_CFS_PERIOD_US);
    assertThat(main.container().cpuBurstPct()).isEqualTo(900);
    assertThat(main.container().pool()).isEqualTo("default");
    assertThat(main.deployGroup()).isEqualTo("dev.main");
    assertThat(main.bounceMethod()).isEqualTo(BounceMethod.CROSSOVER);
    assertThat(main.bounceMarginFactor()).isEqualTo(1.0);
    assertThat(main.drainMethod()).isEqualTo(DrainMethod.NOOP);
    assertThat(main.healthcheck().mode()).isEqualTo(HealthcheckMode.NONE);
    assertThat(main.healthcheck().uri()).isEqualTo("/status");
    assertThat(main.healthcheck().gracePeriodSeconds()).isEqualTo(60);
    assertThat(main.healthcheck().intervalSeconds()).isEqualTo(10);
    assertThat(main.healthcheck().timeoutSeconds()).isEqualTo(10);
    assertThat(main.healthcheck().maxConsecutiveFailures()).isEqualTo(30);
    assertThat(main.registrations()).containsExactly(new ServiceInstance("web", "main"));
    assertThat(main.replicationThreshold()).isEqualTo(50);
    assertThat(main.bounceHealthParams().checkHaproxy()).isFalse();
    assertThat(main.backoffFactor()).isEqualTo(2);
    assertThat(main.maxLaunchDelaySeconds()).isEqualTo(300);
    assertThat(main.autoscaled()).isFalse();
  }

  @Test
  void smartStackInstancesDefaultToHacheckHttpHealthAndHaproxyChecks() {
    new TestTree(root)
        .file("web/smartstack.yaml", "main:", "  proxy_port: 20001")
        .file("web/marathon-dev.yaml", "main: {}", "worker:", "  registrations: [web.internal]")
        .file(
            "web/smartstack.yaml",
            "main:",
            "  proxy_port: 20001",
            "internal:",
            "  proxy_port: null");
    List<LongRunningConfig> instances =
        load("web").service().instances().stream().map(LongRunningConfig.class::cast).toList();

    LongRunningConfig main = instances.get(0);
    assertThat(main.drainMethod()).isEqualTo(DrainMethod.HACHECK);
    assertThat(main.healthcheck().mode()).isEqualTo(HealthcheckMode.HTTP);
    assertThat(main.bounceHealthParams().checkHaproxy()).isTrue();

    LongRunningConfig worker = instances.get(1); // discovery-only namespace: not in SmartStack
    assertThat(worker.drainMethod()).isEqualTo(DrainMethod.NOOP);
    assertThat(worker.healthcheck().mode()).isEqualTo(HealthcheckMode.NONE);
  }

  @Test
  void serviceYamlIsTheDefaultOfEveryInstanceAndTemplatesAreNotInstances() {
    new TestTree(root)
        .file(
            "web/service.yaml",
            "git_url: git@example:web",
            "cpus: 2",
            "env: {A: service, B: service}")
        .file(
            "web/marathon-dev.yaml",
            "_base: &base",
            "  mem: 256",
            "  env: {B: template}",
            "main:",
            "  <<: *base",
            "  instances: 3",
            "  deploy_group: '{cluster}.everything'");
    LoadedService loaded = load("web");
    assertThat(loaded.service().instances()).hasSize(1);
    LongRunningConfig main = (LongRunningConfig) loaded.service().instances().get(0);
    assertThat(main.container().cpus()).isEqualTo(2);
    assertThat(main.container().mem()).isEqualTo(256);
    assertThat(main.container().env()).isEqualTo(Map.of("A", "service", "B", "template"));
    assertThat(main.instances()).isEqualTo(3);
    assertThat(main.deployGroup()).isEqualTo("dev.everything");
    assertThat(loaded.service().config().gitUrl()).contains("git@example:web");
  }

  @Test
  void jobDefaultsAndParents() {
    new TestTree(root)
        .file(
            "batch/chronos-dev.yaml",
            "nightly:",
            "  schedule: R/2026-01-01T00:00:00Z/PT24H",
            "  cmd: echo hi",
            "report:",
            "  parents: batch.nightly",
            "  epsilon: PT30M");
    List<JobConfig> jobs =
        load("batch").service().instances().stream().map(JobConfig.class::cast).toList();
    assertThat(jobs.get(0).epsilon()).isEqualTo(Duration.ofSeconds(60));
    assertThat(jobs.get(0).retries()).isEqualTo(2);
    assertThat(jobs.get(0).disabled()).isFalse();
    assertThat(jobs.get(0).jobName()).isEqualTo("batch nightly");
    assertThat(jobs.get(1).parents()).containsExactly(new ServiceInstance("batch", "nightly"));
    assertThat(jobs.get(1).epsilon()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void monitoringPrecedenceReachesInstances() {
    new TestTree(root)
        .file("web/service.yaml", "team: from-service-top", "monitoring: {page: true}")
        .file("web/monitoring.yaml", "team: from-monitoring-yaml", "runbook: y")
        .file(
            "web/marathon-dev.yaml", "main: {}", "canary:", "  monitoring: {team: from-instance}");
    var instances = load("web").service().instances();
    assertThat(instances.get(0).monitoring().team()).contains("from-monitoring-yaml");
    assertThat(instances.get(0).monitoring().page()).isTrue();
    assertThat(instances.get(1).monitoring().team()).contains("from-instance");
    assertThat(instances.get(1).monitoring().runbook()).contains("y");
  }

  @Test
  void wrongTypesAreProblemsAndTheDefaultIsUsed() {
    new TestTree(root).file("web/marathon-dev.yaml", "main:", "  cpus: lots");
    LoadedService loaded = load("web");
    assertThat(((LongRunningConfig) loaded.service().instances().get(0)).container().cpus())
        .isEqualTo(0.25);
    assertThat(loaded.problems())
        .extracting(p -> p.format())
        .containsExactly(
            "web/marathon-dev.yaml:2: main.cpus: is a string (\"lots\") - expected a number");
  }

  @Test
  void loadingOneServiceDoesNotReadOthers() {
    new TestTree(root)
        .file("web/marathon-dev.yaml", "main: {}")
        .file("broken/marathon-dev.yaml", "main: [unclosed");
    assertThat(load("web").problems()).isEmpty();
  }

  @Test
  void unknownAndInvalidServiceNamesAreRefused() {
    new TestTree(root).file("web/service.yaml", "description: x");
    SoaConfigsLoader loader = SoaConfigsLoader.open(root);
    assertThatThrownBy(() -> loader.load("nope"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown service 'nope'");
    assertThatThrownBy(() -> loader.load("../etc"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not a valid service name");
  }

  @Test
  void clustersComeFromFileNames() {
    new TestTree(root)
        .file("web/marathon-norcal.yaml", "main: {}")
        .file("web/kubernetes-pnw.yaml", "main: {}")
        .file("batch/chronos-norcal.yaml", "x: {}")
        .file("batch/adhoc-dev.yaml", "x: {}");
    assertThat(SoaConfigsLoader.open(root).clusters()).containsExactly("dev", "norcal", "pnw");
  }
}
