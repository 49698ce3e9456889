package io.paasta.cli.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paasta.cli.CliRun;
import io.paasta.cli.UserException;
import io.paasta.config.soa.LoadedService;
import io.paasta.config.soa.SoaConfigsLoader;
import io.paasta.model.InstanceKind;
import io.paasta.model.LongRunningConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunTargetTest {
  private static LoadedService load(String service) {
    return SoaConfigsLoader.open(CliRun.EXAMPLES).load(service);
  }

  @Test
  void aLongRunningInstanceIsItsConfig() {
    LongRunningConfig config = LocalRunTarget.resolve(load("hello-web"), "local", "main");

    assertThat(config.ref().kind()).isEqualTo(InstanceKind.MARATHON);
    assertThat(config.instances()).isEqualTo(3);
  }

  @Test
  void anUnknownClusterNamesTheFilesLookedFor() {
    assertThatThrownBy(() -> LocalRunTarget.resolve(load("hello-web"), "norcal", "main"))
        .isInstanceOf(UserException.class)
        .hasMessage(
            "hello-web has no instances in cluster 'norcal': there is no"
                + " hello-web/marathon-norcal.yaml, hello-web/kubernetes-norcal.yaml,"
                + " hello-web/eks-norcal.yaml, hello-web/chronos-norcal.yaml or hello-web/adhoc-norcal.yaml in soa-configs -"
                + " its clusters: local, prod-east (pass one with -c)");
  }

  @Test
  void anUnknownInstanceNamesTheFileAndItsInstances() {
    assertThatThrownBy(() -> LocalRunTarget.resolve(load("hello-web"), "prod-east", "nope"))
        .isInstanceOf(UserException.class)
        .hasMessage(
            "no instance 'nope' in hello-web/marathon-prod-east.yaml - its instances: canary,"
                + " main (pass one with -i)");
  }

  @Test
  void aScheduledJobRunsOneTaskWithoutHealthCheck() {
    LongRunningConfig config = LocalRunTarget.resolve(load("batch-reports"), "local", "nightly");

    assertThat(config.ref().kind()).isEqualTo(InstanceKind.CHRONOS);
    assertThat(config.instances()).isEqualTo(1);
    assertThat(config.healthcheck().enabled()).isFalse();
    assertThat(config.container().env()).containsEntry("REPORT_KIND", "nightly");
    assertThat(LocalRunTarget.job(load("batch-reports"), "local", "nightly")).isPresent();
    assertThat(LocalRunTarget.job(load("hello-web"), "local", "main")).isEmpty();
  }

  @Test
  void aServiceWithConfigErrorsIsNotRun(@TempDir Path soa) throws IOException {
    Path dir = Files.createDirectories(soa.resolve("broken"));
    Files.writeString(dir.resolve("service.yaml"), "git_url: file:///srv/git/broken.git\n");
    Files.writeString(dir.resolve("marathon-local.yaml"), "main:\n  cpus: lots\n");

    LoadedService loaded = SoaConfigsLoader.open(soa).load("broken");

    assertThatThrownBy(() -> LocalRunTarget.resolve(loaded, "local", "main"))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith(
            "broken has 1 config problem(s), the first: broken/marathon-local.yaml")
        .hasMessageEndingWith(
            " - fix them (paasta validate -s broken lists them all); the cluster would not run"
                + " this config either");
  }

  @Test
  void withoutInstanceTheAdhocInteractiveInstanceRunsWhenThereIsOne(@TempDir Path soa)
      throws IOException {
    Path dir = Files.createDirectories(soa.resolve("tool"));
    Files.writeString(dir.resolve("service.yaml"), "git_url: file:///srv/git/tool.git\n");
    Files.writeString(dir.resolve("marathon-local.yaml"), "main:\n  cmd: echo main\n");
    Files.writeString(
        dir.resolve("adhoc-local.yaml"),
        "interactive:\n  cmd: echo interactive\n  mem: 2048\n  env:\n    MODE: console\n");
    Files.writeString(dir.resolve("adhoc-prod.yaml"), "batch:\n  cmd: echo batch\n");
    Files.writeString(dir.resolve("marathon-prod.yaml"), "interactive:\n  cmd: echo lr\n");
    LoadedService loaded = SoaConfigsLoader.open(soa).load("tool");

    assertThat(LocalRunTarget.defaultInstance(loaded.service(), "local")).isEqualTo("interactive");
    LongRunningConfig config = LocalRunTarget.resolve(loaded, "local", "interactive");
    assertThat(config.ref().kind()).isEqualTo(InstanceKind.ADHOC);
    assertThat(config.container().env()).containsEntry("MODE", "console");
    assertThat(config.container().mem()).isEqualTo(2048.0);
    // no adhoc interactive in prod (a long-running one of that name does not count): main
    assertThat(LocalRunTarget.defaultInstance(loaded.service(), "prod")).isEqualTo("main");
    assertThat(LocalRunTarget.defaultInstance(load("hello-web").service(), "local"))
        .isEqualTo("main");
  }
}
