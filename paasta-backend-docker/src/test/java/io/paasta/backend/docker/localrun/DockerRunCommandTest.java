package io.paasta.backend.docker.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.HostConfig;
import io.paasta.backend.docker.engine.ContainerSpec;
import io.paasta.backend.docker.engine.ExtraDockerArgs;
import io.paasta.backend.docker.engine.TaskCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DockerRunCommandTest {
  private static ContainerSpec spec(HostConfig host, TaskCommand command, List<String> env) {
    return new ContainerSpec(
        "local-run-web-1",
        "127.0.0.1:5000/services-web:paasta-abc",
        command,
        env,
        Map.of("paasta_service", "web", "paasta_local_run", "true"),
        host,
        List.of(31000));
  }

  private static TaskCommand shell(String cmd) {
    return new TaskCommand(Optional.of(TaskCommand.SHELL), Optional.of(List.of(cmd)));
  }

  @Test
  void argsFollowTheImageWithItsOwnEntrypoint() {
    ContainerSpec spec =
        spec(
            HostConfig.newHostConfig(),
            new TaskCommand(Optional.empty(), Optional.of(List.of("serve", "--port", "1"))),
            List.of());

    assertThat(DockerRunCommand.words(spec, false, false))
        .endsWith("127.0.0.1:5000/services-web:paasta-abc", "serve", "--port", "1")
        .noneMatch(w -> w.startsWith("--entrypoint"));
  }

  @Test
  void interactiveAddsStdinAndTty() {
    ContainerSpec spec = spec(HostConfig.newHostConfig(), shell("sh"), List.of());

    assertThat(DockerRunCommand.words(spec, true, true).subList(0, 5))
        .containsExactly("docker", "run", "--rm", "-i", "-t");
    assertThat(DockerRunCommand.words(spec, true, false)).contains("-i").doesNotContain("-t");
  }

  @Test
  void everyExtraDockerArgIsWritten() {
    HostConfig host = HostConfig.newHostConfig().withNetworkMode("host").withInit(true);
    Map<String, String> args = new TreeMap<>();
    args.put("init", "false");
    args.put("privileged", "true");
    args.put("read-only", "true");
    args.put("oom-kill-disable", "true");
    args.put("shm-size", "64m");
    args.put("memory-reservation", "1000");
    args.put("memory-swappiness", "10");
    args.put("pids-limit", "100");
    args.put("oom-score-adj", "-5");
    args.put("cpu-shares", "512");
    args.put("cpuset-cpus", "0-1");
    args.put("cpuset-mems", "0");
    args.put("pid", "host");
    args.put("ipc", "private");
    args.put("security-opt", "no-new-privileges");
    args.put("cap-add", "NET_ADMIN");
    args.put("cap-drop", "MKNOD");
    args.put("ulimit", "nofile=1024:2048");
    args.put("tmpfs", "/run:size=1m");
    args.put("sysctl", "net.core.somaxconn=1024");
    assertThat(args.keySet()).isEqualTo(ExtraDockerArgs.supported());
    ExtraDockerArgs.apply(args, host);

    assertThat(DockerRunCommand.unrendered(host)).isEmpty();
    assertThat(DockerRunCommand.hostFlags(host))
        .containsExactly(
            "--network=host",
            "--init=false",
            "--cpu-shares=512",
            "--cpuset-cpus=0-1",
            "--cpuset-mems=0",
            "--ulimit=nofile=1024:2048",
            "--cap-add=NET_ADMIN",
            "--cap-drop=MKNOD",
            "--privileged",
            "--read-only",
            "--oom-kill-disable",
            "--shm-size=64m",
            "--memory-reservation=1000b",
            "--memory-swappiness=10",
            "--pids-limit=100",
            "--oom-score-adj=-5",
            "--pid=host",
            "--ipc=private",
            "--security-opt=no-new-privileges",
            "--tmpfs=/run:size=1m",
            "--sysctl=net.core.somaxconn=1024");
  }

  @Test
  void aSettingNoFlagWritesIsRefusedRatherThanLeftOut() {
    HostConfig host = HostConfig.newHostConfig().withNetworkMode("host").withDns("10.0.0.1");

    assertThat(DockerRunCommand.unrendered(host)).containsExactly("Dns");
    assertThatThrownBy(() -> DockerRunCommand.hostFlags(host))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[Dns]");
  }
}
