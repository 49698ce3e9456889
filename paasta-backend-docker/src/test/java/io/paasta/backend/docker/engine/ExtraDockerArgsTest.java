package io.paasta.backend.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ulimit;
import io.paasta.planning.backend.BackendException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtraDockerArgsTest {
  private static HostConfig apply(Map<String, String> args) {
    HostConfig host = HostConfig.newHostConfig().withCapAdd(Capability.CHOWN);
    ExtraDockerArgs.apply(args, host);
    return host;
  }

  @Test
  void flagsMapToTheHostConfig() {
    HostConfig host =
        apply(
            Map.of(
                "init", "true",
                "--shm-size", "64m",
                "pids-limit", "100",
                "read-only", "",
                "security-opt", "no-new-privileges",
                "cap-add", "cap_sys_ptrace",
                "ulimit", "nproc=10:20",
                "tmpfs", "/run:size=1m"));

    assertThat(host.getInit()).isTrue();
    assertThat(host.getShmSize()).isEqualTo(64L * 1024 * 1024);
    assertThat(host.getPidsLimit()).isEqualTo(100L);
    assertThat(host.getReadonlyRootfs()).isTrue();
    assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
    assertThat(host.getCapAdd()).containsExactly(Capability.CHOWN, Capability.SYS_PTRACE);
    assertThat(host.getUlimits()).containsExactly(new Ulimit("nproc", 10L, 20L));
    assertThat(host.getTmpFs()).containsEntry("/run", "size=1m");
  }

  @Test
  void anUnknownFlagIsNamedWithTheSupportedOnes() {
    assertThatThrownBy(() -> apply(Map.of("device", "/dev/fuse")))
        .isInstanceOf(BackendException.class)
        .hasMessageStartingWith(
            "extra_docker_args: the Docker backend does not support device - supported: ")
        .hasMessageContaining("init");
  }

  @Test
  void networkFlagsAreRefused() {
    assertThatThrownBy(() -> apply(Map.of("net", "bridge")))
        .hasMessageContaining("tasks always run on host networking");
  }

  @Test
  void aBadValueIsNamed() {
    assertThatThrownBy(() -> apply(Map.of("init", "maybe")))
        .hasMessage("extra_docker_args: init=\"maybe\" - expected true or false");
    assertThatThrownBy(() -> apply(Map.of("shm-size", "lots")))
        .hasMessageContaining("shm-size=\"lots\" - expected a size");
  }

  @Test
  void sizesAreBytes() {
    assertThat(ExtraDockerArgs.bytes("512")).isEqualTo(512);
    assertThat(ExtraDockerArgs.bytes("2k")).isEqualTo(2048);
    assertThat(ExtraDockerArgs.bytes("1G")).isEqualTo(1024L * 1024 * 1024);
  }
}
