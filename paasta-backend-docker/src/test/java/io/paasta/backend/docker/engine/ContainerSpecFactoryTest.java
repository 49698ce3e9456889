package io.paasta.backend.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import io.paasta.backend.docker.testing.RunSpecBuilder;
import io.paasta.model.HealthcheckMode;
import io.paasta.model.InstanceKind;
import io.paasta.model.InstanceRef;
import io.paasta.model.Volume;
import io.paasta.planning.app.HealthcheckLabel;
import io.paasta.planning.app.Labels;
import io.paasta.planning.backend.BackendException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerSpecFactoryTest {
  private static final InstanceRef REF =
      new InstanceRef("web", "norcal", "main", InstanceKind.MARATHON);
  private static final String APP = "web.main.gitabcdef12.config12345678";

  private static ContainerSpec build(RunSpecBuilder run) {
    return ContainerSpecFactory.build(REF, APP, run.build(), List.of(31003), APP + "-0badf00d");
  }

  @Test
  void resourcesAreThoseOfSpecSection4OnHostNetworking() {
    HostConfig host =
        build(RunSpecBuilder.image("img").memMb(100, 164).cpu(100_000, 25_000)).hostConfig();

    assertThat(host.getNetworkMode()).isEqualTo("host");
    assertThat(host.getMemory()).isEqualTo(100L * 1024 * 1024);
    assertThat(host.getMemorySwap()).isEqualTo(164L * 1024 * 1024);
    assertThat(host.getCpuPeriod()).isEqualTo(100_000L);
    assertThat(host.getCpuQuota()).isEqualTo(25_000L);
  }

  @Test
  void ulimitsCapabilitiesAndVolumesAreHostConfig() {
    HostConfig host =
        build(
                RunSpecBuilder.image("img")
                    .ulimit("nofile", 1024, 2048)
                    .capAdd("NET_ADMIN")
                    .volume(new Volume("/etc/x", "/srv/x", Volume.Mode.RO))
                    .volume(new Volume("/data", "/srv/data", Volume.Mode.RW)))
            .hostConfig();

    assertThat(host.getUlimits()).containsExactly(new Ulimit("nofile", 1024L, 2048L));
    assertThat(host.getCapAdd()).containsExactly(Capability.NET_ADMIN);
    assertThat(host.getBinds())
        .containsExactly(
            new Bind("/srv/x", new com.github.dockerjava.api.model.Volume("/etc/x"), AccessMode.ro),
            new Bind(
                "/srv/data", new com.github.dockerjava.api.model.Volume("/data"), AccessMode.rw));
  }

  @Test
  void anUnknownCapabilityIsNamed() {
    assertThatThrownBy(() -> build(RunSpecBuilder.image("img").capAdd("FLY")))
        .isInstanceOf(BackendException.class)
        .hasMessage("cap_add: unknown capability \"FLY\"");
  }

  @Test
  void labelsAreTheSpecsPlusIdentityHealthcheckAndPorts() {
    ContainerSpec spec =
        build(
            RunSpecBuilder.image("img")
                .label("custom", "1")
                .label(Labels.SERVICE, "not-web")
                .healthcheck(RunSpecBuilder.check(HealthcheckMode.HTTP, "/status", 5, 1, 3)));

    assertThat(spec.labels())
        .containsEntry("custom", "1")
        .containsEntry(Labels.MANAGED, "true")
        .containsEntry(Labels.SERVICE, "web")
        .containsEntry(Labels.INSTANCE, "main")
        .containsEntry(Labels.CLUSTER, "norcal")
        .containsEntry(Labels.KIND, "marathon")
        .containsEntry(Labels.APP_ID, APP)
        .containsEntry(Labels.PORT0, "31003")
        .containsEntry(TaskLabels.PORTS, "31003");
    assertThat(HealthcheckLabel.parse(spec.labels().get(Labels.HEALTHCHECK)).mode())
        .isEqualTo(HealthcheckMode.HTTP);
  }

  @Test
  void theSpecsOwnHealthcheckLabelIsKept() {
    ContainerSpec spec =
        build(RunSpecBuilder.image("img").label(Labels.HEALTHCHECK, "{\"mode\":\"tcp\"}"));

    assertThat(spec.labels()).containsEntry(Labels.HEALTHCHECK, "{\"mode\":\"tcp\"}");
  }

  @Test
  void theTaskSeesItsNameAsTaskIdAndItsPort() {
    ContainerSpec spec = build(RunSpecBuilder.image("img").env("A", "b"));

    assertThat(spec.name()).isEqualTo(APP + "-0badf00d");
    assertThat(spec.env()).contains("A=b", "PORT0=31003", "MESOS_TASK_ID=" + APP + "-0badf00d");
  }
}
