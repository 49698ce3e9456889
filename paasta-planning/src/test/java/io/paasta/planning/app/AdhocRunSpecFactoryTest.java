package io.paasta.planning.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.paasta.model.AdhocConfig;
import io.paasta.model.Deployments.DeployGroupDeployment;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.LongRunningConfig;
import io.paasta.planning.testing.ConfigFixture;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdhocRunSpecFactoryTest {
  private final ConfigFixture f = new ConfigFixture();

  private AdhocConfig shell() {
    f.env.put("GREETING", "bonjour");
    f.mem = 64;
    LongRunningConfig base = f.config();
    return new AdhocConfig(
        new InstanceRef("svc", "local", "shell", InstanceKind.ADHOC),
        base.deployGroup(),
        base.container(),
        base.healthcheck(),
        base.monitoring(),
        Map.of());
  }

  private RunSpec create(Optional<String> command) {
    return AdhocRunSpecFactory.create(
        shell(),
        new DeployGroupDeployment(ConfigFixture.IMAGE, ConfigFixture.SHA),
        f.system(),
        f.serviceConfig(),
        command);
  }

  @Test
  void aRunHasTheDeployGroupsImageTheEnvAndLimitsAndNoPortOrHealthCheck() {
    RunSpec spec = create(Optional.empty());

    assertThat(spec.image()).isEqualTo("registry.local:5000/" + ConfigFixture.IMAGE);
    assertThat(spec.cmd()).isEqualTo(f.cmd);
    assertThat(spec.env())
        .containsEntry("PAASTA_INSTANCE", "shell")
        .containsEntry("PAASTA_DOCKER_IMAGE", ConfigFixture.IMAGE)
        .containsEntry("GREETING", "bonjour");
    assertThat(spec.memMb()).isEqualTo(64);
    assertThat(spec.portCount()).isZero();
    assertThat(spec.healthcheck().enabled()).isFalse();
    assertThat(spec.labels()).containsEntry(Labels.GIT_SHA, ConfigFixture.SHA);
  }

  @Test
  void aCommandAskedForReplacesTheInstancesCmdAndArgs() {
    RunSpec spec = create(Optional.of("echo hi; exit 3"));

    assertThat(spec.cmd()).contains("echo hi; exit 3");
    assertThat(spec.args()).isEmpty();
    assertThat(spec.env()).containsEntry("GREETING", "bonjour");
  }
}
